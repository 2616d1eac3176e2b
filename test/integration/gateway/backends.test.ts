import type { APIError } from 'openai';
import { startMorpheusStub, type MorpheusStub } from '../../../infra/local/stubs/morpheus-stub';
import { startOpenAiStub, type OpenAiStub } from '../../../infra/local/stubs/openai-stub';
import { backendFor, createBackends, type Backends } from '../../../shared/gateway/backends/backends';
import {
  classifyUpstreamError,
  toClientError,
  UpstreamFailure,
} from '../../../shared/gateway/backends/upstream-errors';
import { parseModelConfig, type ModelTarget } from '../../../shared/gateway/model-config';
import { CHAT } from '../../../shared/gateway/operations';
import { SettableSecrets } from '../../support/upstream-secrets';
import { stubBackends } from './support';

const LLAMA = `0x${'1a'.repeat(32)}`;
const config = parseModelConfig(
  { default: 'm' },
  {
    m: { backend: 'morpheus', model: 'llama', blockchainId: LLAMA },
    d: { backend: 'direct', model: 'gpt-4o' },
  },
);
const morpheusTarget = config.targets.get('m') as ModelTarget;
const directTarget = config.targets.get('d') as ModelTarget;
const signal = () => new AbortController().signal;
const body = { model: 'llama', messages: [{ role: 'user', content: 'ping' }] };

describe('session backends against the stub upstreams', () => {
  let morpheus: MorpheusStub;
  let openai: OpenAiStub;
  let backends: Backends;

  beforeAll(async () => {
    [morpheus, openai] = await Promise.all([startMorpheusStub(), startOpenAiStub()]);
    backends = stubBackends(openai, morpheus);
  });
  afterAll(() => Promise.all([morpheus.close(), openai.close()]));

  it('Morpheus: opens with the router contract, chats with the session_id header and basic auth, closes', async () => {
    const router = backendFor(backends, 'morpheus');
    const id = await router.openSession(morpheusTarget, 600, signal());
    expect(id).toMatch(/^0x[0-9a-f]{64}$/);
    const open = morpheus.requests.at(-1)!;
    expect(open).toMatchObject({
      method: 'POST',
      path: `/blockchain/models/${LLAMA}/session`,
      body: { sessionDuration: 600, failover: false, directPayment: false },
    });
    const basic = `Basic ${Buffer.from(`${morpheus.username}:${morpheus.password}`).toString('base64')}`;
    expect(open.headers.authorization).toBe(basic);

    const response = await router.send({
      operation: CHAT,
      body,
      sessionId: id,
      target: morpheusTarget,
      requestId: 'req-123',
      signal: signal(),
    });
    expect(JSON.parse(await response.text())).toMatchObject({
      choices: [{ message: { content: 'Echo: ping' } }],
    });
    const chat = morpheus.requests.at(-1)!;
    expect(chat).toMatchObject({ path: '/v1/chat/completions', body });
    // What the router's PromptHead reads to route the request and tell it from concurrent ones.
    expect(chat.headers).toMatchObject({
      session_id: id,
      model_id: LLAMA,
      'x-request-id': 'req-123',
      authorization: basic,
    });

    await router.closeSession(id, signal());
    expect(morpheus.sessions.get(id)?.state).toBe('closed');
  });

  it('Morpheus: an expired or closed session is recognised as gone', async () => {
    const router = backendFor(backends, 'morpheus');
    const id = await router.openSession(morpheusTarget, 600, signal());
    morpheus.expireSession(id);
    const expired = await router
      .send({ operation: CHAT, body, sessionId: id, target: morpheusTarget, signal: signal() })
      .catch((e: APIError) => e);
    expect(
      classifyUpstreamError(expired, { timedOut: false, isSessionGone: (e) => router.isSessionGone(e) }).kind,
    ).toBe('session_gone');
    const unknown = await router
      .send({
        operation: CHAT,
        body,
        sessionId: `0x${'5'.repeat(64)}`,
        target: morpheusTarget,
        signal: signal(),
      })
      .catch((e: APIError) => e);
    expect(router.isSessionGone(unknown as APIError)).toBe(true);
  });

  it('Morpheus: a wrong password is an auth failure, and the router must return a real session id', async () => {
    const wrong = stubBackends(openai, morpheus, { password: 'nope' });
    const err = await backendFor(wrong, 'morpheus')
      .openSession(morpheusTarget, 600, signal())
      .catch((e: unknown) => e);
    expect(classifyUpstreamError(err, { timedOut: false }).kind).toBe('auth');

    morpheus.faults.enqueue({ kind: 'status', status: 200, body: { sessionID: 'not-hex' } });
    await expect(
      backendFor(backends, 'morpheus').openSession(morpheusTarget, 600, signal()),
    ).rejects.toMatchObject({
      kind: 'malformed_response',
    });
  });

  it('direct: sends the upstream key as Bearer and nothing of the caller’s', async () => {
    const direct = backendFor(backends, 'direct');
    const response = await direct.send({
      operation: CHAT,
      body: { ...body, model: 'gpt-4o' },
      sessionId: 'sess_x',
      target: directTarget,
      signal: signal(),
    });
    expect((JSON.parse(await response.text()) as { model: string }).model).toBe('gpt-4o');
    const sent = openai.requests.at(-1)!;
    expect(sent.headers.authorization).toBe(`Bearer ${openai.apiKey}`);
    expect(sent.headers.session_id).toBeUndefined();
    expect(direct.secrets).toEqual([openai.apiKey]);
  });

  it('an unconfigured backend is a 503, not a crash', () => {
    const none = createBackends({ secrets: new SettableSecrets() });
    expect(() => backendFor(none, 'direct')).toThrow(
      expect.objectContaining({ statusCode: 503, code: 'backend_unavailable' }),
    );
  });
});

