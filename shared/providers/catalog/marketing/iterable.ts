import { defineManifest } from '../../manifest/manifest-schema';

const USER = {
  email: { in: 'body', type: 'string', format: 'email', description: 'The user’s e-mail (or give user_id)' },
  user_id: { in: 'body', wire: 'userId', type: 'string' },
} as const;

export const iterable = defineManifest({
  name: 'iterable',
  title: 'Iterable',
  category: 'marketing',
  description:
    'Update users, track events and send triggered e-mail campaigns with the Iterable API (US or EU).',
  docsUrl: 'https://api.iterable.com/api/docs',
  verification: 'documented',
  baseUrl: 'https://{api_host}/api',
  auth: {
    credentialType: 'api_key',
    fields: {
      api_host: {
        description: 'api.iterable.com (US) or api.eu.iterable.com (EU)',
        enum: ['api.iterable.com', 'api.eu.iterable.com'],
        default: 'api.iterable.com',
      },
      api_key: { description: 'A server-side Iterable API key', secret: true },
    },
    apply: [{ in: 'header', name: 'Api-Key', value: '{api_key}' }],
    hint: '{"api_key":"…","api_host":"api.eu.iterable.com"} (host defaults to US)',
  },
  errors: { message: ['msg', 'message'] },
  actions: {
    update_user: {
      description: 'Create or update a user’s data fields, identified by e-mail or user id.',
      method: 'POST',
      path: '/users/update',
      params: {
        ...USER,
        data_fields: { in: 'body', wire: 'dataFields', type: 'object', description: 'User profile fields' },
        prefer_user_id: { in: 'body', wire: 'preferUserId', type: 'boolean' },
        merge_nested_objects: { in: 'body', wire: 'mergeNestedObjects', type: 'boolean' },
      },
      output: { code: 'code', msg: 'msg' },
      summary: 'Iterable: {code}',
    },
    track_event: {
      description: 'Track a custom event for a user, identified by e-mail or user id.',
      method: 'POST',
      path: '/events/track',
      params: {
        ...USER,
        event_name: { in: 'body', wire: 'eventName', type: 'string', required: true },
        data_fields: { in: 'body', wire: 'dataFields', type: 'object' },
        id: { in: 'body', type: 'string', maxLength: 512, description: 'An id that deduplicates the event' },
        created_at: { in: 'body', wire: 'createdAt', type: 'integer', minimum: 0, description: 'Unix time' },
        campaign_id: { in: 'body', wire: 'campaignId', type: 'integer' },
      },
      output: { code: 'code', msg: 'msg' },
      summary: 'Iterable: {code}',
    },
    send_email: {
      description: 'Send a triggered e-mail campaign to one address.',
      method: 'POST',
      path: '/email/target',
      params: {
        campaign_id: { in: 'body', wire: 'campaignId', type: 'integer', minimum: 1, required: true },
        recipient_email: { in: 'body', wire: 'recipientEmail', type: 'string', format: 'email' },
        recipient_user_id: { in: 'body', wire: 'recipientUserId', type: 'string' },
        data_fields: { in: 'body', wire: 'dataFields', type: 'object', description: 'Template data' },
        send_at: { in: 'body', wire: 'sendAt', type: 'string', description: 'yyyy-MM-dd HH:mm:ss UTC' },
      },
      output: { code: 'code', msg: 'msg' },
      summary: 'Iterable: {code}',
    },
  },
});
