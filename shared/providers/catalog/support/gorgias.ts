import { defineManifest } from '../../manifest/manifest-schema';

export const gorgias = defineManifest({
  name: 'gorgias',
  title: 'Gorgias',
  category: 'support',
  description: 'Create Gorgias tickets and messages and list tickets, with a REST API key.',
  docsUrl: 'https://developers.gorgias.com/docs/create-a-ticket-using-api',
  verification: 'documented',
  baseUrl: 'https://{domain}.gorgias.com/api',
  auth: {
    credentialType: 'api_key',
    fields: {
      domain: { description: 'The "acme" of acme.gorgias.com', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
      email: { description: 'The e-mail address of the user who owns the key' },
      api_key: { description: 'A REST API key (Settings → REST API)', secret: true },
    },
    apply: [{ in: 'basic', username: '{email}', password: '{api_key}' }],
    hint: '{"domain":"acme","email":"you@acme.com","api_key":"…"}',
  },
  errors: { message: ['error.msg', 'message', 'error'] },
  actions: {
    create_ticket: {
      description: 'Create a ticket with a first incoming message from a customer (by e-mail).',
      method: 'POST',
      path: '/tickets',
      constants: {
        body: { channel: 'api', via: 'api', messages: [{ channel: 'api', via: 'api', from_agent: false }] },
      },
      params: {
        customer_email: {
          in: 'body',
          wire: 'customer.email',
          type: 'string',
          format: 'email',
          required: true,
        },
        sender_email: {
          in: 'body',
          wire: 'messages.0.sender.email',
          type: 'string',
          format: 'email',
          required: true,
          description: 'Who wrote the first message (usually the customer)',
        },
        subject: { in: 'body', type: 'string', maxLength: 998 },
        body_text: { in: 'body', wire: 'messages.0.body_text', type: 'string', required: true },
        body_html: { in: 'body', wire: 'messages.0.body_html', type: 'string' },
        tags: {
          in: 'body',
          type: 'array',
          items: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
          description: '[{"name":"refund"}]',
        },
      },
      output: { id: 'id', status: 'status', ticket: '' },
      summary: 'Created Gorgias ticket #{id}',
    },
    add_message: {
      description: 'Add an internal note to a ticket (from an agent, channel internal-note).',
      method: 'POST',
      path: '/tickets/{ticket_id}/messages',
      constants: { body: { channel: 'internal-note', via: 'api', from_agent: true } },
      params: {
        ticket_id: { in: 'path', required: true, type: 'integer', minimum: 1 },
        sender_email: {
          in: 'body',
          wire: 'sender.email',
          type: 'string',
          format: 'email',
          required: true,
          description: 'The agent writing the note',
        },
        body_text: { in: 'body', type: 'string', required: true },
        body_html: { in: 'body', type: 'string' },
      },
      output: { id: 'id', ticket_id: 'ticket_id' },
      summary: 'Added message {id}',
    },
    list_tickets: {
      description: 'List tickets; meta.next_cursor leads to the next page.',
      method: 'GET',
      path: '/tickets',
      params: {
        limit: { in: 'query', type: 'integer', minimum: 1, maximum: 100, default: 30 },
        order_by: { in: 'query', type: 'string', description: 'e.g. created_datetime:desc' },
        customer_id: { in: 'query', type: 'integer' },
      },
      pagination: { style: 'cursor', items: 'data', next: 'meta.next_cursor', param: 'cursor' },
    },
  },
});
