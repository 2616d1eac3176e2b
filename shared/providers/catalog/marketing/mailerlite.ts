import { defineManifest } from '../../manifest/manifest-schema';

export const mailerlite = defineManifest({
  name: 'mailerlite',
  title: 'MailerLite',
  category: 'marketing',
  description:
    'Create or update, list and group subscribers with the MailerLite API (connect.mailerlite.com).',
  docsUrl: 'https://developers.mailerlite.com/docs/subscribers.html',
  verification: 'documented',
  baseUrl: 'https://connect.mailerlite.com/api',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A MailerLite API token (Integrations → MailerLite API)',
  },
  errors: { message: ['message'] },
  actions: {
    upsert_subscriber: {
      description: 'Create a subscriber, or update the one with this address (non-destructive).',
      method: 'POST',
      path: '/subscribers',
      params: {
        email: { in: 'body', type: 'string', format: 'email', required: true },
        fields: {
          in: 'body',
          type: 'object',
          description: 'Field values by key, e.g. {"name":"Ada","last_name":"Lovelace"}',
        },
        groups: {
          in: 'body',
          type: 'array',
          items: { type: 'string' },
          description: 'Group ids to add it to',
        },
        status: {
          in: 'body',
          type: 'string',
          enum: ['active', 'unsubscribed', 'unconfirmed', 'bounced', 'junk'],
        },
      },
      output: { id: 'data.id', email: 'data.email', status: 'data.status' },
      summary: 'Subscriber {data.email} ({data.status})',
    },
    list_subscribers: {
      description: 'List subscribers, optionally by status.',
      method: 'GET',
      path: '/subscribers',
      params: {
        status: {
          in: 'query',
          wire: 'filter[status]',
          type: 'string',
          enum: ['active', 'unsubscribed', 'unconfirmed', 'bounced', 'junk'],
        },
        limit: { in: 'query', type: 'integer', minimum: 1, description: 'Per page (default 25)' },
      },
      pagination: { style: 'cursor', items: 'data', next: 'meta.next_cursor', param: 'cursor' },
    },
    add_subscriber_to_group: {
      description: 'Add an existing subscriber to a group.',
      method: 'POST',
      path: '/subscribers/{subscriber_id}/groups/{group_id}',
      params: {
        subscriber_id: { in: 'path', type: 'string', required: true, pattern: '^[0-9]+$' },
        group_id: { in: 'path', type: 'string', required: true, pattern: '^[0-9]+$' },
      },
      output: { group_id: 'data.id', group_name: 'data.name' },
      summary: 'Added to group {data.name}',
    },
  },
});
