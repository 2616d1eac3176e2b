import { defineManifest } from '../../manifest/manifest-schema';

const LEAD_ID = {
  type: 'string',
  pattern: '^lead_[A-Za-z0-9]{10,60}$',
  description: 'The lead id (lead_…)',
} as const;

export const close = defineManifest({
  name: 'close',
  title: 'Close',
  category: 'crm',
  description: 'Create leads, contacts and notes in Close and search leads, with an API key.',
  docsUrl: 'https://developer.close.com/api',
  verification: 'wire-tested',
  baseUrl: 'https://api.close.com/api/v1',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'basic', username: '{token}', password: '' }],
    hint: 'An API key (Settings → Developer → API Keys)',
  },
  errors: { message: ['error', 'errors.0'] },
  actions: {
    create_lead: {
      description: 'Create a lead (a company), optionally with its contacts.',
      method: 'POST',
      path: '/lead/',
      params: {
        name: { in: 'body', type: 'string', required: true, description: 'The company name' },
        url: { in: 'body', type: 'string', format: 'uri' },
        description: { in: 'body', type: 'string' },
        status_id: { in: 'body', type: 'string', description: 'A lead status id (stat_…)' },
        contacts: {
          in: 'body',
          type: 'array',
          maxItems: 50,
          items: { type: 'object' },
          description: 'Contacts: [{"name":"Ada","emails":[{"email":"ada@example.com","type":"office"}]}]',
        },
      },
      output: { id: 'id', name: 'name', url: 'html_url' },
      summary: 'Created lead {name} ({id})',
    },
    create_contact: {
      description: 'Add a contact (a person) to an existing lead.',
      method: 'POST',
      path: '/contact/',
      params: {
        lead_id: { in: 'body', required: true, ...LEAD_ID },
        name: { in: 'body', type: 'string', required: true },
        title: { in: 'body', type: 'string' },
        emails: {
          in: 'body',
          type: 'array',
          items: {
            type: 'object',
            properties: { email: { type: 'string', format: 'email' }, type: { type: 'string' } },
            required: ['email'],
          },
          description: '[{"email":"ada@example.com","type":"office"}]',
        },
        phones: {
          in: 'body',
          type: 'array',
          items: {
            type: 'object',
            properties: { phone: { type: 'string' }, type: { type: 'string' } },
            required: ['phone'],
          },
          description: '[{"phone":"+16505551234","type":"mobile"}]',
        },
      },
      output: { id: 'id', lead_id: 'lead_id', name: 'name' },
      summary: 'Added contact {name} ({id})',
    },
    create_note: {
      description: 'Log a note activity on a lead.',
      method: 'POST',
      path: '/activity/note/',
      params: {
        lead_id: { in: 'body', required: true, ...LEAD_ID },
        note: { in: 'body', type: 'string', required: true, description: 'The note text' },
      },
      output: { id: 'id', lead_id: 'lead_id' },
      summary: 'Added note {id}',
    },
    list_leads: {
      description: 'List leads, optionally filtered with a Close search query.',
      method: 'GET',
      path: '/lead/',
      params: {
        query: { in: 'query', type: 'string', description: 'A search query, e.g. "company:Acme"' },
        _fields: {
          in: 'query',
          type: 'string',
          description: 'Comma-separated fields to return, e.g. "id,display_name"',
        },
      },
      pagination: { style: 'offset', items: 'data', param: '_skip', sizeParam: '_limit', size: 100 },
    },
  },
});
