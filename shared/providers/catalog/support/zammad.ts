import { defineManifest } from '../../manifest/manifest-schema';

export const zammad = defineManifest({
  name: 'zammad',
  title: 'Zammad',
  category: 'support',
  description: 'Create Zammad tickets, add articles, and search tickets, with an access token.',
  docsUrl: 'https://docs.zammad.org/en/latest/api/ticket/index.html',
  verification: 'documented',
  baseUrl: 'https://{host}/api/v1',
  auth: {
    credentialType: 'token',
    fields: {
      host: {
        description: 'The host name of the Zammad instance, e.g. acme.zammad.com or help.acme.com',
        pattern: '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$',
      },
      token: { description: 'A personal access token (Profile → Token Access)', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Token token={token}' }],
    hint: '{"host":"acme.zammad.com","token":"…"}',
  },
  errors: { message: ['error_human', 'error'] },
  actions: {
    create_ticket: {
      description: 'Create a ticket in a group for a customer, with its first article.',
      method: 'POST',
      path: '/tickets',
      params: {
        title: { in: 'body', type: 'string', required: true },
        group: { in: 'body', type: 'string', required: true, description: 'The group name, e.g. Users' },
        customer: {
          in: 'body',
          type: 'string',
          required: true,
          description: 'The customer e-mail or login (guess:email@example.com creates one)',
        },
        body: { in: 'body', wire: 'article.body', type: 'string', required: true },
        subject: { in: 'body', wire: 'article.subject', type: 'string' },
        article_type: {
          in: 'body',
          wire: 'article.type',
          type: 'string',
          enum: ['note', 'phone', 'email', 'web'],
          default: 'note',
        },
        internal: { in: 'body', wire: 'article.internal', type: 'boolean', default: false },
        state: { in: 'body', type: 'string', description: 'e.g. new, open' },
        priority: { in: 'body', type: 'string', description: 'e.g. 2 normal' },
      },
      output: { id: 'id', number: 'number', state_id: 'state_id', ticket: '' },
      summary: 'Created ticket #{number}',
    },
    add_article: {
      description: 'Add an article (note, reply or phone log) to a ticket.',
      method: 'POST',
      path: '/ticket_articles',
      params: {
        ticket_id: { in: 'body', type: 'integer', required: true, minimum: 1 },
        body: { in: 'body', type: 'string', required: true },
        subject: { in: 'body', type: 'string' },
        type: { in: 'body', type: 'string', enum: ['note', 'phone', 'email', 'web'], default: 'note' },
        internal: { in: 'body', type: 'boolean', default: true },
        to: { in: 'body', type: 'string', description: 'Recipient, for an e-mail article' },
        content_type: { in: 'body', type: 'string', enum: ['text/plain', 'text/html'] },
      },
      output: { id: 'id', ticket_id: 'ticket_id' },
      summary: 'Added article {id} to ticket {ticket_id}',
    },
    search_tickets: {
      description: 'Search tickets with a query (e.g. state.name:open), page by page.',
      method: 'GET',
      path: '/tickets/search',
      params: {
        query: { in: 'query', type: 'string', required: true },
        sort_by: { in: 'query', type: 'string', description: 'e.g. created_at' },
        order_by: { in: 'query', type: 'string', enum: ['asc', 'desc'] },
        expand: { in: 'query', type: 'boolean', default: true, description: 'Return full tickets' },
      },
      pagination: { style: 'page', items: '', param: 'page', sizeParam: 'per_page', size: 50 },
    },
  },
});
