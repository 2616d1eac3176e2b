import { defineManifest } from '../../manifest/manifest-schema';

export const insightly = defineManifest({
  name: 'insightly',
  title: 'Insightly',
  category: 'crm',
  description: 'Create contacts, leads and opportunities in Insightly and list contacts (API v3.1).',
  docsUrl: 'https://api.insightly.com/v3.1/Help',
  verification: 'documented',
  baseUrl: 'https://api.{pod}.insightly.com/v3.1',
  auth: {
    credentialType: 'api_key',
    fields: {
      pod: {
        description: 'The pod of your API URL: the "na1" of https://api.na1.insightly.com',
        pattern: '^[a-z]{2,4}[0-9]{1,2}$',
      },
      api_key: { description: 'Your API key (User Settings → API)', secret: true },
    },
    apply: [{ in: 'basic', username: '{api_key}', password: '' }],
    hint: '{"pod":"na1","api_key":"…"}',
  },
  errors: { message: ['Message', 'message'] },
  actions: {
    create_contact: {
      description: 'Create a contact (a person).',
      method: 'POST',
      path: '/Contacts',
      params: {
        first_name: { in: 'body', wire: 'FIRST_NAME', type: 'string' },
        last_name: { in: 'body', wire: 'LAST_NAME', type: 'string' },
        email: { in: 'body', wire: 'EMAIL_ADDRESS', type: 'string', format: 'email' },
        phone: { in: 'body', wire: 'PHONE', type: 'string' },
        title: { in: 'body', wire: 'TITLE', type: 'string' },
        organisation_id: { in: 'body', wire: 'ORGANISATION_ID', type: 'integer' },
        background: { in: 'body', wire: 'BACKGROUND', type: 'string' },
      },
      output: { id: 'CONTACT_ID', contact: '' },
      summary: 'Created contact #{CONTACT_ID}',
    },
    create_lead: {
      description: 'Create a lead; a last name is required.',
      method: 'POST',
      path: '/Leads',
      params: {
        first_name: { in: 'body', wire: 'FIRST_NAME', type: 'string' },
        last_name: { in: 'body', wire: 'LAST_NAME', type: 'string', required: true },
        email: { in: 'body', wire: 'EMAIL', type: 'string', format: 'email' },
        phone: { in: 'body', wire: 'PHONE', type: 'string' },
        title: { in: 'body', wire: 'TITLE', type: 'string' },
        organisation_name: { in: 'body', wire: 'ORGANISATION_NAME', type: 'string' },
        lead_description: { in: 'body', wire: 'LEAD_DESCRIPTION', type: 'string' },
        lead_source_id: { in: 'body', wire: 'LEAD_SOURCE_ID', type: 'integer' },
        lead_status_id: { in: 'body', wire: 'LEAD_STATUS_ID', type: 'integer' },
      },
      output: { id: 'LEAD_ID', lead: '' },
      summary: 'Created lead #{LEAD_ID}',
    },
    create_opportunity: {
      description: 'Create an opportunity with an optional bid amount.',
      method: 'POST',
      path: '/Opportunities',
      params: {
        name: { in: 'body', wire: 'OPPORTUNITY_NAME', type: 'string', required: true },
        details: { in: 'body', wire: 'OPPORTUNITY_DETAILS', type: 'string' },
        bid_amount: { in: 'body', wire: 'BID_AMOUNT', type: 'number', minimum: 0 },
        bid_currency: { in: 'body', wire: 'BID_CURRENCY', type: 'string', pattern: '^[A-Z]{3}$' },
        forecast_close_date: { in: 'body', wire: 'FORECAST_CLOSE_DATE', type: 'string', format: 'date-time' },
      },
      output: { id: 'OPPORTUNITY_ID', opportunity: '' },
      summary: 'Created opportunity #{OPPORTUNITY_ID}',
    },
    list_contacts: {
      description: 'List contacts, optionally changed after a date, page by page.',
      method: 'GET',
      path: '/Contacts',
      params: {
        updated_after_utc: { in: 'query', type: 'string', format: 'date-time' },
        brief: { in: 'query', type: 'boolean', description: 'Leave out child objects (faster)' },
      },
      pagination: { style: 'offset', items: '', param: 'skip', sizeParam: 'top', size: 500 },
    },
  },
});
