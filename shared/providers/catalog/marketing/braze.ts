import { defineManifest } from '../../manifest/manifest-schema';

export const braze = defineManifest({
  name: 'braze',
  title: 'Braze',
  category: 'marketing',
  description: 'Track user attributes and events and trigger API campaigns on your Braze REST endpoint.',
  docsUrl: 'https://www.braze.com/docs/api/basics/',
  verification: 'documented',
  baseUrl: 'https://{rest_host}',
  auth: {
    credentialType: 'api_key',
    fields: {
      rest_host: {
        description:
          'The REST endpoint host of your instance, e.g. rest.iad-01.braze.com or rest.fra-01.braze.eu',
        pattern: '^rest\\.[a-z]{2,3}-[0-9]{2}\\.braze\\.(com|eu)$',
      },
      api_key: { description: 'A REST API key with the needed permissions', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {api_key}' }],
    hint: '{"rest_host":"rest.iad-01.braze.com","api_key":"…"}',
  },
  errors: { message: ['message', 'errors.0'] },
  actions: {
    track_user: {
      description:
        'Set attributes on one user and record events for them (by external id) in one /users/track call.',
      method: 'POST',
      path: '/users/track',
      params: {
        attributes: {
          in: 'body',
          type: 'array',
          maxItems: 75,
          items: {
            type: 'object',
            properties: { external_id: { type: 'string' } },
            required: ['external_id'],
          },
          description: 'Attribute objects: [{"external_id":"u1","first_name":"Ada","plan":"pro"}]',
        },
        events: {
          in: 'body',
          type: 'array',
          maxItems: 75,
          items: {
            type: 'object',
            properties: {
              external_id: { type: 'string' },
              name: { type: 'string' },
              time: { type: 'string', format: 'date-time' },
              properties: { type: 'object' },
            },
            required: ['external_id', 'name', 'time'],
          },
          description:
            'Event objects: [{"external_id":"u1","name":"signed_up","time":"2026-12-03T12:00:00Z"}]',
        },
      },
      output: {
        message: 'message',
        attributes_processed: 'attributes_processed',
        events_processed: 'events_processed',
      },
      summary: 'Braze: {message}',
    },
    trigger_campaign: {
      description: 'Send an API-triggered campaign to listed users (by external id) or as a broadcast.',
      method: 'POST',
      path: '/campaigns/trigger/send',
      params: {
        campaign_id: { in: 'body', type: 'string', required: true },
        recipients: {
          in: 'body',
          type: 'array',
          maxItems: 50,
          items: {
            type: 'object',
            properties: { external_user_id: { type: 'string' }, trigger_properties: { type: 'object' } },
            required: ['external_user_id'],
          },
          description: '[{"external_user_id":"u1","trigger_properties":{…}}]',
        },
        trigger_properties: { in: 'body', type: 'object', description: 'Personalisation for all recipients' },
        broadcast: { in: 'body', type: 'boolean', description: 'Send to the campaign’s whole segment' },
      },
      output: { dispatch_id: 'dispatch_id', message: 'message' },
      summary: 'Braze dispatch {dispatch_id}',
    },
  },
});
