/**
 * The stub upstreams' answers beyond chat: legacy text completions, embeddings and the
 * Responses API, in OpenAI's wire shapes, with the reply convention of completion.ts
 * (`Echo: <text>`, word counts as tokens). Requests are checked only as far as the stub
 * needs; a failed check is an OpenAI-shaped 400.
 */
import { createHash } from 'node:crypto';
import { countTokens, streamPieces, type CompletionContext } from './completion';
import type { StubResponse, SsePayload } from './stub-server';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function invalid(message: string, param: string | null): StubResponse {
  return { status: 400, body: { error: { message, type: 'invalid_request_error', param, code: null } } };
}

function needModel(body: unknown): string | StubResponse {
  if (!isRecord(body)) return invalid('The request body must be a JSON object.', null);
  if (typeof body.model !== 'string' || body.model === '')
    return invalid('you must provide a model parameter', 'model');
  return body.model;
}

/** A string or an array of strings (token arrays are read as their numbers, space-separated). */
function texts(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value) || value.length === 0) return undefined;
  if (value.every((v) => typeof v === 'number')) return [value.join(' ')];
  if (value.every((v) => typeof v === 'string')) return value as string[];
  if (value.every((v) => Array.isArray(v))) return value.map((v) => (v as unknown[]).join(' '));
  return undefined;
}

/** `POST /v1/completions`: one choice per prompt, `Echo: <prompt>`. */
export function textCompletionResponse(body: unknown, ctx: CompletionContext): StubResponse {
  const model = needModel(body);
  if (typeof model !== 'string') return model;
  const prompts = texts((body as Json).prompt);
  if (!prompts) return invalid("Missing required parameter: 'prompt'.", 'prompt');
  const replies = prompts.map((p) => `Echo: ${p}`);
  const usage = {
    prompt_tokens: prompts.reduce((n, p) => n + countTokens(p), 0),
    completion_tokens: replies.reduce((n, r) => n + countTokens(r), 0),
  };
  const base = {
    id: ctx.id.replace('chatcmpl', 'cmpl'),
    object: 'text_completion',
    created: ctx.created,
    model,
  };
  const total = { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
  if ((body as Json).stream !== true)
    return {
      status: 200,
      body: {
        ...base,
        choices: replies.map((text, index) => ({ text, index, logprobs: null, finish_reason: 'stop' })),
        usage: total,
      },
    };
  const sse: SsePayload[] = [];
  replies.forEach((reply, index) => {
    for (const piece of streamPieces(reply))
      sse.push(
        JSON.stringify({ ...base, choices: [{ text: piece, index, logprobs: null, finish_reason: null }] }),
      );
    sse.push(
      JSON.stringify({ ...base, choices: [{ text: '', index, logprobs: null, finish_reason: 'stop' }] }),
    );
  });
  const streamOptions = (body as Json).stream_options;
  if (isRecord(streamOptions) && streamOptions.include_usage === true)
    sse.push(JSON.stringify({ ...base, choices: [], usage: total }));
  sse.push('[DONE]');
  return { status: 200, sse };
}

const DIMENSIONS = 8;

/** A deterministic unit-length vector per text: the same text always embeds the same. */
export function stubEmbedding(text: string): number[] {
  const digest = createHash('sha256').update(text).digest();
  const raw = Array.from({ length: DIMENSIONS }, (_, i) => digest.readInt16BE(i * 2) / 32768);
  const norm = Math.hypot(...raw) || 1;
  return raw.map((v) => Math.fround(v / norm));
}

/** `POST /v1/embeddings`, as floats or (`encoding_format: "base64"`, the openai SDK's default) base64 float32. */
export function embeddingsResponse(body: unknown): StubResponse {
  const model = needModel(body);
  if (typeof model !== 'string') return model;
  const inputs = texts((body as Json).input);
  if (!inputs) return invalid("Missing required parameter: 'input'.", 'input');
  const base64 = (body as Json).encoding_format === 'base64';
  const data = inputs.map((text, index) => {
    const vector = stubEmbedding(text);
    const embedding = base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
    return { object: 'embedding', index, embedding };
  });
  const tokens = inputs.reduce((n, t) => n + countTokens(t), 0);
  return {
    status: 200,
    body: { object: 'list', data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } },
  };
}

/** The text of the last user turn of a Responses `input` (a string, or input items). */
function lastUserText(input: unknown): string | undefined {
  if (typeof input === 'string') return input;
  if (!Array.isArray(input)) return undefined;
  const user = [...input].reverse().find((item) => isRecord(item) && item.role === 'user') as
    Json | undefined;
  if (!user) return undefined;
  if (typeof user.content === 'string') return user.content;
  if (!Array.isArray(user.content)) return '';
  return user.content
    .map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
    .filter(Boolean)
    .join('\n');
}

/**
 * `POST /v1/responses`: a `response` object whose one message says `Echo: <last user
 * text>`, or, streamed, OpenAI's event sequence from `response.created` to
 * `response.completed`, each event named after its `type` and numbered.
 */
export function responsesResponse(body: unknown, ctx: CompletionContext): StubResponse {
  const model = needModel(body);
  if (typeof model !== 'string') return model;
  const text = lastUserText((body as Json).input);
  if (text === undefined) return invalid("Missing required parameter: 'input'.", 'input');
  const reply = `Echo: ${text}`;
  const id = ctx.id.replace('chatcmpl-', 'resp_');
  const itemId = ctx.id.replace('chatcmpl-', 'msg_');
  const usage = {
    input_tokens: countTokens(text),
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: countTokens(reply),
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: countTokens(text) + countTokens(reply),
  };
  const part = (t: string) => ({ type: 'output_text', text: t, annotations: [], logprobs: [] });
  const message = (status: string, content: unknown[]) => ({
    id: itemId,
    type: 'message',
    status,
    role: 'assistant',
    content,
  });
  const response = (status: string, output: unknown[], withUsage: boolean) => ({
    id,
    object: 'response',
    created_at: ctx.created,
    status,
    error: null,
    incomplete_details: null,
    instructions: null,
    model,
    output,
    parallel_tool_calls: true,
    tool_choice: 'auto',
    tools: [],
    usage: withUsage ? usage : null,
  });
  const done = response('completed', [message('completed', [part(reply)])], true);
  if ((body as Json).stream !== true) return { status: 200, body: done };
  const events: Json[] = [
    { type: 'response.created', response: response('in_progress', [], false) },
    { type: 'response.in_progress', response: response('in_progress', [], false) },
    { type: 'response.output_item.added', output_index: 0, item: message('in_progress', []) },
    {
      type: 'response.content_part.added',
      item_id: itemId,
      output_index: 0,
      content_index: 0,
      part: part(''),
    },
    ...streamPieces(reply).map((delta) => ({
      type: 'response.output_text.delta',
      item_id: itemId,
      output_index: 0,
      content_index: 0,
      delta,
      logprobs: [],
    })),
    {
      type: 'response.output_text.done',
      item_id: itemId,
      output_index: 0,
      content_index: 0,
      text: reply,
      logprobs: [],
    },
    {
      type: 'response.content_part.done',
      item_id: itemId,
      output_index: 0,
      content_index: 0,
      part: part(reply),
    },
    { type: 'response.output_item.done', output_index: 0, item: message('completed', [part(reply)]) },
    { type: 'response.completed', response: done },
  ];
  return {
    status: 200,
    sse: events.map((event, sequence) => ({
      event: event.type as string,
      data: JSON.stringify({ ...event, sequence_number: sequence }),
    })),
  };
}
