import { defineManifest } from '../../manifest/manifest-schema';

const distinctId = {
  in: 'body' as const,
  type: 'string' as const,
  required: true as const,
  minLength: 1,
  maxLength: 200,
  description: 'The id of the user (or device) the event belongs to',
};
const timestamp = {
  in: 'body' as const,
  type: 'string' as const,
  format: 'date-time' as const,
  description: 'When it happened (default: now)',
};

export const posthog = defineManifest({
  name: 'posthog',
  title: 'PostHog',
  category: 'analytics',
  description:
    'Capture events, identify users and send event batches to PostHog Cloud (US or EU) with the project API key.',
  docsUrl: 'https://posthog.com/docs/api/capture',
  verification: 'wire-tested',
  baseUrl: 'https://{host}',
  auth: {
    credentialType: 'api_key',
    fields: {
      host: {
        description: 'us.i.posthog.com (US Cloud) or eu.i.posthog.com (EU Cloud)',
        enum: ['us.i.posthog.com', 'eu.i.posthog.com'],
        default: 'us.i.posthog.com',
      },
      project_api_key: { description: 'The project API key (phc_…)', secret: true },
    },
    apply: [{ in: 'body', path: 'api_key', value: '{project_api_key}' }],
    hint: '{"project_api_key":"phc_…"} (add "host":"eu.i.posthog.com" for EU Cloud)',
  },
  errors: { message: ['detail', 'error', 'message'] },
  actions: {
    capture: {
      description: 'Capture one event for a distinct id, with its properties.',
      method: 'POST',
      path: '/i/v0/e/',
      params: {
        event: {
          in: 'body',
          type: 'string',
          required: true,
          minLength: 1,
          maxLength: 200,
          description: 'The event name, e.g. signed_up or $pageview',
        },
        distinct_id: distinctId,
        properties: { in: 'body', type: 'object' },
        timestamp,
      },
      summary: 'Captured the event',
    },
    identify: {
      description: 'Set person properties on a distinct id (an $identify event).',
      method: 'POST',
      path: '/i/v0/e/',
      constants: { body: { event: '$identify' } },
      params: {
        distinct_id: distinctId,
        set: {
          in: 'body',
          wire: 'properties.$set',
          type: 'object',
          required: true,
          description: 'Person properties to set',
        },
        set_once: {
          in: 'body',
          wire: 'properties.$set_once',
          type: 'object',
          description: 'Person properties to set only when not set yet',
        },
        timestamp,
      },
      summary: 'Identified the person',
    },
    batch: {
      description:
        'Capture many events in one request; each has event, distinct_id (or properties.distinct_id) and properties.',
      method: 'POST',
      path: '/batch/',
      params: {
        batch: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          items: {
            type: 'object',
            required: ['event'],
            properties: {
              event: { type: 'string' },
              distinct_id: { type: 'string' },
              properties: { type: 'object' },
              timestamp: { type: 'string' },
            },
          },
        },
      },
      summary: 'Sent the batch',
    },
  },
});
