import { defineManifest } from '../../manifest/manifest-schema';

export const onesignal = defineManifest({
  name: 'onesignal',
  title: 'OneSignal',
  category: 'marketing',
  description: 'Send push, e-mail or SMS notifications to OneSignal segments or users by external id.',
  docsUrl: 'https://documentation.onesignal.com/reference/create-message',
  verification: 'documented',
  baseUrl: 'https://api.onesignal.com',
  auth: {
    credentialType: 'api_key',
    fields: {
      app_id: {
        description: 'The OneSignal App ID (a UUID)',
        pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
      },
      api_key: { description: 'The app’s REST API key', secret: true },
    },
    apply: [
      { in: 'header', name: 'Authorization', value: 'Key {api_key}' },
      { in: 'body', path: 'app_id', value: '{app_id}' },
    ],
    hint: '{"app_id":"…","api_key":"…"} (Settings → Keys & IDs)',
  },
  errors: { message: ['errors.0', 'errors.message', 'message'] },
  actions: {
    send_notification: {
      description:
        'Send a message to segments or to users by external id; the output has the notification id (empty when nobody was reachable).',
      method: 'POST',
      path: '/notifications',
      params: {
        target_channel: {
          in: 'body',
          type: 'string',
          enum: ['push', 'email', 'sms'],
          description: 'Required with external_ids',
        },
        included_segments: {
          in: 'body',
          type: 'array',
          items: { type: 'string' },
          description: 'Segment names, e.g. ["Total Subscriptions"]',
        },
        external_ids: {
          in: 'body',
          wire: 'include_aliases.external_id',
          type: 'array',
          items: { type: 'string' },
          maxItems: 20000,
          description: 'Users by external id (not with segments)',
        },
        contents: {
          in: 'body',
          type: 'object',
          additionalProperties: { type: 'string' },
          description: 'Message text by language, e.g. {"en":"Hello"} (push and SMS)',
        },
        headings: {
          in: 'body',
          type: 'object',
          additionalProperties: { type: 'string' },
          description: 'Push titles by language',
        },
        email_subject: { in: 'body', type: 'string' },
        email_body: { in: 'body', type: 'string', description: 'HTML body of an e-mail' },
        url: { in: 'body', type: 'string', format: 'uri', description: 'Opened when the push is tapped' },
        data: { in: 'body', type: 'object', description: 'Custom data passed to the app' },
        send_after: {
          in: 'body',
          type: 'string',
          description: 'Schedule, e.g. "2026-12-24 09:00:00 GMT-0500"',
        },
      },
      output: { id: 'id', errors: 'errors' },
      summary: 'OneSignal notification {id}',
    },
  },
});
