import { defineManifest } from '../../manifest/manifest-schema';

const MODULE = {
  in: 'path',
  required: true,
  type: 'string',
  pattern: '^[A-Za-z][A-Za-z0-9_]{0,49}$',
  description: 'The module API name: Leads, Contacts, Accounts, Deals, or a custom module',
} as const;

export const zohoCrm = defineManifest({
  name: 'zoho_crm',
  title: 'Zoho CRM',
  category: 'crm',
  description: 'Insert leads and contacts into Zoho CRM and search records of any module (API v7).',
  docsUrl: 'https://www.zoho.com/crm/developer/docs/api/v7/insert-records.html',
  verification: 'documented',
  baseUrl: 'https://www.zohoapis.{dc}/crm/v7',
  auth: {
    credentialType: 'oauth',
    fields: {
      dc: {
        description: 'The data centre domain of the account',
        enum: ['com', 'eu', 'in', 'com.au', 'jp', 'ca', 'com.cn', 'sa'],
        default: 'com',
      },
      access_token: { description: 'An OAuth access token with ZohoCRM.modules scopes', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Zoho-oauthtoken {access_token}' }],
    hint: '{"access_token":"1000.…","dc":"eu"} (dc defaults to com)',
  },
  errors: { message: ['data.0.message', 'message', 'code'] },
  actions: {
    create_lead: {
      description: 'Insert one lead; Last_Name is required.',
      method: 'POST',
      path: '/Leads',
      params: {
        last_name: { in: 'body', wire: 'data.0.Last_Name', type: 'string', required: true, maxLength: 80 },
        first_name: { in: 'body', wire: 'data.0.First_Name', type: 'string', maxLength: 40 },
        company: { in: 'body', wire: 'data.0.Company', type: 'string', maxLength: 200 },
        email: { in: 'body', wire: 'data.0.Email', type: 'string', format: 'email' },
        phone: { in: 'body', wire: 'data.0.Phone', type: 'string', maxLength: 50 },
        lead_source: { in: 'body', wire: 'data.0.Lead_Source', type: 'string' },
        description: { in: 'body', wire: 'data.0.Description', type: 'string' },
        trigger: {
          in: 'body',
          type: 'array',
          items: { type: 'string', enum: ['approval', 'workflow', 'blueprint'] },
          description: 'Automations to run on insert (default: none)',
        },
      },
      output: { id: 'data.0.details.id', code: 'data.0.code', status: 'data.0.status' },
      summary: 'Lead {data.0.details.id}: {data.0.code}',
    },
    create_contact: {
      description: 'Insert one contact; Last_Name is required.',
      method: 'POST',
      path: '/Contacts',
      params: {
        last_name: { in: 'body', wire: 'data.0.Last_Name', type: 'string', required: true, maxLength: 80 },
        first_name: { in: 'body', wire: 'data.0.First_Name', type: 'string', maxLength: 40 },
        email: { in: 'body', wire: 'data.0.Email', type: 'string', format: 'email' },
        phone: { in: 'body', wire: 'data.0.Phone', type: 'string', maxLength: 50 },
        mobile: { in: 'body', wire: 'data.0.Mobile', type: 'string', maxLength: 50 },
        title: { in: 'body', wire: 'data.0.Title', type: 'string' },
        description: { in: 'body', wire: 'data.0.Description', type: 'string' },
        trigger: {
          in: 'body',
          type: 'array',
          items: { type: 'string', enum: ['approval', 'workflow', 'blueprint'] },
        },
      },
      output: { id: 'data.0.details.id', code: 'data.0.code', status: 'data.0.status' },
      summary: 'Contact {data.0.details.id}: {data.0.code}',
    },
    search_records: {
      description: 'Search a module by e-mail, phone, word or criteria; no match gives no items.',
      method: 'GET',
      path: '/{module}/search',
      params: {
        module: MODULE,
        email: { in: 'query', type: 'string', format: 'email' },
        phone: { in: 'query', type: 'string' },
        word: { in: 'query', type: 'string', description: 'A word to look for in all text fields' },
        criteria: {
          in: 'query',
          type: 'string',
          description: 'e.g. ((Last_Name:equals:Lovelace)and(Company:starts_with:Acme))',
        },
      },
      pagination: { style: 'page', items: 'data', param: 'page', sizeParam: 'per_page', size: 200 },
    },
  },
});
