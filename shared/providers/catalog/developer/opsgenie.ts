import { defineManifest } from '../../manifest/manifest-schema';

const IDENTIFIER = {
  in: 'path',
  required: true,
  type: 'string',
  minLength: 1,
  maxLength: 512,
  description: 'The alert id, tiny id or alias (say which in identifier_type)',
} as const;

const IDENTIFIER_TYPE = {
  in: 'query',
  wire: 'identifierType',
  type: 'string',
  enum: ['id', 'alias', 'tiny'] as string[],
  description: 'How identifier names the alert (default id)',
} as const;

const RESPONDERS = {
  type: 'array',
  maxItems: 50,
  items: {
    type: 'object',
    properties: {
      type: { type: 'string', enum: ['team', 'user', 'escalation', 'schedule'] },
      id: { type: 'string' },
      name: { type: 'string' },
      username: { type: 'string' },
    },
    required: ['type'],
    additionalProperties: false,
  },
} as const;

const ACTOR = {
  user: { in: 'body', type: 'string', maxLength: 100, description: 'Shown as who did it' },
  source: { in: 'body', type: 'string', maxLength: 100 },
  note: { in: 'body', type: 'string', maxLength: 25000 },
} as const;

export const opsgenie = defineManifest({
  name: 'opsgenie',
  title: 'Opsgenie',
  category: 'developer',
  description:
    'Create, acknowledge, close and list Opsgenie alerts with an API integration key (US or EU instance).',
  docsUrl: 'https://docs.opsgenie.com/docs/alert-api',
  verification: 'documented',
  baseUrl: 'https://{host}/v2',
  auth: {
    credentialType: 'api_key',
    fields: {
      host: {
        description: 'The API host of your instance',
        enum: ['api.opsgenie.com', 'api.eu.opsgenie.com'],
        default: 'api.opsgenie.com',
      },
      api_key: {
        description: 'The API key of an API integration (Teams → Integrations → API)',
        secret: true,
      },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'GenieKey {api_key}' }],
    hint: '{"api_key":"…","host":"api.eu.opsgenie.com"} (host defaults to api.opsgenie.com)',
  },
  errors: { message: ['message', 'errors.message'] },
  actions: {
    create_alert: {
      description: 'Create an alert; Opsgenie processes it asynchronously and answers with a requestId.',
      method: 'POST',
      path: '/alerts',
      params: {
        message: { in: 'body', type: 'string', required: true, minLength: 1, maxLength: 130 },
        alias: {
          in: 'body',
          type: 'string',
          maxLength: 512,
          description: 'Your own key for the alert: one open alert per alias (de-duplication)',
        },
        description: { in: 'body', type: 'string', maxLength: 15000 },
        responders: { in: 'body', ...RESPONDERS, description: 'Who is notified' },
        visible_to: { in: 'body', wire: 'visibleTo', ...RESPONDERS },
        actions: { in: 'body', type: 'array', maxItems: 10, items: { type: 'string', maxLength: 50 } },
        tags: { in: 'body', type: 'array', maxItems: 20, items: { type: 'string', maxLength: 50 } },
        details: {
          in: 'body',
          type: 'object',
          additionalProperties: { type: 'string' },
          description: 'Custom key-value properties',
        },
        entity: { in: 'body', type: 'string', maxLength: 512 },
        priority: { in: 'body', type: 'string', enum: ['P1', 'P2', 'P3', 'P4', 'P5'] },
        ...ACTOR,
      },
      output: { request_id: 'requestId', result: 'result' },
      summary: 'Opsgenie: {result}',
    },
    acknowledge_alert: {
      description: 'Acknowledge an alert by id, tiny id or alias.',
      method: 'POST',
      path: '/alerts/{identifier}/acknowledge',
      params: { identifier: IDENTIFIER, identifier_type: IDENTIFIER_TYPE, ...ACTOR },
      idempotent: true,
      output: { request_id: 'requestId', result: 'result' },
      summary: 'Opsgenie: {result}',
    },
    close_alert: {
      description: 'Close an alert by id, tiny id or alias.',
      method: 'POST',
      path: '/alerts/{identifier}/close',
      params: { identifier: IDENTIFIER, identifier_type: IDENTIFIER_TYPE, ...ACTOR },
      idempotent: true,
      output: { request_id: 'requestId', result: 'result' },
      summary: 'Opsgenie: {result}',
    },
    get_request_status: {
      description:
        'See whether an asynchronous request (create, close…) succeeded, and the alert id it made.',
      method: 'GET',
      path: '/alerts/requests/{request_id}',
      params: { request_id: { in: 'path', required: true, type: 'string', minLength: 1 } },
      output: 'data',
      summary: 'Request {data.action}: {data.status}',
    },
    list_alerts: {
      description: 'List alerts matching an Opsgenie search query (e.g. status:open).',
      method: 'GET',
      path: '/alerts',
      params: {
        query: { in: 'query', type: 'string', description: 'Search query, e.g. status:open AND priority:P1' },
        sort: {
          in: 'query',
          type: 'string',
          enum: [
            'createdAt',
            'updatedAt',
            'tinyId',
            'alias',
            'message',
            'status',
            'acknowledged',
            'isSeen',
            'snoozed',
            'snoozedUntil',
            'count',
            'lastOccurredAt',
            'source',
            'owner',
            'integration.name',
            'integration.type',
            'report.ackTime',
            'report.closeTime',
            'report.acknowledgedBy',
            'report.closedBy',
          ],
        },
        order: { in: 'query', type: 'string', enum: ['asc', 'desc'] },
      },
      pagination: { style: 'offset', items: 'data', param: 'offset', sizeParam: 'limit', size: 100 },
    },
  },
});
