/** The LLM gateway (infra/routes/gateway.ts); errors use OpenAI's shape here. */
import * as z from 'zod';
import { BACKENDS } from '../gateway/model-config-schema';
import { SettingsUpdateBody } from '../gateway/automation-settings-body';
import {
  ChatRequestSchema,
  CompletionsRequestSchema,
  EmbeddingsRequestSchema,
  ResponsesRequestSchema,
} from '../gateway/chat/chat-request';
import { ModelPath } from '../gateway/model-schemas';
import { CloseSessionQuery, OpenSessionBody, OpenSessionQuery } from '../gateway/sessions/session-schemas';
import { USAGE_MAX_DAYS, UsageQuery } from '../gateway/usage/usage-report';
import { Timestamp } from './common';
import type { DomainContract } from './types';

/** shared/gateway/automation-settings.ts settingsView. */
export const AutomationSettings = z.strictObject({
  user_id: z.string(),
  is_enabled: z.boolean(),
  session_duration: z.int().describe('Seconds an automatic session lasts'),
  created_at: Timestamp,
  updated_at: Timestamp,
});

/** shared/gateway/usage/usage-report.ts. */
const UsageTotals = z.strictObject({
  requests: z.int(),
  prompt_tokens: z.int(),
  completion_tokens: z.int(),
  total_tokens: z.int(),
});

/** shared/gateway/sessions/session-view.ts. */
export const ModelSession = z.strictObject({
  session_id: z.string(),
  model: z.string().describe('The model name as requested'),
  target: z.string().describe('The target it routed to (also in X-Flowgate-Routed-Model)'),
  backend: z.enum(BACKENDS),
  is_automated: z.boolean(),
  session_duration: z.int(),
  created_at: Timestamp,
  expires_at: Timestamp,
  last_used_at: Timestamp.describe('Recorded at most once a minute per container'),
});

/** GET /api/v1/session: the most recently used session's fields, and all of them. */
export const ModelSessions = ModelSession.extend({
  sessions: z.array(ModelSession).describe('Every active session of the key, most recently used first'),
});

/**
 * The upstream's `chat.completion`, passed through as it sent it. Only OpenAI's required
 * fields are pinned down: upstreams add their own (system_fingerprint, usage details…), so
 * the objects are open.
 */
export const ChatCompletion = z.looseObject({
  id: z.string(),
  object: z.literal('chat.completion'),
  created: z.int(),
  model: z.string(),
  choices: z.array(
    z.looseObject({
      index: z.int(),
      message: z.looseObject({ role: z.literal('assistant'), content: z.string().nullable() }),
      finish_reason: z.string().nullable(),
    }),
  ),
  usage: z
    .looseObject({ prompt_tokens: z.int(), completion_tokens: z.int(), total_tokens: z.int() })
    .optional(),
});

/** The upstream's answers, passed through as sent: OpenAI's required fields only, the objects open. */
export const TextCompletion = z.looseObject({
  id: z.string(),
  object: z.literal('text_completion'),
  created: z.int(),
  model: z.string(),
  choices: z.array(z.looseObject({ index: z.int(), text: z.string(), finish_reason: z.string().nullable() })),
});

export const EmbeddingList = z.looseObject({
  object: z.literal('list'),
  data: z.array(z.looseObject({ object: z.literal('embedding'), index: z.int(), embedding: z.unknown() })),
  model: z.string(),
});

export const ResponseObject = z.looseObject({
  id: z.string(),
  object: z.literal('response'),
  created_at: z.number(),
  model: z.string(),
  status: z.string(),
  output: z.array(z.looseObject({ type: z.string() })),
});

const Model = z.strictObject({
  id: z.string(),
  object: z.literal('model'),
  created: z.int(),
  owned_by: z.string(),
  blockchainID: z.string().nullable().describe('The Morpheus model id; null for direct targets'),
});

