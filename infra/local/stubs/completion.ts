/**
 * The deterministic "model" both stub upstreams share: request validation, the reply
 * text, token counts, and the OpenAI Chat Completions wire shapes (one JSON object, or
 * SSE `chat.completion.chunk` events ending in `[DONE]`).
 *
 * Reply convention (what a test can rely on):
 * - If the last user message has a line `STUB_JSON: <text>`, the reply content is exactly
 *   `<text>` (trimmed, not validated, so a test can also make the "model" answer with
 *   broken JSON). This is how automation-trace tests make the LLM "return a plan".
 * - Otherwise, for Flowgate's drafting request (its planner system prompt), a small valid
 *   plan built from the catalogue in that prompt (see draft-plan.ts), unless a user turn
 *   of the conversation carries `STUB_JSON:` (so a repair turn after one still echoes).
 * - Otherwise, with `response_format` `json_object` / `json_schema`, the reply is
 *   `{"echo":"<last user text>"}`.
 * - Otherwise the reply is `Echo: <last user text>`.
 * Token counts are whitespace-separated word counts: prompt = all message texts,
 * completion = the reply.
 */
import { stubDraftReply } from './draft-plan';
import type { StubResponse } from './stub-server';

export interface ChatMessage {
  role: string;
  content?: unknown;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  stream: boolean;
  includeUsage: boolean;
  responseFormat: string | undefined;
}

export type ChatValidation =
  { ok: true; request: ChatRequest } | { ok: false; message: string; param: string | null };

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface CompletionContext {
  /** Distinct per response, e.g. `chatcmpl-stub-7`. */
  id: string;
  /** Unix seconds. */
  created: number;
}

const STUB_JSON_LINE = /^\s*STUB_JSON:(.*)$/m;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the fields the stub needs; the messages mirror what the OpenAI API says. */
export function validateChatRequest(body: unknown): ChatValidation {
  if (!isRecord(body)) return { ok: false, message: 'The request body must be a JSON object.', param: null };
  if (typeof body.model !== 'string' || body.model === '')
    return { ok: false, message: 'you must provide a model parameter', param: 'model' };
  if (!Array.isArray(body.messages))
    return { ok: false, message: "Missing required parameter: 'messages'.", param: 'messages' };
  if (body.messages.length === 0)
    return {
      ok: false,
      message: "Invalid 'messages': empty array. Expected an array with minimum length 1.",
      param: 'messages',
    };
  const badIndex = body.messages.findIndex((m) => !isRecord(m) || typeof m.role !== 'string');
  if (badIndex >= 0)
    return {
      ok: false,
      message: `Invalid 'messages[${badIndex}]': expected an object with a 'role'.`,
      param: `messages[${badIndex}]`,
    };
  if (body.stream !== undefined && body.stream !== null && typeof body.stream !== 'boolean')
    return { ok: false, message: "Invalid type for 'stream': expected a boolean.", param: 'stream' };
  const streamOptions = isRecord(body.stream_options) ? body.stream_options : {};
  const responseFormat = isRecord(body.response_format) ? body.response_format.type : undefined;
  return {
    ok: true,
    request: {
      model: body.model,
      messages: body.messages as ChatMessage[],
      stream: body.stream === true,
      includeUsage: streamOptions.include_usage === true,
      responseFormat: typeof responseFormat === 'string' ? responseFormat : undefined,
    },
  };
}

/** The text of a message: a string, or the `text` parts of an array of content parts. */
export function messageText(message: ChatMessage): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
    .filter((text) => text !== '')
    .join('\n');
}

export function countTokens(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

export function replyContent(request: ChatRequest): string {
  const lastUser = [...request.messages].reverse().find((m) => m.role === 'user');
  const text = lastUser ? messageText(lastUser) : '';
  const directive = STUB_JSON_LINE.exec(text);
  if (directive) return (directive[1] ?? '').trim();
  const draft = stubDraftReply(request.messages.map((m) => ({ role: m.role, text: messageText(m) })));
  if (draft !== undefined) return draft;
  if (request.responseFormat === 'json_object' || request.responseFormat === 'json_schema')
    return JSON.stringify({ echo: text });
  return `Echo: ${text}`;
}

export function usageFor(request: ChatRequest, content: string): Usage {
  const prompt = request.messages.reduce((sum, m) => sum + countTokens(messageText(m)), 0);
  const completion = countTokens(content);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/**
 * Splits the reply into stream pieces, one per word with its trailing whitespace, so
 * concatenating the deltas gives back the exact content.
 */
export function streamPieces(content: string): string[] {
  return content.split(/(?<=\s)(?=\S)/).filter((piece) => piece !== '');
}

/** The full `chat.completion` object (non-streaming). */
export function completionBody(request: ChatRequest, ctx: CompletionContext): Record<string, unknown> {
  const content = replyContent(request);
  return {
    id: ctx.id,
    object: 'chat.completion',
    created: ctx.created,
    model: request.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: usageFor(request, content),
  };
}

/**
 * The SSE payloads (what follows `data: `): a role delta, one delta per word, a
 * `finish_reason: "stop"` chunk, then (with `stream_options.include_usage`) a usage-only
 * chunk with `choices: []`, and finally `[DONE]`. As with OpenAI, when usage is requested
 * every other chunk carries `usage: null`.
 */
export function streamPayloads(request: ChatRequest, ctx: CompletionContext): string[] {
  const content = replyContent(request);
  const usageField = request.includeUsage ? { usage: null } : {};
  const chunk = (delta: Record<string, unknown>, finishReason: string | null) =>
    JSON.stringify({
      id: ctx.id,
      object: 'chat.completion.chunk',
      created: ctx.created,
      model: request.model,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...usageField,
    });
  const payloads = [chunk({ role: 'assistant', content: '' }, null)];
  for (const piece of streamPieces(content)) payloads.push(chunk({ content: piece }, null));
  payloads.push(chunk({}, 'stop'));
  if (request.includeUsage) {
    payloads.push(
      JSON.stringify({
        id: ctx.id,
        object: 'chat.completion.chunk',
        created: ctx.created,
        model: request.model,
        choices: [],
        usage: usageFor(request, content),
      }),
    );
  }
  payloads.push('[DONE]');
  return payloads;
}

/** The stub's answer to a valid chat request, streaming or not. */
export function chatCompletionResponse(request: ChatRequest, ctx: CompletionContext): StubResponse {
  if (request.stream) return { status: 200, sse: streamPayloads(request, ctx) };
  return { status: 200, body: completionBody(request, ctx) };
}
