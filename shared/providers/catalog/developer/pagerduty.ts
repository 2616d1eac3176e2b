import { defineManifest } from '../../manifest/manifest-schema';

const DEDUP_KEY = {
  in: 'body',
  type: 'string',
  maxLength: 255,
  description: 'Identifies the alert; the trigger answer gives one when you set none',
} as const;

export const pagerduty = defineManifest({
  name: 'pagerduty',
  title: 'PagerDuty Events',
  category: 'developer',
  description:
    'Trigger, acknowledge and resolve PagerDuty alerts and send change events through the Events API v2 with an integration key.',
  docsUrl: 'https://developer.pagerduty.com/docs/events-api-v2-overview',
  verification: 'wire-tested',
  baseUrl: 'https://events.pagerduty.com/v2',
  auth: {
    credentialType: 'api_key',
    fields: {
      routing_key: {
        description: 'The 32-character integration key of an Events API v2 integration',
        secret: true,
      },
    },
    apply: [{ in: 'body', path: 'routing_key', value: '{routing_key}' }],
    hint: 'The Integration Key of an Events API v2 integration on the service',
  },
  errors: { message: ['errors.0', 'message'] },
  actions: {
    trigger_alert: {
      description:
        'Raise an alert (or add to an open one with the same dedup_key); the output has the dedup_key.',
      method: 'POST',
      path: '/enqueue',
      constants: { body: { event_action: 'trigger' } },
      params: {
        summary: {
          in: 'body',
          wire: 'payload.summary',
          type: 'string',
          required: true,
          minLength: 1,
          maxLength: 1024,
          description: 'What is wrong, shown as the alert title',
        },
        source: {
          in: 'body',
          wire: 'payload.source',
          type: 'string',
          required: true,
          minLength: 1,
          description: 'The affected system, e.g. a host name',
        },
        severity: {
          in: 'body',
          wire: 'payload.severity',
          type: 'string',
          required: true,
          enum: ['critical', 'error', 'warning', 'info'],
        },
        dedup_key: DEDUP_KEY,
        timestamp: { in: 'body', wire: 'payload.timestamp', type: 'string', format: 'date-time' },
        component: { in: 'body', wire: 'payload.component', type: 'string' },
        group: { in: 'body', wire: 'payload.group', type: 'string' },
        class: { in: 'body', wire: 'payload.class', type: 'string' },
        custom_details: {
          in: 'body',
          wire: 'payload.custom_details',
          type: 'object',
          description: 'Free-form details shown with the alert',
        },
        links: {
          in: 'body',
          type: 'array',
          items: {
            type: 'object',
            properties: { href: { type: 'string', format: 'uri' }, text: { type: 'string' } },
            required: ['href'],
            additionalProperties: false,
          },
        },
        client: { in: 'body', type: 'string', description: 'The name of the monitoring client' },
        client_url: { in: 'body', type: 'string', format: 'uri' },
      },
      output: { status: 'status', message: 'message', dedup_key: 'dedup_key' },
      summary: 'PagerDuty alert {dedup_key}: {message}',
    },
    acknowledge_alert: {
      description: 'Acknowledge the alert with this dedup_key.',
      method: 'POST',
      path: '/enqueue',
      constants: { body: { event_action: 'acknowledge' } },
      params: { dedup_key: { ...DEDUP_KEY, required: true } },
      idempotent: true,
      output: { status: 'status', message: 'message', dedup_key: 'dedup_key' },
      summary: 'Acknowledged {dedup_key}',
    },
    resolve_alert: {
      description: 'Resolve the alert with this dedup_key.',
      method: 'POST',
      path: '/enqueue',
      constants: { body: { event_action: 'resolve' } },
      params: { dedup_key: { ...DEDUP_KEY, required: true } },
      idempotent: true,
      output: { status: 'status', message: 'message', dedup_key: 'dedup_key' },
      summary: 'Resolved {dedup_key}',
    },
    send_change_event: {
      description: 'Record a change (a deploy, a config change) on the service; it notifies no one.',
      method: 'POST',
      path: '/change/enqueue',
      params: {
        summary: {
          in: 'body',
          wire: 'payload.summary',
          type: 'string',
          required: true,
          minLength: 1,
          maxLength: 1024,
        },
        source: { in: 'body', wire: 'payload.source', type: 'string' },
        timestamp: { in: 'body', wire: 'payload.timestamp', type: 'string', format: 'date-time' },
        custom_details: { in: 'body', wire: 'payload.custom_details', type: 'object' },
        links: {
          in: 'body',
          type: 'array',
          items: {
            type: 'object',
            properties: { href: { type: 'string', format: 'uri' }, text: { type: 'string' } },
            required: ['href'],
            additionalProperties: false,
          },
        },
      },
      output: { status: 'status', message: 'message' },
      summary: 'PagerDuty: {message}',
    },
  },
});
