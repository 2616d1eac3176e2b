import { defineManifest } from '../../manifest/manifest-schema';

export const amplitude = defineManifest({
  name: 'amplitude',
  title: 'Amplitude',
  category: 'analytics',
  description: 'Send events to an Amplitude project with the HTTP V2 API (US or EU data residency).',
  docsUrl: 'https://amplitude.com/docs/apis/analytics/http-v2',
  verification: 'documented',
  baseUrl: 'https://{host}/2',
  auth: {
    credentialType: 'api_key',
    fields: {
      host: {
        description: 'api2.amplitude.com, or api.eu.amplitude.com for EU data residency',
        enum: ['api2.amplitude.com', 'api.eu.amplitude.com'],
        default: 'api2.amplitude.com',
      },
      api_key: { description: 'The project API key', secret: true },
    },
    apply: [{ in: 'body', path: 'api_key', value: '{api_key}' }],
    hint: '{"api_key":"…"} (add "host":"api.eu.amplitude.com" for EU projects)',
  },
  errors: { message: ['error'] },
  actions: {
    track_event: {
      description: 'Send one event for a user id or device id, with event and user properties.',
      method: 'POST',
      path: '/httpapi',
      params: {
        event_type: {
          in: 'body',
          wire: 'events.0.event_type',
          type: 'string',
          required: true,
          minLength: 1,
          maxLength: 1024,
        },
        user_id: {
          in: 'body',
          wire: 'events.0.user_id',
          type: 'string',
          minLength: 5,
          description: 'Your id for the user (this or device_id; at least 5 characters)',
        },
        device_id: { in: 'body', wire: 'events.0.device_id', type: 'string', minLength: 5 },
        time: {
          in: 'body',
          wire: 'events.0.time',
          type: 'integer',
          minimum: 0,
          description: 'Milliseconds since the epoch (default: now)',
        },
        event_properties: { in: 'body', wire: 'events.0.event_properties', type: 'object' },
        user_properties: { in: 'body', wire: 'events.0.user_properties', type: 'object' },
        insert_id: {
          in: 'body',
          wire: 'events.0.insert_id',
          type: 'string',
          maxLength: 256,
          description: 'A unique id, so Amplitude drops duplicates',
        },
      },
      output: { events_ingested: 'events_ingested', server_upload_time: 'server_upload_time' },
      summary: 'Ingested {events_ingested} event',
    },
    upload_events: {
      description: 'Send up to 2000 events in one request; each has event_type and user_id or device_id.',
      method: 'POST',
      path: '/httpapi',
      params: {
        events: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          maxItems: 2000,
          items: {
            type: 'object',
            required: ['event_type'],
            properties: {
              event_type: { type: 'string' },
              user_id: { type: 'string' },
              device_id: { type: 'string' },
              event_properties: { type: 'object' },
            },
          },
        },
      },
      output: { events_ingested: 'events_ingested', server_upload_time: 'server_upload_time' },
      summary: 'Ingested {events_ingested} events',
    },
  },
});
