import {
  DEFAULT_MORPHEUS_STUB_PASSWORD,
  DEFAULT_MORPHEUS_STUB_USERNAME,
  MORPHEUS_STUB_MODELS,
  startMorpheusStub,
  type MorpheusStub,
} from '../../../../../infra/local/stubs/morpheus-stub';

let stub: MorpheusStub;
let clock = Date.UTC(2030, 0, 1);
const MODEL = MORPHEUS_STUB_MODELS[0]?.id ?? '';
const HEX32 = /^0x[0-9a-f]{64}$/;

beforeAll(async () => {
  stub = await startMorpheusStub({ chunkDelayMs: 1, now: () => clock });
});
afterAll(() => stub.close());
beforeEach(() => {
  stub.faults.clear();
  stub.requests.length = 0;
});

interface Reply {
  status: number;
  json: unknown;
  text: string;
  headers: Headers;
}

async function call(
  method: string,
  path: string,
  opts: { body?: unknown; headers?: Record<string, string>; auth?: string | null } = {},
): Promise<Reply> {
  const auth =
    opts.auth === undefined ? Buffer.from(`${stub.username}:${stub.password}`).toString('base64') : opts.auth;
  const res = await fetch(`${stub.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(auth === null ? {} : { authorization: `Basic ${auth}` }),
      ...opts.headers,
    },
    body:
      opts.body === undefined
        ? undefined
        : typeof opts.body === 'string'
          ? opts.body
          : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

const openBody = { sessionDuration: 3600, failover: false, directPayment: false };
const chatBody = { model: 'llama-3.3-70b', messages: [{ role: 'user', content: 'hi router' }] };

async function openSession(): Promise<string> {
  const res = await call('POST', `/blockchain/models/${MODEL}/session`, { body: openBody });
  expect(res.status).toBe(200);
  return (res.json as { sessionID: string }).sessionID;
}

const chat = (sessionId: string | undefined, body: unknown = chatBody) =>
  call('POST', '/v1/chat/completions', {
    body,
    headers: sessionId === undefined ? {} : { session_id: sessionId },
  });

describe('Morpheus stub: sessions', () => {
  it('uses the default credentials on loopback', () => {
    expect(stub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect([stub.username, stub.password]).toEqual([
      DEFAULT_MORPHEUS_STUB_USERNAME,
      DEFAULT_MORPHEUS_STUB_PASSWORD,
    ]);
  });

  it('opens, chats on, and closes a session', async () => {
    const opensBefore = stub.opens;
    const id = await openSession();
    expect(id).toMatch(HEX32);
    expect(stub.opens).toBe(opensBefore + 1);
    expect(stub.sessions.get(id)).toMatchObject({ modelId: MODEL, sessionDuration: 3600, state: 'open' });

    const reply = await chat(id);
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      object: 'chat.completion',
      model: 'llama-3.3-70b',
      choices: [{ message: { role: 'assistant', content: 'Echo: hi router' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 },
    });
    expect(stub.requests.at(-1)?.headers.session_id).toBe(id);

    const closed = await call('POST', `/blockchain/sessions/${id}/close`);
    expect(closed.status).toBe(200);
    expect((closed.json as { tx: string }).tx).toMatch(HEX32);
    expect(stub.sessions.get(id)?.state).toBe('closed');

    expect(await chat(id)).toMatchObject({ status: 500, json: { error: 'session not found' } });
    expect(await call('POST', `/blockchain/sessions/${id}/close`)).toMatchObject({ status: 500 });
  });

  it('streams through a session like the OpenAI stub', async () => {
    const id = await openSession();
    const reply = await chat(id, { ...chatBody, stream: true, stream_options: { include_usage: true } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = reply.text.split('\n\n').filter((e) => e !== '');
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events
      .slice(0, -1)
      .map(
        (e) => JSON.parse(e.slice(6)) as { choices: Array<{ delta: { content?: string } }>; usage?: unknown },
      );
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Echo: hi router');
    expect(chunks.at(-1)?.usage).toEqual({ prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 });
  });

  it('answers "session expired" after expireSession, as the real router does', async () => {
    const id = await openSession();
    stub.expireSession(id);
    expect(await chat(id)).toMatchObject({ status: 500, json: { error: 'session expired' } });
    expect(() => stub.expireSession(`0x${'f'.repeat(64)}`)).toThrow(/Unknown stub session/);
  });

  it('expires sessions over HTTP control too', async () => {
    const id = await openSession();
    const res = await fetch(`${stub.url}/__stub/sessions/${id}/expire`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await chat(id)).toMatchObject({ status: 500, json: { error: 'session expired' } });
    const listed = (await (await fetch(`${stub.url}/__stub/sessions`)).json()) as { opens: number };
    expect(listed.opens).toBe(stub.opens);
    expect((await fetch(`${stub.url}/__stub/sessions/0x12/expire`, { method: 'POST' })).status).toBe(404);
  });

  it('expires a session once its duration has passed', async () => {
    const res = await call('POST', `/blockchain/models/${MODEL}/session`, {
      body: { ...openBody, sessionDuration: 60 },
    });
    const id = (res.json as { sessionID: string }).sessionID;
    clock += 59_000;
    expect((await chat(id)).status).toBe(200);
    clock += 1_000;
    expect(await chat(id)).toMatchObject({ status: 500, json: { error: 'session expired' } });
  });

  it('answers unknown and missing sessions like the real router', async () => {
    expect(await chat(`0x${'a'.repeat(64)}`)).toMatchObject({
      status: 500,
      json: { error: 'session not found' },
    });
    expect(await chat(undefined)).toMatchObject({
      status: 500,
      json: { error: `model not found: 0x${'0'.repeat(64)}` },
    });
    expect(await chat('not-a-hash')).toMatchObject({ status: 400 });
    expect(await call('POST', `/blockchain/sessions/0x${'b'.repeat(64)}/close`)).toMatchObject({
      status: 500,
      json: { error: 'session not found' },
    });
  });

  it.each([
    ['zero', { sessionDuration: 0 }],
    ['negative', { sessionDuration: -5 }],
    ['fractional', { sessionDuration: 1.5 }],
    ['missing', {}],
    ['not JSON', '{"sessionDuration":'],
  ])('rejects a %s sessionDuration with 400', async (_name, body) => {
    const before = stub.opens;
    const res = await call('POST', `/blockchain/models/${MODEL}/session`, { body });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: expect.any(String) });
    expect(stub.opens).toBe(before);
  });

  it('rejects a model id that is not hex32', async () => {
    const res = await call('POST', '/blockchain/models/gpt-4o/session', { body: openBody });
    expect(res.status).toBe(400);
  });

  it('opens one session per request, even 20 at once, with distinct ids', async () => {
    const before = stub.opens;
    const ids = await Promise.all(Array.from({ length: 20 }, () => openSession()));
    expect(new Set(ids).size).toBe(20);
    expect(stub.opens - before).toBe(20);
  });

  it('lists models', async () => {
    const res = await call('GET', '/blockchain/models');
    expect(res.status).toBe(200);
    const models = (res.json as { models: Array<{ Id: string; Name: string }> }).models;
    expect(models.map((m) => m.Id)).toEqual(MORPHEUS_STUB_MODELS.map((m) => m.id));
    expect(models.every((m) => HEX32.test(m.Id))).toBe(true);
  });
});

describe('Morpheus stub: auth and faults', () => {
  it.each([
    ['no credentials', null],
    ['a wrong password', Buffer.from('admin:wrong').toString('base64')],
  ])('refuses %s with 401', async (_name, auth) => {
    const res = await call('POST', `/blockchain/models/${MODEL}/session`, { body: openBody, auth });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
  });

  it('applies faults to matching paths only, in the router error shape', async () => {
    const id = await openSession();
    stub.faults.enqueue({ kind: 'status', status: 503, path: '/blockchain/models/*/session' });
    expect((await chat(id)).status).toBe(200);
    const failed = await call('POST', `/blockchain/models/${MODEL}/session`, { body: openBody });
    expect(failed).toMatchObject({ status: 503, json: { error: expect.any(String) } });
    await expect(openSession()).resolves.toMatch(HEX32);
  });

  it('break-mid-stream cuts a streamed chat without [DONE]', async () => {
    const id = await openSession();
    stub.faults.enqueue({ kind: 'break-mid-stream', afterChunks: 1, path: '/v1/chat/completions' });
    const res = await fetch(`${stub.url}/v1/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${stub.username}:${stub.password}`).toString('base64')}`,
        session_id: id,
      },
      body: JSON.stringify({ ...chatBody, stream: true }),
    });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('closes even with keep-alive connections open', async () => {
    const own = await startMorpheusStub({ username: 'u', password: 'p' });
    const auth = `Basic ${Buffer.from('u:p').toString('base64')}`;
    expect((await fetch(`${own.url}/blockchain/models`, { headers: { authorization: auth } })).status).toBe(
      200,
    );
    await own.close();
    await expect(fetch(`${own.url}/blockchain/models`)).rejects.toThrow();
  });
});
