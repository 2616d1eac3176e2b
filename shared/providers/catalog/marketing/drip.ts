import { defineManifest } from '../../manifest/manifest-schema';

export const drip = defineManifest({
  name: 'drip',
  title: 'Drip',
  category: 'marketing',
  description: 'Create or update subscribers and record events in a Drip account with the REST API v2.',
  docsUrl: 'https://developer.drip.com/#subscribers',
  verification: 'documented',
  baseUrl: 'https://api.getdrip.com/v2/{account_id}',
  auth: {
    credentialType: 'api_key',
    fields: {
      account_id: {
        description: 'The numeric account id (Settings → General Info)',
        pattern: '^[0-9]{1,20}$',
      },
      api_token: { description: 'Your personal API token (User Settings)', secret: true },
    },
    apply: [{ in: 'basic', username: '{api_token}', password: '' }],
    hint: '{"account_id":"9999999","api_token":"…"}',
  },
  errors: { message: ['errors.0.message', 'errors.0.code', 'message'] },
  actions: {
    create_or_update_subscriber: {
      description: 'Create a subscriber, or update the one with this e-mail address.',
      method: 'POST',
      path: '/subscribers',
      params: {
        email: { in: 'body', wire: 'subscribers.0.email', type: 'string', format: 'email', required: true },
        first_name: { in: 'body', wire: 'subscribers.0.first_name', type: 'string' },
        last_name: { in: 'body', wire: 'subscribers.0.last_name', type: 'string' },
        tags: { in: 'body', wire: 'subscribers.0.tags', type: 'array', items: { type: 'string' } },
        custom_fields: {
          in: 'body',
          wire: 'subscribers.0.custom_fields',
          type: 'object',
          description: 'Custom field values by identifier',
        },
        status: {
          in: 'body',
          wire: 'subscribers.0.status',
          type: 'string',
          enum: ['active', 'unsubscribed'],
        },
        time_zone: {
          in: 'body',
          wire: 'subscribers.0.time_zone',
          type: 'string',
          description: 'Olson name, e.g. America/Chicago',
        },
      },
      output: { id: 'subscribers.0.id', email: 'subscribers.0.email', status: 'subscribers.0.status' },
      summary: 'Subscriber {subscribers.0.email} ({subscribers.0.status})',
    },
    record_event: {
      description: 'Record a custom event (action) for a subscriber by e-mail; Drip answers 204.',
      method: 'POST',
      path: '/events',
      params: {
        email: { in: 'body', wire: 'events.0.email', type: 'string', format: 'email', required: true },
        action: {
          in: 'body',
          wire: 'events.0.action',
          type: 'string',
          required: true,
          description: 'The event name, e.g. Logged in',
        },
        properties: { in: 'body', wire: 'events.0.properties', type: 'object' },
        occurred_at: { in: 'body', wire: 'events.0.occurred_at', type: 'string', format: 'date-time' },
      },
      summary: 'Drip recorded the event',
    },
  },
});
