import { defineManifest } from '../../manifest/manifest-schema';

const ID = { type: 'string', pattern: '^[0-9a-f]{24}$' } as const;

export const kustomer = defineManifest({
  name: 'kustomer',
  title: 'Kustomer',
  category: 'support',
  description: 'Create Kustomer customers and conversations and add notes, with an API key.',
  docsUrl: 'https://developer.kustomer.com/api/core-resources/create-note',
  verification: 'documented',
  baseUrl: 'https://{org}.api.kustomerapp.com/v1',
  auth: {
    credentialType: 'api_key',
    fields: {
      org: {
        description: 'The org name: the "acme" of acme.kustomerapp.com',
        pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
      },
      api_key: {
        description: 'An API key (Settings → Security → API Keys) with the needed roles',
        secret: true,
      },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {api_key}' }],
    hint: '{"org":"acme","api_key":"eyJ…"}',
  },
  errors: { message: ['errors.0.detail', 'errors.0.title', 'message'] },
  actions: {
    create_customer: {
      description: 'Create a customer with a name and e-mail.',
      method: 'POST',
      path: '/customers',
      params: {
        name: { in: 'body', type: 'string', required: true },
        email: { in: 'body', wire: 'emails.0.email', type: 'string', format: 'email' },
        phone: { in: 'body', wire: 'phones.0.phone', type: 'string' },
        external_id: { in: 'body', wire: 'externalId', type: 'string' },
        tags: { in: 'body', type: 'array', items: { type: 'string' } },
      },
      output: { id: 'data.id', customer: 'data' },
      summary: 'Created customer {data.id}',
    },
    create_conversation: {
      description: 'Open a conversation for a customer.',
      method: 'POST',
      path: '/conversations',
      params: {
        customer: { in: 'body', required: true, ...ID, description: 'The customer id' },
        name: { in: 'body', type: 'string', description: 'The conversation title' },
        status: { in: 'body', type: 'string', enum: ['open', 'snoozed', 'done'] },
        priority: { in: 'body', type: 'integer', minimum: 1, maximum: 5 },
        tags: { in: 'body', type: 'array', items: { type: 'string' } },
      },
      output: { id: 'data.id', conversation: 'data' },
      summary: 'Created conversation {data.id}',
    },
    add_note: {
      description: 'Add an internal note (never shown to the customer) to a conversation.',
      method: 'POST',
      path: '/notes',
      params: {
        conversation: { in: 'body', required: true, ...ID, description: 'The conversation id' },
        body: { in: 'body', type: 'string', required: true, minLength: 1, maxLength: 10240 },
      },
      output: { id: 'data.id' },
      summary: 'Added note {data.id}',
    },
  },
});
