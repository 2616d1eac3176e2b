import * as z from 'zod';

/**
 * Fields that would let a caller choose where the gateway's upstream credentials go, or
 * add headers to the upstream request. They are refused, never forwarded.
 */
const FIXED_BY_GATEWAY = new Set([
  'api_base',
  'base_url',
  'api_key',
  'user_config',
  'organization',
  'project',
]);
const HEADER_OR_EXTRA = /(^|_)headers?$|^extra_/i;

export function forbiddenField(name: string): boolean {
  return FIXED_BY_GATEWAY.has(name.toLowerCase()) || HEADER_OR_EXTRA.test(name);
}

/** Chat requests can carry images as data URLs; Lambda's own request limit is 6 MB. */
export const CHAT_MAX_BODY_BYTES = 6 * 1024 * 1024;

const Message = z.looseObject({ role: z.string().min(1) });

/** What every forwarded endpoint's body has: the model, maybe `stream`, and Flowgate's `session_id`. */
const common = {
  model: z.string().trim().min(1).max(256),
  /** Flowgate: use this session (it must be one of the key's, for the model's target). Never forwarded. */
  session_id: z.string().min(1).max(200).optional(),
};

const refuseForbidden = (body: Record<string, unknown>, ctx: z.RefinementCtx) => {
  for (const key of Object.keys(body)) {
    if (forbiddenField(key))
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: 'is not allowed: the gateway decides the upstream and its headers',
      });
  }
};

const streamFields = {
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
};

/**
 * The OpenAI chat request. Only what the gateway acts on is checked; every other
 * field passes through to the upstream untouched (new OpenAI parameters keep working).
 */
export const ChatRequestSchema = z
  .looseObject({ ...common, messages: z.array(Message).min(1), ...streamFields })
  .superRefine(refuseForbidden);

/** `POST /v1/completions` (legacy text completions): a prompt instead of messages. */
export const CompletionsRequestSchema = z
  .looseObject({ ...common, prompt: z.unknown().refine((p) => p !== undefined, 'Required'), ...streamFields })
  .superRefine(refuseForbidden);

/** `POST /v1/embeddings`: never streams. */
export const EmbeddingsRequestSchema = z
  .looseObject({ ...common, input: z.unknown().refine((i) => i !== undefined, 'Required') })
  .superRefine(refuseForbidden);

/** `POST /v1/responses`: `input` (or a previous response or prompt) carries the conversation. */
export const ResponsesRequestSchema = z
  .looseObject({ ...common, stream: z.boolean().nullish() })
  .superRefine(refuseForbidden);

/** Any forwarded request, as the gateway handles it. */
export type GatewayRequest = { model: string; stream?: boolean | null; session_id?: string } & Record<
  string,
  unknown
>;

export type ChatRequest = z.infer<typeof ChatRequestSchema>;

/** The body sent upstream: the caller's fields, the target's model name, no Flowgate fields. */
export function upstreamBody(request: GatewayRequest, upstreamModel: string): Record<string, unknown> {
  const { session_id: _sessionId, ...rest } = request;
  return { ...rest, model: upstreamModel };
}
