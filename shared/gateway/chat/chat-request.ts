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

/**
 * The OpenAI chat request. Only what the gateway acts on is checked; every other
 * field passes through to the upstream untouched (new OpenAI parameters keep working).
 */
export const ChatRequestSchema = z
  .looseObject({
    model: z.string().trim().min(1).max(256),
    messages: z.array(Message).min(1),
    stream: z.boolean().nullish(),
    stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
    /** Flowgate: use this session (it must be the key's active one). Never forwarded. */
    session_id: z.string().min(1).max(200).optional(),
  })
  .superRefine((body, ctx) => {
    for (const key of Object.keys(body)) {
      if (forbiddenField(key))
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'is not allowed: the gateway decides the upstream and its headers',
        });
    }
  });

export type ChatRequest = z.infer<typeof ChatRequestSchema>;

/** The body sent upstream: the caller's fields, the target's model name, no Flowgate fields. */
export function upstreamBody(request: ChatRequest, upstreamModel: string): Record<string, unknown> {
  const { session_id: _sessionId, ...rest } = request;
  return { ...rest, model: upstreamModel };
}
