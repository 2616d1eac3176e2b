import { defineManifest } from '../../manifest/manifest-schema';

export const salesforce = defineManifest({
  name: 'salesforce',
  title: 'Salesforce',
  category: 'crm',
  description: 'Create leads and contacts and run SOQL queries with the Salesforce REST API.',
  docsUrl:
    'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_basic_info_post.htm',
  verification: 'documented',
  baseUrl: 'https://{my_domain}.my.salesforce.com/services/data/v62.0',
  auth: {
    credentialType: 'oauth',
    fields: {
      my_domain: {
        description:
          'The My Domain name: the "acme" of acme.my.salesforce.com (sandboxes: "acme--dev.sandbox")',
        pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,79}(\\.sandbox)?$',
      },
      access_token: { description: 'An OAuth access token for the org', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {access_token}' }],
    hint: '{"my_domain":"acme","access_token":"00D…"}',
  },
  errors: { message: ['0.message', 'message'] },
  actions: {
    create_lead: {
      description: 'Create a Lead; LastName and Company are required.',
      method: 'POST',
      path: '/sobjects/Lead',
      params: {
        last_name: { in: 'body', wire: 'LastName', type: 'string', required: true, maxLength: 80 },
        company: { in: 'body', wire: 'Company', type: 'string', required: true, maxLength: 255 },
        first_name: { in: 'body', wire: 'FirstName', type: 'string', maxLength: 40 },
        email: { in: 'body', wire: 'Email', type: 'string', format: 'email' },
        phone: { in: 'body', wire: 'Phone', type: 'string', maxLength: 40 },
        title: { in: 'body', wire: 'Title', type: 'string', maxLength: 128 },
        lead_source: { in: 'body', wire: 'LeadSource', type: 'string' },
        status: { in: 'body', wire: 'Status', type: 'string', description: 'A lead status of the org' },
        description: { in: 'body', wire: 'Description', type: 'string' },
      },
      output: { id: 'id', success: 'success' },
      summary: 'Created Lead {id}',
    },
    create_contact: {
      description: 'Create a Contact, optionally under an Account; LastName is required.',
      method: 'POST',
      path: '/sobjects/Contact',
      params: {
        last_name: { in: 'body', wire: 'LastName', type: 'string', required: true, maxLength: 80 },
        first_name: { in: 'body', wire: 'FirstName', type: 'string', maxLength: 40 },
        email: { in: 'body', wire: 'Email', type: 'string', format: 'email' },
        phone: { in: 'body', wire: 'Phone', type: 'string', maxLength: 40 },
        title: { in: 'body', wire: 'Title', type: 'string', maxLength: 128 },
        account_id: {
          in: 'body',
          wire: 'AccountId',
          type: 'string',
          pattern: '^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$',
        },
        description: { in: 'body', wire: 'Description', type: 'string' },
      },
      output: { id: 'id', success: 'success' },
      summary: 'Created Contact {id}',
    },
    query: {
      description: 'Run a SOQL query; the output has totalSize, done and the first batch of records.',
      method: 'GET',
      path: '/query',
      params: {
        q: {
          in: 'query',
          type: 'string',
          required: true,
          maxLength: 100000,
          description: "A SOQL query, e.g. SELECT Id, Name FROM Account WHERE Name = 'Acme'",
        },
      },
      output: {
        total_size: 'totalSize',
        done: 'done',
        records: 'records',
        next_records_url: 'nextRecordsUrl',
      },
      summary: '{totalSize} records',
    },
  },
});
