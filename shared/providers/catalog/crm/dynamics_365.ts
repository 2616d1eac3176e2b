import { defineManifest } from '../../manifest/manifest-schema';

const ODATA = {
  'OData-MaxVersion': '4.0',
  'OData-Version': '4.0',
  Prefer: 'return=representation',
};

export const dynamics365 = defineManifest({
  name: 'dynamics_365',
  title: 'Microsoft Dynamics 365 Sales',
  category: 'crm',
  description:
    'Create contacts and leads and query tables of a Dynamics 365 (Dataverse) environment via the Web API.',
  docsUrl:
    'https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/web-api-basic-operations-sample',
  verification: 'documented',
  baseUrl: 'https://{org}.{region}.dynamics.com/api/data/v9.2',
  auth: {
    credentialType: 'oauth',
    fields: {
      org: {
        description: 'The environment name: the "contoso" of contoso.crm.dynamics.com',
        pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
      },
      region: {
        description: 'The regional host part after the name: crm (North America), crm4 (Europe), …',
        enum: [
          'crm',
          'crm2',
          'crm3',
          'crm4',
          'crm5',
          'crm6',
          'crm7',
          'crm8',
          'crm11',
          'crm12',
          'crm14',
          'crm15',
          'crm16',
          'crm17',
          'crm19',
          'crm20',
          'crm21',
        ],
        default: 'crm',
      },
      access_token: { description: 'A Microsoft Entra access token for the environment', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {access_token}' }],
    hint: '{"org":"contoso","region":"crm4","access_token":"eyJ…"}',
  },
  errors: { message: ['error.message'] },
  actions: {
    create_contact: {
      description: 'Create a contact row and return it.',
      method: 'POST',
      path: '/contacts',
      constants: { headers: ODATA },
      params: {
        lastname: { in: 'body', type: 'string', required: true, maxLength: 50 },
        firstname: { in: 'body', type: 'string', maxLength: 50 },
        emailaddress1: { in: 'body', type: 'string', format: 'email' },
        telephone1: { in: 'body', type: 'string', maxLength: 50 },
        jobtitle: { in: 'body', type: 'string', maxLength: 100 },
        description: { in: 'body', type: 'string' },
      },
      output: { id: 'contactid', contact: '' },
      summary: 'Created contact {contactid}',
    },
    create_lead: {
      description: 'Create a lead row and return it.',
      method: 'POST',
      path: '/leads',
      constants: { headers: ODATA },
      params: {
        subject: { in: 'body', type: 'string', required: true, maxLength: 300, description: 'The topic' },
        lastname: { in: 'body', type: 'string', maxLength: 50 },
        firstname: { in: 'body', type: 'string', maxLength: 50 },
        companyname: { in: 'body', type: 'string', maxLength: 100 },
        emailaddress1: { in: 'body', type: 'string', format: 'email' },
        telephone1: { in: 'body', type: 'string', maxLength: 50 },
        description: { in: 'body', type: 'string' },
      },
      output: { id: 'leadid', lead: '' },
      summary: 'Created lead {leadid}',
    },
    query: {
      description: 'Read rows of a table (entity set) with OData $select, $filter, $orderby and $top.',
      method: 'GET',
      path: '/{entity_set}',
      constants: { headers: { 'OData-MaxVersion': '4.0', 'OData-Version': '4.0' } },
      params: {
        entity_set: {
          in: 'path',
          required: true,
          type: 'string',
          pattern: '^[a-z][a-z0-9_]{0,99}$',
          description: 'The entity set name: contacts, accounts, leads, opportunities, …',
        },
        select: { in: 'query', wire: '$select', type: 'string', description: 'e.g. fullname,emailaddress1' },
        filter: { in: 'query', wire: '$filter', type: 'string', description: "e.g. lastname eq 'Lovelace'" },
        orderby: { in: 'query', wire: '$orderby', type: 'string', description: 'e.g. createdon desc' },
        top: { in: 'query', wire: '$top', type: 'integer', minimum: 1, maximum: 5000, default: 50 },
      },
      output: 'value',
    },
  },
});
