/**
 * A deterministic stand-in for the Morpheus proxy-router (the consumer node the gateway
 * talks to), on loopback with HTTP basic auth. It mirrors the real router's contract:
 *
 * - `POST /blockchain/models/{modelId}/session` `{"sessionDuration":N,...}` → 200
 *   `{"sessionID":"0x…"}`; bad JSON / duration → 400 `{"error":…}`.
 * - `POST /blockchain/sessions/{id}/close` → 200 `{"tx":"0x…"}` (the router answers with
 *   the close transaction hash); an unknown or already closed session → 500 `{"error":…}`.
 * - `POST /v1/chat/completions` with header `session_id` → the shared deterministic
 *   completion (JSON or SSE). The real router's session check fails with HTTP 500 and
 *   `{"error":"session not found"}` or `{"error":"session expired"}` (ErrSessionNotFound /
 *   ErrSessionExpired in proxy-router/internal/proxyapi/proxy_sender.go, rendered by the
 *   Prompt controller as `gin.H{"error": err.Error()}` with status 500); the stub answers
 *   the same. A closed session reads as "session not found". Without `session_id` the real
 *   router looks for a local model and fails with `model not found: 0x00…`; so does the stub.
 *   `model_id` and `chat_id` are optional hex32 headers and `x-request-id` a free string, as
 *   in the router's PromptHead (proxy-router/internal/proxyapi/requests.go); a malformed
 *   hash is a 400 there and here.
 * - `POST /v1/embeddings`: the same session check and headers, then the shared
 *   deterministic embeddings (the router forwards them to the session's provider). It has
 *   no `/v1/completions` or `/v1/responses`: 404, as gin answers an unknown route.
 * - Ids are 0x-prefixed 32-byte hex, as the router's `hex32` binding requires (400 otherwise).
 */
import { createHash } from 'node:crypto';
import { chatCompletionResponse, validateChatRequest } from './completion';
import { embeddingsResponse } from './openai-endpoints';
import type { FaultPlan, RecordedRequest } from './fault-plan';
export type { Fault, FaultSpec, RecordedRequest } from './fault-plan';
import { startStubServer, type StubResponse } from './stub-server';

export const DEFAULT_MORPHEUS_STUB_USERNAME = 'admin';
export const DEFAULT_MORPHEUS_STUB_PASSWORD = 'stub-router-password';

const hex32 = (seed: string) => `0x${createHash('sha256').update(seed).digest('hex')}`;
const HEX32 = /^0x[0-9a-fA-F]{64}$/;
const ZERO_HASH = `0x${'0'.repeat(64)}`;

/** What `GET /blockchain/models` lists; opening a session accepts any hex32 model id. */
export const MORPHEUS_STUB_MODELS: ReadonlyArray<{ id: string; name: string }> = [
  { id: hex32('flowgate-stub/llama-3.3-70b'), name: 'llama-3.3-70b' },
  { id: hex32('flowgate-stub/qwen3-235b'), name: 'qwen3-235b' },
  { id: hex32('flowgate-stub/mistral-31-24b'), name: 'mistral-31-24b' },
];

export type MorpheusSessionState = 'open' | 'closed' | 'expired';

export interface MorpheusStubSession {
  id: string;
  modelId: string;
  sessionDuration: number;
  /** Epoch ms, from the stub's clock. */
  openedAt: number;
  endsAt: number;
  /** `expired` only when forced by expireSession; time-based expiry is computed from endsAt. */
  state: MorpheusSessionState;
}

export interface MorpheusStubOptions {
  port?: number;
  username?: string;
  password?: string;
  host?: string;
  /** Pause between SSE chunks; default 2 ms. */
  chunkDelayMs?: number;
  /** Clock for session expiry and `created`; default Date.now. */
  now?: () => number;
}

export interface MorpheusStub {
  url: string;
  port: number;
  username: string;
  password: string;
  requests: RecordedRequest[];
  faults: FaultPlan;
  sessions: ReadonlyMap<string, MorpheusStubSession>;
  /** How many sessions were opened (the stub never dedupes). */
  readonly opens: number;
  /** How many sessions were closed. */
  readonly closes: number;
  /** Marks a session expired now; throws for an unknown id. */
  expireSession(id: string): void;
  close(): Promise<void>;
}

const routerError = (status: number, error: string): StubResponse => ({ status, body: { error } });

function authorize(username: string, password: string, req: RecordedRequest): StubResponse | undefined {
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  if (req.headers.authorization === expected) return undefined;
  return {
    status: 401,
    headers: { 'www-authenticate': 'Basic realm="proxy-router"' },
    body: { error: 'unauthorized' },
  };
}