describe('backends read their credentials from the secrets port on every request', () => {
  let morpheus: MorpheusStub;
  let openai: OpenAiStub;
  const rotatedKey = 'sk-rotated-key-1111111111111111';
  const rotatedPassword = 'rotated-router-password';

  beforeAll(async () => {
    [morpheus, openai] = await Promise.all([startMorpheusStub(), startOpenAiStub()]);
  });
  afterAll(() => Promise.all([morpheus.close(), openai.close()]));

  const backendsWith = (secrets: SettableSecrets) =>
    createBackends({
      upstreamBaseUrl: `${openai.url}/v1`,
      morpheusRouterUrl: morpheus.url,
      morpheusUsername: morpheus.username,
      secrets,
    });
  const chatDirect = (backends: Backends) =>
    backendFor(backends, 'direct').send({
      operation: CHAT,
      body: { ...body, model: 'gpt-4o' },
      sessionId: 'sess_x',
      target: directTarget,
      signal: signal(),
    });
  const basic = (password: string) => Buffer.from(`${morpheus.username}:${password}`).toString('base64');

  it('direct: a rotated key is sent on the next request by the same client, and both are redacted', async () => {
    const secrets = new SettableSecrets({ upstreamApiKey: openai.apiKey });
    const backends = backendsWith(secrets);
    const direct = backendFor(backends, 'direct');
    expect(direct.secrets).toEqual([]);

    expect((await chatDirect(backends)).status).toBe(200);
    expect(openai.requests.at(-1)!.headers.authorization).toBe(`Bearer ${openai.apiKey}`);
    expect(direct.secrets).toEqual([openai.apiKey]);

    secrets.values.upstreamApiKey = rotatedKey;
    const refused = await chatDirect(backends).catch((e: unknown) => e);
    // The stub only knows the old key: the new one reached it, and the refusal is a 502.
    expect(openai.requests.at(-1)!.headers.authorization).toBe(`Bearer ${rotatedKey}`);
    const failure = classifyUpstreamError(refused, { timedOut: false });
    expect(toClientError(failure, direct.secrets)).toMatchObject({
      statusCode: 502,
      code: 'upstream_auth_failed',
    });
    expect(direct.secrets).toEqual([rotatedKey, openai.apiKey]);
    expect(secrets.reads.upstreamApiKey).toBe(2);
  });

  it('direct: with an address but no key, opening and chatting fail as 503 backend_unavailable, sending nothing', async () => {
    const backends = backendsWith(new SettableSecrets({ routerPassword: morpheus.password }));
    const direct = backendFor(backends, 'direct');
    const sentBefore = openai.requests.length;
    const target = config.targets.get('d') as ModelTarget;
    for (const attempt of [direct.openSession(target, 600, signal()), chatDirect(backends)]) {
      const err = await attempt.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UpstreamFailure);
      expect(toClientError(classifyUpstreamError(err, { timedOut: false }))).toMatchObject({
        statusCode: 503,
        code: 'backend_unavailable',
        message: 'The model backend has no credentials configured',
      });
    }
    expect(openai.requests.length).toBe(sentBefore);
  });

  it('a secret that cannot be read is a 503 with Retry-After, sending nothing', async () => {
    const backends = createBackends({
      upstreamBaseUrl: `${openai.url}/v1`,
      secrets: {
        upstreamApiKey: () => Promise.reject(new Error('AccessDeniedException')),
        routerPassword: async () => undefined,
      },
    });
    const sentBefore = openai.requests.length;
    const err = await chatDirect(backends).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'credentials_unavailable' });
    expect(toClientError(err as UpstreamFailure)).toMatchObject({
      statusCode: 503,
      code: 'backend_unavailable',
      headers: { 'Retry-After': '5' },
    });
    expect(openai.requests.length).toBe(sentBefore);
  });

  it('Morpheus: open, chat and close each build basic auth from the current password', async () => {
    const secrets = new SettableSecrets({ routerPassword: morpheus.password });
    const router = backendFor(backendsWith(secrets), 'morpheus');
    const id = await router.openSession(morpheusTarget, 600, signal());
    expect(morpheus.requests.at(-1)!.headers.authorization).toBe(`Basic ${basic(morpheus.password)}`);
    expect(router.secrets).toEqual([basic(morpheus.password), morpheus.password]);

    secrets.values.routerPassword = rotatedPassword;
    const err = await router
      .send({ operation: CHAT, body, sessionId: id, target: morpheusTarget, signal: signal() })
      .catch((e: unknown) => e);
    expect(morpheus.requests.at(-1)!.headers.authorization).toBe(`Basic ${basic(rotatedPassword)}`);
    expect(classifyUpstreamError(err, { timedOut: false }).kind).toBe('auth');

    secrets.values.routerPassword = morpheus.password;
    await router.closeSession(id, signal());
    expect(morpheus.requests.at(-1)!.headers.authorization).toBe(`Basic ${basic(morpheus.password)}`);
    expect(morpheus.sessions.get(id)?.state).toBe('closed');
    expect(secrets.reads.routerPassword).toBe(3);
  });
});
