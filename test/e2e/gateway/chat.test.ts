import { isolatedEnv } from './isolated-env';
// Before the shared runtime loads: the system switch on, and a short upstream deadline
// so the timeout case is quick.
const restoreEnv = isolatedEnv({ AUTOMATION_FEATURE_ENABLED: 'true', UPSTREAM_TIMEOUT_MS: '1500' });

import OpenAI from 'openai';
import type { LocalStack } from '../../../infra/local/local-stack';
import { MORPHEUS_STUB_MODELS } from '../../../infra/local/stubs/morpheus-stub';
import { jsonOf } from '../../support/http';
import { startTestStack } from '../../support/local-stack';
import { call, captureEmf, createUser, emfDuring, enableAutomation, failureOf, sdk, user } from './support';

const SEED_NO_SESSION = 'No session ID provided in request and no active session found for API key';

/**
 * The gateway end to end: the official `openai` SDK against the local stack (local API
 * server, authorizer, streaming Lambda wrapper, DynamoDB Local) and the stub upstreams.
 */
describe('LLM gateway with the openai SDK (e2e)', () => {
  let stack: LocalStack;
  const stubs = () => stack.stubs!;
  const newUser = async (automation = true) => {
    const u = await createUser('gateway');
    if (automation) await enableAutomation(stack, u.key);
    return { ...u, client: sdk(stack, u.key) };
  };
  const activeSession = async (key: string) => jsonOf(await call(stack, key, 'GET', '/api/v1/session'));

  let restoreStdout: () => void;

  beforeAll(async () => {
    restoreStdout = captureEmf();
    stack = await startTestStack();
  }, 30_000);
  afterAll(async () => {
    await stack.stop();
    restoreStdout();
    restoreEnv();
  });
  afterEach(() => {
    stubs().openai.faults.clear();
    stubs().morpheus.faults.clear();
  });

  it('lists the mapped models in the OpenAI list shape', async () => {
    const models = await sdk(stack, stack.demo.key).models.list();
    const byId = Object.fromEntries(models.data.map((m) => [m.id, m]));
    expect(Object.keys(byId)).toEqual(['gpt-3.5-turbo', 'gpt-4', 'gpt-4o', 'claude-3-opus']);
    expect(byId['gpt-4o']).toEqual({
      id: 'gpt-4o',
      object: 'model',
      created: 0,
      owned_by: 'openai',
      blockchainID: null,
    });
    expect(MORPHEUS_STUB_MODELS.map((m) => m.id)).toContain(
      (byId['gpt-4'] as unknown as { blockchainID: string }).blockchainID,
    );
  });

  it('retrieves one listed model (client.models.retrieve); any other name is a 404 in OpenAI’s shape', async () => {
    const client = sdk(stack, stack.demo.key);
    const listed = (await client.models.list()).data;
    for (const model of listed) expect(await client.models.retrieve(model.id)).toEqual(model);
    const { data, response } = await client.models.retrieve('gpt-4').withResponse();
    expect(data.id).toBe('gpt-4');
    expect(response.headers.get('x-flowgate-routed-model')).toBe('morpheus/qwen3-235b');
    const missing = await failureOf(client.models.retrieve('gpt-4-turbo'));
    expect(missing.status).toBe(404);
    expect(missing.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'model_not_found',
      param: 'model',
    });
    // `default` routes, but is not a model anyone lists.
    expect((await failureOf(client.models.retrieve('default'))).status).toBe(404);
  });

  it('settings: new users start disabled; PUT validates and updates; responses carry timestamps', async () => {
    const { key } = await createUser('settings');
    const initial = await call(stack, key, 'GET', '/api/v1/automation/settings');
    expect(initial.status).toBe(200);
    const before = await jsonOf(initial);
    expect(before).toMatchObject({ is_enabled: false, session_duration: 3600 });
    expect(Date.parse(before.created_at)).toBeGreaterThan(0);

    for (const bad of [
      { session_duration: 59 },
      { session_duration: 86_401 },
      { session_duration: 60.5 },
      {},
      { is_enabled: 'yes' },
    ]) {
      const res = await call(stack, key, 'PUT', '/api/v1/automation/settings', bad);
      expect(res.status).toBe(400);
      const { error } = await jsonOf(res);
      expect(error.code).toBe('validation_error');
      expect(error.details.issues.length).toBeGreaterThan(0);
    }
    const put = await call(stack, key, 'PUT', '/api/v1/automation/settings', {
      is_enabled: true,
      session_duration: 600,
    });
    expect(put.status).toBe(200);
    const after = await jsonOf(put);
    expect(after).toMatchObject({ is_enabled: true, session_duration: 600, created_at: before.created_at });
    expect(after.updated_at >= before.updated_at).toBe(true);
  });

  it('automation disabled and no session: the SDK raises a 400 of type session_not_found', async () => {
    const { client } = await newUser(false);
    const err = await failureOf(client.chat.completions.create({ model: 'gpt-4o', messages: user('hi') }));
    expect(err.status).toBe(400);
    expect(err.type).toBe('session_not_found');
    expect(err.headers?.get('x-flowgate-routed-model')).toBe('direct/gpt-4o');
    expect(err.error).toMatchObject({
      message: SEED_NO_SESSION,
      type: 'session_not_found',
      code: 'session_not_found',
    });
  });

  it('automation enabled: a session is opened on the first request and reused after', async () => {
    const { key, client } = await newUser();
    const opens = stubs().morpheus.opens;
    const { data, response } = await client.chat.completions
      .create({ model: 'gpt-4', messages: user('hello gateway') })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe('Echo: hello gateway');
    expect(data.usage).toEqual({ prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 });
    expect(response.headers.get('x-flowgate-routed-model')).toBe('morpheus/qwen3-235b');
    const session = await activeSession(key);
    expect(session).toMatchObject({
      model: 'gpt-4',
      target: 'morpheus/qwen3-235b',
      backend: 'morpheus',
      is_automated: true,
    });

    await client.chat.completions.create({ model: 'gpt-4', messages: user('again') });
    expect(stubs().morpheus.opens - opens).toBe(1);
    expect((await activeSession(key)).session_id).toBe(session.session_id);
    // The proxy-router saw the session on every chat call.
    const chats = stubs()
      .morpheus.requests.filter((r) => r.path === '/v1/chat/completions')
      .slice(-2);
    expect(chats.map((r) => r.headers.session_id)).toEqual([session.session_id, session.session_id]);
    expect(chats[0]?.body).toMatchObject({ model: 'qwen3-235b' });
  });

  it('streams chunk by chunk, with usage when asked for', async () => {
    const { client } = await newUser();
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: user('stream these four words'),
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(
      'Echo: stream these four words',
    );
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 4, completion_tokens: 5 } });
  });

  it('the raw stream is SSE ending in [DONE], with the routed target in the headers', async () => {
    const { key } = await newUser();
    const res = await fetch(`${stack.apiUrl}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: user('raw'), stream: true }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('x-flowgate-routed-model')).toBe('direct/gpt-4o');
    const text = await res.text();
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(
      text
        .split('\n\n')
        .filter(Boolean)
        .every((e) => e.startsWith('data: ')),
    ).toBe(true);
  });

  it('a model that routes elsewhere gets a session of its own; the first stays open', async () => {
    const { key, client } = await newUser();
    await client.chat.completions.create({ model: 'gpt-4', messages: user('one') });
    const first = await activeSession(key);
    await client.chat.completions.create({ model: 'gpt-3.5-turbo', messages: user('two') });
    const both = await activeSession(key);
    expect(both.sessions).toHaveLength(2);
    const second = both.sessions.find((s: { target: string }) => s.target === 'morpheus/llama-3.3-70b');
    expect(second).toMatchObject({ model: 'gpt-3.5-turbo', is_automated: true });
    expect(second.session_id).not.toBe(first.session_id);
    expect(stubs().morpheus.sessions.get(first.session_id)?.state).toBe('open');
    // Back to the first model: its session again, nothing opened.
    const opens = stubs().morpheus.opens;
    await client.chat.completions.create({ model: 'gpt-4', messages: user('three') });
    expect(stubs().morpheus.opens).toBe(opens);
    expect(stubs().morpheus.requests.at(-1)?.headers.session_id).toBe(first.session_id);
  });

  it('a session the proxy-router calls expired is renewed once and the request succeeds', async () => {
    const { key, client } = await newUser();
    await client.chat.completions.create({ model: 'gpt-4', messages: user('before') });
    const before = await activeSession(key);
    stubs().morpheus.expireSession(before.session_id);
    const opens = stubs().morpheus.opens;
    const answer = await client.chat.completions.create({ model: 'gpt-4', messages: user('after expiry') });
    expect(answer.choices[0]?.message.content).toBe('Echo: after expiry');
    expect(stubs().morpheus.opens - opens).toBe(1);
    const after = await activeSession(key);
    expect(after.sessions).toHaveLength(1);
    expect(after.session_id).not.toBe(before.session_id);
    expect(after).toMatchObject({ target: before.target, session_duration: before.session_duration });
  });

  it('20 parallel first requests open exactly one session', async () => {
    const { key, client } = await newUser();
    const opens = stubs().morpheus.opens;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client.chat.completions.create({ model: 'claude-3-opus', messages: user(`n${i}`) }),
      ),
    );
    expect(answers.map((a) => a.choices[0]?.message.content)).toEqual(answers.map((_, i) => `Echo: n${i}`));
    expect(stubs().morpheus.opens - opens).toBe(1);
    const sessionIds = new Set(
      stubs()
        .morpheus.requests.filter((r) => r.path === '/v1/chat/completions')
        .slice(-20)
        .map((r) => r.headers.session_id),
    );
    expect([...sessionIds]).toEqual([(await activeSession(key)).session_id]);
  });

  it('explicit sessions: open, use by session_id, look up, close', async () => {
    const { key, client } = await newUser(false);
    const opened = await call(stack, key, 'POST', '/api/v1/session/modelsession?model_id=gpt-4', {
      sessionDuration: 600,
    });
    expect(opened.status).toBe(200);
    expect(opened.headers.get('x-flowgate-routed-model')).toBe('morpheus/qwen3-235b');
    const session = await jsonOf(opened);
    expect(session).toMatchObject({
      model: 'gpt-4',
      backend: 'morpheus',
      is_automated: false,
      session_duration: 600,
    });
    expect(session.last_used_at).toBe(session.created_at);
    const current = await call(stack, key, 'GET', '/api/v1/session');
    expect(current.headers.get('x-flowgate-routed-model')).toBe('morpheus/qwen3-235b');
    expect(await jsonOf(current)).toEqual({ ...session, sessions: [session] });

    // `session_id` is Flowgate's own field (which session to use); the SDK passes it through.
    const mine = { model: 'gpt-4', messages: user('with my session'), session_id: session.session_id };
    const answer = await client.chat.completions.create(mine);
    expect(answer.choices[0]?.message.content).toBe('Echo: with my session');
    const forwarded = stubs().morpheus.requests.at(-1);
    expect(forwarded?.headers.session_id).toBe(session.session_id);
    expect(forwarded?.body).not.toHaveProperty('session_id');

    const notMine = { model: 'gpt-4', messages: user('x'), session_id: `0x${'4'.repeat(64)}` };
    const foreign = await failureOf(client.chat.completions.create(notMine));
    expect(foreign.status).toBe(404);
    expect(foreign.error).toMatchObject({ type: 'session_not_found', param: 'session_id' });

    // A second open for the same model replaces the first, which is closed upstream.
    const replaced = await jsonOf(
      await call(stack, key, 'POST', '/api/v1/session/modelsession?model_id=gpt-4', {}),
    );
    expect(replaced).toMatchObject({ backend: 'morpheus', session_duration: 3600 });
    expect(stubs().morpheus.sessions.get(session.session_id)?.state).toBe('closed');
    // One for another model is a session of its own.
    const direct = await jsonOf(
      await call(stack, key, 'POST', '/api/v1/session/modelsession?model_id=gpt-4o', {}),
    );
    expect(direct).toMatchObject({ backend: 'direct', target: 'direct/gpt-4o' });
    expect(stubs().morpheus.sessions.get(replaced.session_id)?.state).toBe('open');

    const closed = await call(stack, key, 'POST', '/api/v1/session/closesession');
    const body = await jsonOf(closed);
    expect(body).toMatchObject({
      success: true,
      message: '2 sessions closed successfully',
      upstream_closed: true,
    });
    expect(body.closed.map((c: { target: string }) => c.target).sort()).toEqual([
      'direct/gpt-4o',
      'morpheus/qwen3-235b',
    ]);
    expect([direct.session_id, replaced.session_id]).toContain(body.session_id);
    expect(stubs().morpheus.sessions.get(replaced.session_id)?.state).toBe('closed');
    const gone = await call(stack, key, 'GET', '/api/v1/session');
    expect(gone.status).toBe(404);
    expect((await jsonOf(gone)).error).toMatchObject({
      type: 'session_not_found',
      code: 'session_not_found',
    });
    expect((await call(stack, key, 'POST', '/api/v1/session/closesession')).status).toBe(404);
  });

  it('an unknown model goes to the default route (seed behaviour), and says so', async () => {
    const { client } = await newUser();
    const { response } = await client.chat.completions
      .create({ model: 'some-model-nobody-mapped', messages: user('hi') })
      .withResponse();
    expect(response.headers.get('x-flowgate-routed-model')).toBe('morpheus/llama-3.3-70b');
  });

  describe('bad input is refused with the right status and the OpenAI error shape', () => {
    let key: string;
    let client: OpenAI;
    beforeAll(async () => {
      ({ key, client } = await newUser());
    });

    it.each([
      ['missing messages', { model: 'gpt-4o' }, 'messages'],
      ['empty messages', { model: 'gpt-4o', messages: [] }, 'messages'],
      ['messages of the wrong type', { model: 'gpt-4o', messages: 'hello' }, 'messages'],
      ['a model of the wrong type', { model: 42, messages: user('x') }, 'model'],
      ['stream of the wrong type', { model: 'gpt-4o', messages: user('x'), stream: 'yes' }, 'stream'],
      [
        'base_url injection',
        { model: 'gpt-4o', messages: user('x'), base_url: 'https://attacker.example/v1' },
        'base_url',
      ],
      [
        'api_base injection',
        { model: 'gpt-4o', messages: user('x'), api_base: 'https://attacker.example' },
        'api_base',
      ],
      [
        'user_config',
        { model: 'gpt-4o', messages: user('x'), user_config: { api_key: 'sk-mine' } },
        'user_config',
      ],
      [
        'upstream headers',
        { model: 'gpt-4o', messages: user('x'), extra_headers: { 'X-Api-Key': 'x' } },
        'extra_headers',
      ],
    ])('%s → 400', async (_label, body, param) => {
      const upstreamCalls = stubs().openai.requests.length;
      const err = await failureOf(client.post('/chat/completions', { body }));
      expect(err.status).toBe(400);
      expect(err.error).toMatchObject({ type: 'invalid_request_error', code: 'validation_error', param });
      expect(stubs().openai.requests.length).toBe(upstreamCalls);
    });

    it('an oversize body → 413', async () => {
      const err = await failureOf(
        client.chat.completions.create({ model: 'gpt-4o', messages: user('x'.repeat(6.5 * 1024 * 1024)) }),
      );
      expect(err.status).toBe(413);
      expect(err.error).toMatchObject({
        code: 'payload_too_large',
        type: 'invalid_request_error',
        message: "Request body exceeds this route's limit of 6291456 bytes (6 MB)",
      });
    });

    it('not JSON → 400', async () => {
      const res = await call(stack, key, 'POST', '/api/v1/chat/completions', '{"model":');
      expect(res.status).toBe(400);
      expect((await jsonOf(res)).error).toMatchObject({
        code: 'invalid_json',
        type: 'invalid_request_error',
      });
    });

    it('a revoked key → 401', async () => {
      const spare = await jsonOf(await call(stack, key, 'POST', '/api/v1/auth/keys', { name: 'spare' }));
      const spareClient = sdk(stack, spare.key);
      await spareClient.chat.completions.create({ model: 'gpt-4o', messages: user('still valid') });
      expect((await call(stack, key, 'DELETE', `/api/v1/auth/keys/${spare.id}`)).status).toBe(200);
      // As after the authorizer cache's 30 s.
      stack.api.clearAuthorizerCache();
      const err = await failureOf(
        spareClient.chat.completions.create({ model: 'gpt-4o', messages: user('x') }),
      );
      expect(err.status).toBe(401);
      expect(err.error).toMatchObject({ code: 'invalid_api_key', type: 'invalid_request_error' });
    });
  });

  describe('upstream faults: a clear error, before any stream byte, and never the upstream key', () => {
    let client: OpenAI;
    let key: string;
    const secret = () => stubs().openai.apiKey;
    beforeAll(async () => {
      ({ client, key } = await newUser());
      await client.chat.completions.create({ model: 'gpt-4o', messages: user('warm up') });
    });

    it('a timeout → 504', async () => {
      stubs().openai.faults.enqueue({ kind: 'delay', ms: 4_000, path: '/v1/chat/completions' });
      const err = await failureOf(
        client.chat.completions.create({ model: 'gpt-4o', messages: user('slow') }),
      );
      expect(err.status).toBe(504);
      expect(err.error).toMatchObject({ code: 'upstream_timeout', type: 'timeout_error' });
    });

    it('a 500 then success → retried, the caller sees only the success', async () => {
      stubs().openai.faults.enqueue({ kind: 'status', status: 500, path: '/v1/chat/completions' });
      const before = stubs().openai.requests.length;
      const answer = await client.chat.completions.create({ model: 'gpt-4o', messages: user('retry me') });
      expect(answer.choices[0]?.message.content).toBe('Echo: retry me');
      expect(stubs().openai.requests.length - before).toBe(2);
    });

    it('5xx on every attempt → 502 after the retries', async () => {
      stubs().openai.faults.enqueue({ kind: 'status', status: 503, times: 3, path: '/v1/chat/completions' });
      const before = stubs().openai.requests.length;
      const err = await failureOf(client.chat.completions.create({ model: 'gpt-4o', messages: user('x') }));
      expect(err.status).toBe(502);
      expect(err.error).toMatchObject({ code: 'upstream_error', type: 'upstream_error' });
      expect(err.headers?.get('x-flowgate-routed-model')).toBe('direct/gpt-4o');
      expect(stubs().openai.requests.length - before).toBe(3);
    });

    it('a 429 → 429 with Retry-After, not retried', async () => {
      stubs().openai.faults.enqueue({
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '9' },
        path: '/v1/chat/completions',
      });
      const before = stubs().openai.requests.length;
      const err = await failureOf(client.chat.completions.create({ model: 'gpt-4o', messages: user('x') }));
      expect(err.status).toBe(429);
      expect(err.headers?.get('retry-after')).toBe('9');
      expect(err.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' });
      expect(stubs().openai.requests.length - before).toBe(1);
    });

    it('malformed JSON from the upstream → 502', async () => {
      stubs().openai.faults.enqueue({ kind: 'malformed-json', path: '/v1/chat/completions' });
      const err = await failureOf(client.chat.completions.create({ model: 'gpt-4o', messages: user('x') }));
      expect(err.status).toBe(502);
      expect(err.error).toMatchObject({ code: 'upstream_invalid_response' });
    });

    it('the upstream refusing our key → 502 that does not repeat it', async () => {
      stubs().openai.faults.enqueue({
        kind: 'status',
        status: 401,
        body: {
          error: { message: `Incorrect API key provided: ${secret()}`, type: 'invalid_request_error' },
        },
        path: '/v1/chat/completions',
      });
      const err = await failureOf(client.chat.completions.create({ model: 'gpt-4o', messages: user('x') }));
      expect(err.status).toBe(502);
      expect(err.error).toMatchObject({ code: 'upstream_auth_failed' });
      expect(JSON.stringify(err.error)).not.toContain(secret());
    });

    it('a stream broken mid-way ends with an SSE error event and no [DONE]', async () => {
      stubs().openai.faults.enqueue({
        kind: 'break-mid-stream',
        afterChunks: 3,
        path: '/v1/chat/completions',
      });
      const res = await fetch(`${stack.apiUrl}/api/v1/chat/completions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          model: 'gpt-4o',
          messages: user('one two three four five six'),
          stream: true,
        }),
      });
      expect(res.status).toBe(200);
      const text = await res.text();
      const events = text.split('\n\n').filter(Boolean);
      expect(events).toHaveLength(4);
      expect(events.slice(0, 3).every((e) => e.startsWith('data: {'))).toBe(true);
      expect(events[3]).toMatch(/^event: error\ndata: /);
      expect(JSON.parse(events[3]!.split('data: ')[1]!)).toEqual({
        error: {
          message: 'The model upstream stream was interrupted',
          type: 'upstream_error',
          param: null,
          code: 'upstream_stream_interrupted',
        },
      });
      expect(text).not.toContain('[DONE]');
      expect(text).not.toContain(secret());
    });

    it('…which the SDK raises as an error mid-iteration', async () => {
      stubs().openai.faults.enqueue({
        kind: 'break-mid-stream',
        afterChunks: 2,
        path: '/v1/chat/completions',
      });
      const stream = await client.chat.completions.create({
        model: 'gpt-4o',
        messages: user('a b c d e'),
        stream: true,
      });
      const seen: string[] = [];
      const err = await failureOf(
        (async () => {
          for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '');
        })(),
      );
      expect(seen.length).toBe(2);
      expect(err.message).toMatch(/stream was interrupted/);
    });

    it('a stream that fails before its first event gets a real error status instead', async () => {
      stubs().openai.faults.enqueue({ kind: 'status', status: 400, path: '/v1/chat/completions' });
      const err = await failureOf(
        client.chat.completions.create({ model: 'gpt-4o', messages: user('x'), stream: true }),
      );
      expect(err.status).toBe(400);
      stubs().openai.faults.enqueue({
        kind: 'break-mid-stream',
        afterChunks: 0,
        times: 3,
        path: '/v1/chat/completions',
      });
      const broken = await failureOf(
        client.chat.completions.create({ model: 'gpt-4o', messages: user('x'), stream: true }),
      );
      expect(broken.status).toBe(502);
    });
  });

  it('emits the monitoring metrics as EMF lines', async () => {
    const { client } = await newUser();
    stubs().morpheus.faults.enqueue({ kind: 'status', status: 500, path: '/v1/chat/completions' });
    const lines = await emfDuring(() =>
      client.chat.completions.create({ model: 'gpt-4', messages: user('metrics') }),
    );
    const metric = (name: string) => lines.filter((l) => name in l);
    expect(metric('AutomatedSessionCreations')).toEqual([
      expect.objectContaining({ Backend: 'morpheus', AutomatedSessionCreations: 1, service: 'flowgate' }),
    ]);
    expect(metric('SessionCreationLatency')[0]).toMatchObject({
      Automated: 'true',
      SessionCreationLatency: expect.any(Number),
    });
    expect(metric('ChatLatency')).toEqual([
      expect.objectContaining({ Automated: 'true', ChatLatency: expect.any(Number) }),
    ]);
    expect(metric('RoutedRequests')).toEqual([
      expect.objectContaining({ RoutedModel: 'morpheus/qwen3-235b' }),
    ]);
    expect(metric('UpstreamErrors')).toEqual([
      expect.objectContaining({ ErrorType: 'server_error', UpstreamErrors: 1 }),
    ]);
    const definition = (lines[0]?._aws as { CloudWatchMetrics: Array<{ Namespace: string }> })
      .CloudWatchMetrics[0];
    expect(definition?.Namespace).toBe('Flowgate');
  });
});