/** A positive whole number of seconds, given as a JSON number or a decimal string (BigInt-style). */
function parseDuration(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

export async function startMorpheusStub(options: MorpheusStubOptions = {}): Promise<MorpheusStub> {
  const username = options.username ?? DEFAULT_MORPHEUS_STUB_USERNAME;
  const password = options.password ?? DEFAULT_MORPHEUS_STUB_PASSWORD;
  const now = options.now ?? Date.now;
  const sessions = new Map<string, MorpheusStubSession>();
  let opens = 0;
  let closes = 0;
  let completions = 0;

  const isExpired = (s: MorpheusStubSession) => s.state === 'expired' || now() >= s.endsAt;

  function openSession(modelId: string, body: unknown): StubResponse {
    if (!HEX32.test(modelId)) return routerError(400, `invalid model id "${modelId}": expected hex32`);
    if (typeof body !== 'object' || body === null) return routerError(400, 'invalid JSON body');
    const duration = parseDuration((body as Record<string, unknown>).sessionDuration);
    if (duration === undefined) return routerError(400, 'sessionDuration must be a positive integer');
    opens += 1;
    const id = `0x${opens.toString(16).padStart(64, '0')}`;
    const openedAt = now();
    sessions.set(id, {
      id,
      modelId,
      sessionDuration: duration,
      openedAt,
      endsAt: openedAt + duration * 1000,
      state: 'open',
    });
    return { status: 200, body: { sessionID: id } };
  }

  function closeSession(id: string): StubResponse {
    if (!HEX32.test(id)) return routerError(400, `invalid session id "${id}": expected hex32`);
    const session = sessions.get(id);
    if (!session) return routerError(500, 'session not found');
    if (session.state === 'closed') return routerError(500, 'session already closed');
    session.state = 'closed';
    closes += 1;
    return { status: 200, body: { tx: hex32(`flowgate-stub/close/${closes}/${id}`) } };
  }

  function chat(req: RecordedRequest): StubResponse {
    const refused = checkSession(req);
    if (refused) return refused;
    const validation = validateChatRequest(req.body);
    if (!validation.ok) return routerError(400, validation.message);
    completions += 1;
    return chatCompletionResponse(validation.request, {
      id: `chatcmpl-stub-${completions}`,
      created: Math.floor(now() / 1000),
    });
  }

  function embeddings(req: RecordedRequest): StubResponse {
    return checkSession(req) ?? embeddingsResponse(req.body);
  }

  /** The router's header and session checks (PromptHead, validateSession), or undefined when they pass. */
  function checkSession(req: RecordedRequest): StubResponse | undefined {
    const sessionId = req.headers.session_id;
    if (sessionId === undefined || sessionId === '') return routerError(500, `model not found: ${ZERO_HASH}`);
    if (!HEX32.test(sessionId)) return routerError(400, `invalid session_id "${sessionId}": expected hex32`);
    for (const name of ['model_id', 'chat_id'] as const) {
      const value = req.headers[name];
      if (value !== undefined && !HEX32.test(value))
        return routerError(400, `invalid ${name} "${value}": expected hex32`);
    }
    const session = sessions.get(sessionId);
    if (!session || session.state === 'closed') return routerError(500, 'session not found');
    if (isExpired(session)) return routerError(500, 'session expired');
    return undefined;
  }

  function expireSession(id: string): void {
    const session = sessions.get(id);
    if (!session) throw new Error(`Unknown stub session ${id}`);
    if (session.state === 'open') session.state = 'expired';
  }

  const handle = (req: RecordedRequest): StubResponse => {
    const open = /^\/blockchain\/models\/([^/]+)\/session$/.exec(req.path);
    const close = /^\/blockchain\/sessions\/([^/]+)\/close$/.exec(req.path);
    if (req.method === 'POST' && open) return openSession(open[1] ?? '', req.body);
    if (req.method === 'POST' && close) return closeSession(close[1] ?? '');
    if (req.method === 'POST' && req.path === '/v1/chat/completions') return chat(req);
    if (req.method === 'POST' && req.path === '/v1/embeddings') return embeddings(req);
    if (req.method === 'GET' && req.path === '/blockchain/models') {
      const models = MORPHEUS_STUB_MODELS.map((m) => ({
        Id: m.id,
        IpfsCID: ZERO_HASH,
        Fee: 0,
        Stake: 0,
        Owner: '0x0000000000000000000000000000000000000000',
        Name: m.name,
        Tags: ['LLM'],
        CreatedAt: 1_700_000_000,
        IsDeleted: false,
        ModelType: 'LLM',
      }));
      return { status: 200, body: { models } };
    }
    // gin's own answer for an unregistered route.
    return { status: 404, body: '404 page not found' };
  };

  const control = (req: RecordedRequest): StubResponse | undefined => {
    if (req.method === 'GET' && req.path === '/__stub/sessions')
      return { status: 200, body: { opens, sessions: [...sessions.values()] } };
    const expire = /^\/__stub\/sessions\/([^/]+)\/expire$/.exec(req.path);
    if (req.method !== 'POST' || !expire) return undefined;
    const id = decodeURIComponent(expire[1] ?? '');
    if (!sessions.has(id)) return routerError(404, 'session not found');
    expireSession(id);
    return { status: 200, body: sessions.get(id) };
  };

  const server = await startStubServer({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    chunkDelayMs: options.chunkDelayMs ?? 2,
    faultBody: (status) => ({ error: `stub fault: status ${status}` }),
    authorize: (req) => authorize(username, password, req),
    control,
    handle,
  });

  return {
    url: server.url,
    port: server.port,
    username,
    password,
    requests: server.requests,
    faults: server.faults,
    sessions,
    get opens() {
      return opens;
    },
    get closes() {
      return closes;
    },
    expireSession,
    close: () => server.close(),
  };
}
