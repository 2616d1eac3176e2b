/**
 * A deterministic OpenAI-compatible upstream on loopback: a test double for the "direct"
 * session backend and for the openai/groq providers. It speaks the real wire format
 * (Bearer auth, OpenAI error objects, Chat Completions, Completions, Embeddings and the
 * Responses API, JSON and SSE) so the gateway is
 * exercised exactly as it would be against api.openai.com. See completion.ts for the
 * reply convention and fault-plan.ts for fault injection.
 */
import { chatCompletionResponse, validateChatRequest } from './completion';
import { embeddingsResponse, responsesResponse, textCompletionResponse } from './openai-endpoints';
import type { FaultPlan, RecordedRequest } from './fault-plan';
export type { Fault, FaultSpec, RecordedRequest } from './fault-plan';
import { startStubServer, type StubResponse } from './stub-server';

export const DEFAULT_OPENAI_STUB_KEY = 'sk-stub-local-0000000000000000';

/** The models `GET /v1/models` lists. Completions accept any model name. */
export const OPENAI_STUB_MODELS: readonly string[] = [
  'gpt-4o',
  'gpt-4o-mini',
  'gpt-4.1',
  'gpt-3.5-turbo',
  'llama-3.3-70b-versatile',
];
const MODELS_CREATED = 1_700_000_000;

export interface OpenAiStubOptions {
  /** Default 0: a free port. */
  port?: number;
  apiKey?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Pause between SSE chunks; default 2 ms. */
  chunkDelayMs?: number;
  /** Clock for `created`; default Date.now. */
  now?: () => number;
}

export interface OpenAiStub {
  url: string;
  port: number;
  apiKey: string;
  requests: RecordedRequest[];
  faults: FaultPlan;
  close(): Promise<void>;
}

export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export function openAiError(
  message: string,
  type: string,
  param: string | null = null,
  code: string | null = null,
): OpenAiErrorBody {
  return { error: { message, type, param, code } };
}

/** The error object OpenAI sends for a status, used when a `status` fault has no body. */
export function openAiFaultBody(status: number): OpenAiErrorBody {
  if (status === 429)
    return openAiError('Rate limit reached (stub fault).', 'requests', null, 'rate_limit_exceeded');
  if (status >= 500) return openAiError(`The server had an error (stub fault ${status}).`, 'server_error');
  return openAiError(`Stub fault: status ${status}.`, 'invalid_request_error');
}

function authorize(apiKey: string, req: RecordedRequest): StubResponse | undefined {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (match?.[1]?.trim() === apiKey) return undefined;
  const message = match
    ? `Incorrect API key provided: ${redactKey(match[1] ?? '')}.`
    : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
  return { status: 401, body: openAiError(message, 'invalid_request_error', null, 'invalid_api_key') };
}

/** OpenAI shows only the ends of a wrong key; so does the stub, so logs never carry one. */
function redactKey(key: string): string {
  const trimmed = key.trim();
  return trimmed.length <= 8 ? '********' : `${trimmed.slice(0, 3)}****${trimmed.slice(-4)}`;
}

export async function startOpenAiStub(options: OpenAiStubOptions = {}): Promise<OpenAiStub> {
  const apiKey = options.apiKey ?? DEFAULT_OPENAI_STUB_KEY;
  const now = options.now ?? Date.now;
  let completions = 0;

  const handle = (req: RecordedRequest): StubResponse => {
    const route = `${req.method} ${req.path}`;
    if (route === 'GET /v1/models') {
      const data = OPENAI_STUB_MODELS.map((id) => ({
        id,
        object: 'model',
        created: MODELS_CREATED,
        owned_by: 'flowgate-stub',
      }));
      return { status: 200, body: { object: 'list', data } };
    }
    if (route === 'POST /v1/chat/completions') {
      if (typeof req.body !== 'object' || req.body === null)
        return {
          status: 400,
          body: openAiError(
            "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)",
            'invalid_request_error',
          ),
        };
      const validation = validateChatRequest(req.body);
      if (!validation.ok)
        return {
          status: 400,
          body: openAiError(validation.message, 'invalid_request_error', validation.param),
        };
      completions += 1;
      const ctx = { id: `chatcmpl-stub-${completions}`, created: Math.floor(now() / 1000) };
      return chatCompletionResponse(validation.request, ctx);
    }
    const ctx = () => ({ id: `chatcmpl-stub-${++completions}`, created: Math.floor(now() / 1000) });
    if (route === 'POST /v1/completions') return textCompletionResponse(req.body, ctx());
    if (route === 'POST /v1/embeddings') return embeddingsResponse(req.body);
    if (route === 'POST /v1/responses') return responsesResponse(req.body, ctx());
    return {
      status: 404,
      body: openAiError(`Invalid URL (${req.method} ${req.path})`, 'invalid_request_error'),
    };
  };

  const server = await startStubServer({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    chunkDelayMs: options.chunkDelayMs ?? 2,
    faultBody: openAiFaultBody,
    authorize: (req) => authorize(apiKey, req),
    handle,
  });
  return { ...server, apiKey, close: () => server.close() };
}
