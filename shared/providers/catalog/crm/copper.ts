import { defineManifest } from '../../manifest/manifest-schema';

const CATEGORY = { type: 'string' as const, enum: ['work', 'personal', 'other'], default: 'work' };

export const copper = defineManifest({
  name: 'copper',
  title: 'Copper',
  category: 'crm',
  description: 'Create people, leads and opportunities in Copper and search people (developer API v1).',
  docsUrl: 'https://developer.copper.com/introduction/requests.html',
  verification: 'documented',
  baseUrl: 'https://api.copper.com/developer_api/v1',
  auth: {
    credentialType: 'api_key',
    fields: {
      email: { description: 'The e-mail address of the user who generated the key' },
      api_key: { description: 'An API key (Settings → Integrations → API Keys)', secret: true },
    },
    apply: [
      { in: 'header', name: 'X-PW-AccessToken', value: '{api_key}' },
      { in: 'header', name: 'X-PW-UserEmail', value: '{email}' },
      { in: 'header', name: 'X-PW-Application', value: 'developer_api' },
    ],
    hint: '{"email":"you@acme.com","api_key":"…"}',
  },
  errors: { message: ['message', 'error'] },
  actions: {
    create_person: {
      description: 'Create a person (contact) record.',
      method: 'POST',
      path: '/people',
      params: {
        name: { in: 'body', type: 'string', required: true, description: 'Full name' },
        email: { in: 'body', wire: 'emails.0.email', type: 'string', format: 'email' },
        email_category: { in: 'body', wire: 'emails.0.category', ...CATEGORY },
        phone: { in: 'body', wire: 'phone_numbers.0.number', type: 'string' },
        phone_category: {
          in: 'body',
          wire: 'phone_numbers.0.category',
          type: 'string',
          enum: ['mobile', 'work', 'home', 'other'],
        },
        title: { in: 'body', type: 'string', description: 'Job title' },
        company_id: { in: 'body', type: 'integer', description: 'The company the person works for' },
        details: { in: 'body', type: 'string', description: 'Free-text description' },
        tags: { in: 'body', type: 'array', items: { type: 'string' } },
      },
      output: { id: 'id', name: 'name', person: '' },
      summary: 'Created person {name} (#{id})',
    },
    create_lead: {
      description: 'Create a lead.',
      method: 'POST',
      path: '/leads',
      params: {
        name: { in: 'body', type: 'string', required: true, description: 'Full name of the lead' },
        email: { in: 'body', wire: 'email.email', type: 'string', format: 'email' },
        email_category: { in: 'body', wire: 'email.category', ...CATEGORY },
        company_name: { in: 'body', type: 'string' },
        title: { in: 'body', type: 'string' },
        monetary_value: { in: 'body', type: 'number', minimum: 0 },
        details: { in: 'body', type: 'string' },
        tags: { in: 'body', type: 'array', items: { type: 'string' } },
      },
      output: { id: 'id', name: 'name', lead: '' },
      summary: 'Created lead {name} (#{id})',
    },
    create_opportunity: {
      description: 'Create an opportunity (deal), optionally linked to a primary contact.',
      method: 'POST',
      path: '/opportunities',
      params: {
        name: { in: 'body', type: 'string', required: true },
        primary_contact_id: { in: 'body', type: 'integer', description: 'The person the deal is with' },
        company_id: { in: 'body', type: 'integer' },
        pipeline_id: { in: 'body', type: 'integer' },
        pipeline_stage_id: { in: 'body', type: 'integer' },
        monetary_value: { in: 'body', type: 'number', minimum: 0 },
        close_date: { in: 'body', type: 'string', description: 'Expected close date, e.g. 12/31/2026' },
        details: { in: 'body', type: 'string' },
      },
      output: { id: 'id', name: 'name', opportunity: '' },
      summary: 'Created opportunity {name} (#{id})',
    },
    search_people: {
      description: 'Search people by name or e-mail; one page of up to 200 records.',
      method: 'POST',
      path: '/people/search',
      params: {
        name: { in: 'body', type: 'string', description: 'Full name to match' },
        emails: { in: 'body', type: 'array', items: { type: 'string', format: 'email' } },
        page_number: { in: 'body', type: 'integer', minimum: 1, default: 1 },
        page_size: { in: 'body', type: 'integer', minimum: 1, maximum: 200, default: 50 },
        sort_by: { in: 'body', type: 'string', description: 'e.g. name, date_modified' },
      },
    },
  },
});
