import { defineManifest } from '../../manifest/manifest-schema';

const PUBLICATION_ID = {
  in: 'path',
  type: 'string',
  required: true,
  pattern: '^pub_[0-9a-fA-F-]{36}$',
  description: 'The publication id (pub_ followed by a UUID)',
} as const;

export const beehiiv = defineManifest({
  name: 'beehiiv',
  title: 'beehiiv',
  category: 'marketing',
  description: 'Subscribe readers to a beehiiv publication and look subscriptions up with the API v2.',
  docsUrl: 'https://developers.beehiiv.com/api-reference/subscriptions/create',
  verification: 'documented',
  baseUrl: 'https://api.beehiiv.com/v2',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A beehiiv API key (Settings → Workspace Settings → API)',
  },
  errors: { message: ['errors.0.message', 'message', 'statusText'] },
  actions: {
    create_subscription: {
      description: 'Subscribe an e-mail address to a publication.',
      method: 'POST',
      path: '/publications/{publication_id}/subscriptions',
      params: {
        publication_id: PUBLICATION_ID,
        email: { in: 'body', type: 'string', format: 'email', required: true },
        reactivate_existing: {
          in: 'body',
          type: 'boolean',
          description: 'Resubscribe someone who unsubscribed (only when they asked to)',
        },
        send_welcome_email: { in: 'body', type: 'boolean' },
        utm_source: { in: 'body', type: 'string' },
        utm_medium: { in: 'body', type: 'string' },
        utm_campaign: { in: 'body', type: 'string' },
        referring_site: { in: 'body', type: 'string' },
        custom_fields: {
          in: 'body',
          type: 'array',
          items: {
            type: 'object',
            properties: { name: { type: 'string' }, value: {} },
            required: ['name', 'value'],
          },
          description: 'Existing custom fields: [{"name":"First Name","value":"Ada"}]',
        },
      },
      output: { id: 'data.id', email: 'data.email', status: 'data.status' },
      summary: 'Subscription {data.id} ({data.status})',
    },
    get_subscription_by_email: {
      description: 'Look up a publication’s subscription for one e-mail address.',
      method: 'GET',
      path: '/publications/{publication_id}/subscriptions/by_email/{email}',
      params: {
        publication_id: PUBLICATION_ID,
        email: { in: 'path', type: 'string', format: 'email', required: true },
      },
      output: 'data',
      summary: '{data.email}: {data.status}',
    },
  },
});