export const gatewayContract: DomainContract = {
  GetAutomationSettings: {
    summary: "The caller's automation settings",
    responses: {
      200: { description: 'The settings (the defaults on first read)', schema: AutomationSettings },
    },
  },
  UpdateAutomationSettings: {
    summary: 'Turn automation on or off, set the automatic session length',
    request: { body: SettingsUpdateBody },
    responses: { 200: { description: 'The updated settings', schema: AutomationSettings } },
    errors: [409],
  },
  GetModelSession: {
    summary: "The calling key's active model sessions",
    description:
      'A key holds one session per target model. The top-level fields are those of the most recently used one.',
    responses: { 200: { description: 'The active sessions', schema: ModelSessions } },
    errors: [404],
  },
  CreateModelSession: {
    summary: 'Open a model session for the calling key',
    description: "Replaces the key's previous session for the same target model.",
    request: { query: OpenSessionQuery, body: OpenSessionBody },
    responses: { 200: { description: 'The new session', schema: ModelSession } },
    errors: [404, '4XX'],
  },
  CloseModelSession: {
    summary: "Close the calling key's sessions",
    description:
      'All of them, or the session for the target `model_id` routes to, or the one `session_id` names (404 when none matches).',
    request: { query: CloseSessionQuery },
    responses: {
      200: {
        description: 'Closed',
        schema: z.strictObject({
          success: z.literal(true),
          message: z.string(),
          session_id: z.string().describe('The most recently used of the sessions closed'),
          upstream_closed: z.boolean().describe('Every one of them was closed upstream'),
          closed: z.array(
            z.strictObject({
              session_id: z.string(),
              model: z.string(),
              target: z.string(),
              upstream_closed: z.boolean(),
            }),
          ),
        }),
      },
    },
    errors: [404, '4XX'],
  },
  ListModels: {
    summary: 'The models the gateway routes',
    responses: {
      200: {
        description: "OpenAI's list shape",
        schema: z.strictObject({ object: z.literal('list'), data: z.array(Model) }),
      },
    },
  },
  CreateCompletion: {
    summary: 'OpenAI-compatible (legacy) text completion',
    description:
      'Forwarded like chat, to backends that serve `/v1/completions` (not the Morpheus proxy-router: 400 `unsupported_endpoint` naming the model).',
    request: { body: CompletionsRequestSchema },
    responses: {
      200: {
        description: 'The completion',
        schema: TextCompletion,
        eventStream:
          '`data: <text_completion JSON>` events, then `data: [DONE]`; a failure mid-stream ends with an `error` event',
      },
    },
    errors: [404, '4XX'],
  },
  CreateEmbedding: {
    summary: 'OpenAI-compatible embeddings',
    request: { body: EmbeddingsRequestSchema },
    responses: { 200: { description: 'The embeddings', schema: EmbeddingList } },
    errors: [404, '4XX'],
  },
  CreateResponse: {
    summary: 'OpenAI Responses API',
    description:
      'Forwarded like chat, to backends that serve `/v1/responses` (not the Morpheus proxy-router: 400 `unsupported_endpoint`). Streamed events keep their names and types.',
    request: { body: ResponsesRequestSchema },
    responses: {
      200: {
        description: 'The response object',
        schema: ResponseObject,
        eventStream:
          'Named events (`event: response.created`, `response.output_text.delta`, …, `response.completed`) as the upstream sent them; a failure mid-stream ends with an `error` event (`type`, `code`, `message`, `param`, `sequence_number`, and the OpenAI error object under `error`)',
      },
    },
    errors: [404, '4XX'],
  },
  GetUsage: {
    summary: "The caller's token usage",
    description: `Every call of the forwarded endpoints, streamed ones included, counted per key, model (as requested) and UTC day, summed over all of the user's keys. Counted once the response is complete, so a call shows up a moment after it ends. At most ${USAGE_MAX_DAYS} days at once.`,
    request: { query: UsageQuery },
    responses: {
      200: {
        description: 'Totals per group, in order, and overall',
        schema: z.strictObject({
          object: z.literal('usage'),
          from: z.string(),
          to: z.string(),
          group_by: z.enum(['day', 'key', 'model']),
          data: z.array(
            UsageTotals.extend({
              day: z.string().optional(),
              key_id: z.string().optional(),
              model: z.string().optional(),
            }),
          ),
          total: UsageTotals,
        }),
      },
    },
  },
  GetModel: {
    summary: 'One model the gateway routes',
    description:
      "A name `GET /api/v1/models` lists; X-Flowgate-Routed-Model names its target. Any other name is OpenAI's 404 `model_not_found`.",
    request: { path: ModelPath },
    responses: { 200: { description: "OpenAI's model object", schema: Model } },
    errors: [404],
  },
  CreateChatCompletion: {
    summary: 'OpenAI-compatible chat completion',
    description:
      'With `stream: true` the answer is Server-Sent Events; every error comes before the stream starts.',
    request: { body: ChatRequestSchema },
    responses: {
      200: {
        description: 'The completion',
        schema: ChatCompletion,
        eventStream:
          '`data: <chat.completion.chunk JSON>` events, then `data: [DONE]`; a failure mid-stream ends with an `error` event instead',
      },
    },
    errors: [404, '4XX'],
  },
};
