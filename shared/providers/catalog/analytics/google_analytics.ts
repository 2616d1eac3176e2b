import { defineManifest } from '../../manifest/manifest-schema';

const payload = {
  client_id: {
    in: 'body' as const,
    type: 'string' as const,
    required: true as const,
    minLength: 1,
    description: 'The client id of the web stream user (gtag client_id)',
  },
  user_id: { in: 'body' as const, type: 'string' as const, maxLength: 256 },
  events: {
    in: 'body' as const,
    type: 'array' as const,
    required: true as const,
    minItems: 1,
    maxItems: 25,
    description:
      'Events, each {name, params}; add session_id and engagement_time_msec to params for realtime reports',
    items: {
      type: 'object' as const,
      required: ['name'],
      properties: {
        name: { type: 'string' as const, maxLength: 40, pattern: '^[A-Za-z][A-Za-z0-9_]*$' },
        params: { type: 'object' as const },
      },
    },
  },
  timestamp_micros: {
    in: 'body' as const,
    type: 'integer' as const,
    minimum: 0,
    description: 'When the events happened, in microseconds since the epoch',
  },
  user_properties: {
    in: 'body' as const,
    type: 'object' as const,
    description: 'e.g. {"plan": {"value": "pro"}}',
  },
};

export const googleAnalytics = defineManifest({
  name: 'google_analytics',
  title: 'Google Analytics 4 (Measurement Protocol)',
  category: 'analytics',
  description:
    'Send server-side events to a Google Analytics 4 web stream with the Measurement Protocol, or validate them first.',
  docsUrl: 'https://developers.google.com/analytics/devguides/collection/protocol/ga4/reference',
  verification: 'documented',
  baseUrl: 'https://www.google-analytics.com',
  auth: {
    credentialType: 'api_key',
    fields: {
      measurement_id: {
        description: 'The measurement id of the web stream (G-…)',
        pattern: '^G-[A-Z0-9]{4,20}$',
      },
      api_secret: { description: 'A Measurement Protocol API secret of that stream', secret: true },
    },
    apply: [
      { in: 'query', name: 'measurement_id', value: '{measurement_id}' },
      { in: 'query', name: 'api_secret', value: '{api_secret}' },
    ],
    hint: '{"measurement_id":"G-XXXXXXXXXX","api_secret":"…"}',
  },
  actions: {
    send_events: {
      description:
        'Send events for a client id; Google answers 2xx even for malformed events (validate them first).',
      method: 'POST',
      path: '/mp/collect',
      params: payload,
      summary: 'Sent the events',
    },
    validate_events: {
      description:
        'Check events against the validation server; the output lists the validation messages (none when valid).',
      method: 'POST',
      path: '/debug/mp/collect',
      params: payload,
      output: { validation_messages: 'validationMessages' },
      idempotent: true,
    },
  },
});
