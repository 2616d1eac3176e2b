import { defineManifest } from '../../manifest/manifest-schema';

export const datadog = defineManifest({
  name: 'datadog',
  title: 'Datadog',
  category: 'developer',
  description:
    'Post events to the Datadog event stream and submit metric points with an API key, on any Datadog site.',
  docsUrl: 'https://docs.datadoghq.com/api/latest/events/',
  verification: 'wire-tested',
  baseUrl: 'https://api.{site}',
  auth: {
    credentialType: 'api_key',
    fields: {
      site: {
        description: 'Your Datadog site (the host after app. or api.)',
        enum: [
          'datadoghq.com',
          'us3.datadoghq.com',
          'us5.datadoghq.com',
          'datadoghq.eu',
          'ap1.datadoghq.com',
          'ap2.datadoghq.com',
          'ddog-gov.com',
          'us2.ddog-gov.com',
        ],
        default: 'datadoghq.com',
      },
      api_key: { description: 'An organization API key (Organization Settings → API Keys)', secret: true },
    },
    apply: [{ in: 'header', name: 'DD-API-KEY', value: '{api_key}' }],
    hint: '{"site":"datadoghq.eu","api_key":"…"} (site defaults to datadoghq.com)',
  },
  errors: { message: ['errors.0', 'error', 'message'], errorWhenPresent: 'errors' },
  actions: {
    post_event: {
      description:
        'Post an event (a deploy, an alert, a note) to the event stream; the output has its id and URL.',
      method: 'POST',
      path: '/api/v1/events',
      params: {
        title: { in: 'body', type: 'string', required: true, minLength: 1, maxLength: 100 },
        text: {
          in: 'body',
          type: 'string',
          required: true,
          maxLength: 4000,
          description: 'The event body; start it with %%% \\n and end with \\n %%% for Markdown',
        },
        alert_type: {
          in: 'body',
          type: 'string',
          enum: ['error', 'warning', 'info', 'success', 'user_update', 'recommendation', 'snapshot'],
        },
        priority: { in: 'body', type: 'string', enum: ['normal', 'low'] },
        tags: {
          in: 'body',
          type: 'array',
          items: { type: 'string' },
          description: 'key:value tags, e.g. env:prod',
        },
        aggregation_key: { in: 'body', type: 'string', maxLength: 100 },
        host: { in: 'body', type: 'string' },
        source_type_name: { in: 'body', type: 'string', description: 'e.g. jenkins, my_apps' },
        date_happened: { in: 'body', type: 'integer', description: 'POSIX seconds; default now' },
      },
      output: { id: 'event.id', url: 'event.url', status: 'status' },
      summary: 'Posted event {event.id}',
    },
    submit_metrics: {
      description: 'Submit metric points (gauge, count or rate series) through the v2 series endpoint.',
      method: 'POST',
      path: '/api/v2/series',
      params: {
        series: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              metric: { type: 'string', description: 'The metric name, e.g. flowgate.orders' },
              type: {
                type: 'integer',
                enum: [0, 1, 2, 3],
                description: '0 unspecified, 1 count, 2 rate, 3 gauge',
              },
              points: {
                type: 'array',
                minItems: 1,
                items: {
                  type: 'object',
                  properties: {
                    timestamp: { type: 'integer', description: 'POSIX seconds' },
                    value: { type: 'number' },
                  },
                  required: ['timestamp', 'value'],
                  additionalProperties: false,
                },
              },
              tags: { type: 'array', items: { type: 'string' } },
              unit: { type: 'string' },
              interval: { type: 'integer', description: 'Seconds, for count and rate' },
              resources: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { name: { type: 'string' }, type: { type: 'string' } },
                  additionalProperties: false,
                },
              },
            },
            required: ['metric', 'points'],
            additionalProperties: false,
          },
        },
      },
      summary: 'Submitted metrics',
    },
  },
});
