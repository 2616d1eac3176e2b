import OpenAI, { APIConnectionError, APIError } from 'openai';
import {
  DEFAULT_OPENAI_STUB_KEY,
  OPENAI_STUB_MODELS,
  startOpenAiStub,
  type OpenAiStub,
} from '../../../../../infra/local/stubs/openai-stub';

let stub: OpenAiStub;
let client: OpenAI;

beforeAll(async () => {
  stub = await startOpenAiStub({ chunkDelayMs: 1 });
  client = new OpenAI({ apiKey: stub.apiKey, baseURL: `${stub.url}/v1`, maxRetries: 0 });
});
afterAll(() => stub.close());
beforeEach(() => {
  stub.faults.clear();
  stub.requests.length = 0;
});

const ask = (content: string) => ({
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system' as const, content: 'be brief' },
    { role: 'user' as const, content },
  ],
});

async function post(
  path: string,
  body: string,
  key = stub.apiKey,
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${stub.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body,
  });
  return { status: res.status, json: (await res.json()) as unknown };
}

describe('OpenAI stub: happy paths through the official SDK', () => {
  it('listens on loopback with the default key', () => {
    expect(stub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stub.apiKey).toBe(DEFAULT_OPENAI_STUB_KEY);
  });

  it('answers a non-streaming completion deterministically', async () => {
    const completion = await client.chat.completions.create(ask('hello there world'));
    expect(completion).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Echo: hello there world' },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 },
    });
    expect(completion.id).toMatch(/^chatcmpl-stub-\d+$/);
    expect(Number.isInteger(completion.created)).toBe(true);
  });

  it('reads the text of array-of-parts content', async () => {
    const completion = await client.chat.completions.create({
      model: 'any-model-name',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'from parts' }] }],
    });
    expect(completion.choices[0]?.message.content).toBe('Echo: from parts');
    expect(completion.model).toBe('any-model-name');
  });

  it('returns the STUB_JSON line verbatim, and JSON in json mode otherwise', async () => {
    const plan = { steps: [{ provider: 'http', action: 'get' }] };
    const drafted = await client.chat.completions.create({
      ...ask(`Draft a plan.\nSTUB_JSON: ${JSON.stringify(plan)}\nThanks`),
      response_format: { type: 'json_object' },
    });
    expect(JSON.parse(drafted.choices[0]?.message.content ?? '')).toEqual(plan);

    const jsonMode = await client.chat.completions.create({
      ...ask('hi'),
      response_format: { type: 'json_object' },
    });
    expect(JSON.parse(jsonMode.choices[0]?.message.content ?? '')).toEqual({ echo: 'hi' });
  });

  it('streams one chunk per word, then stop, usage and [DONE]', async () => {
    const stream = await client.chat.completions.create({
      ...ask('one two three'),
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);

    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('Echo: one two three');
    const contentChunks = chunks.filter((c) => (c.choices[0]?.delta.content ?? '') !== '');
    expect(contentChunks).toHaveLength(4);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-1)?.usage).toEqual({ prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 });
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    expect(chunks.every((c) => c.object === 'chat.completion.chunk' && c.model === 'gpt-4o-mini')).toBe(true);
  });

  it('omits the usage chunk unless include_usage is set, and ends the SSE body with [DONE]', async () => {
    const res = await fetch(`${stub.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stub.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...ask('hi'), stream: true }),
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = (await res.text()).split('\n\n').filter((e) => e !== '');
    expect(events.every((e) => e.startsWith('data: '))).toBe(true);
    expect(events.at(-1)).toBe('data: [DONE]');
    const parsed = events
      .slice(0, -1)
      .map((e) => JSON.parse(e.slice(6)) as { choices: unknown[]; usage?: unknown });
    expect(parsed).toHaveLength(4); // role, "Echo: ", "hi", stop
    expect(parsed.every((c) => c.choices.length === 1 && c.usage === undefined)).toBe(true);
  });

  it('lists the fixed models', async () => {
    const ids = [];
    for await (const model of client.models.list()) {
      expect(model).toMatchObject({ object: 'model', owned_by: 'flowgate-stub' });
      expect(Number.isInteger(model.created)).toBe(true);
      ids.push(model.id);
    }
    expect(ids).toEqual(OPENAI_STUB_MODELS);
  });

  it('records what arrived, with lower-cased headers and the parsed body', async () => {
    await client.chat.completions.create(ask('record me'));
    expect(stub.requests).toHaveLength(1);
    const [recorded] = stub.requests;
    expect(recorded).toMatchObject({ method: 'POST', path: '/v1/chat/completions', body: ask('record me') });
    expect(recorded?.headers.authorization).toBe(`Bearer ${stub.apiKey}`);
    expect(recorded?.body).not.toHaveProperty('api_base');

    const viaHttp = (await (await fetch(`${stub.url}/__stub/requests`)).json()) as { requests: unknown[] };
    expect(viaHttp.requests).toHaveLength(1);
    expect((await fetch(`${stub.url}/__stub/requests`, { method: 'DELETE' })).status).toBe(204);
    expect(stub.requests).toHaveLength(0);
  });
});

describe('OpenAI stub: auth and validation', () => {
  it('rejects a wrong key with the OpenAI 401 shape', async () => {
    const wrong = new OpenAI({ apiKey: 'sk-wrong-key-123456', baseURL: `${stub.url}/v1`, maxRetries: 0 });
    const err = await wrong.chat.completions.create(ask('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect((err as APIError).status).toBe(401);
    expect((err as APIError).error).toEqual({
      message: expect.not.stringContaining('sk-wrong-key-123456'),
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    });
  });

  it('rejects a missing Authorization header', async () => {
    const res = await fetch(`${stub.url}/v1/models`);
    expect(res.status).toBe(401);
  });

  it.each([
    ['bad JSON', '{"model":', null],
    ['a missing model', JSON.stringify({ messages: [{ role: 'user', content: 'x' }] }), 'model'],
    ['empty messages', JSON.stringify({ model: 'gpt-4o', messages: [] }), 'messages'],
  ])('answers %s with a 400 OpenAI error', async (_name, body, param) => {
    const { status, json } = await post('/v1/chat/completions', body);
    expect(status).toBe(400);
    expect(json).toEqual({ error: expect.objectContaining({ type: 'invalid_request_error', param }) });
  });

  it('answers an unknown route with a 404 OpenAI error', async () => {
    const { status, json } = await post('/v1/images/generations', '{}');
    expect(status).toBe(404);
    expect(json).toEqual({
      error: expect.objectContaining({ message: 'Invalid URL (POST /v1/images/generations)' }),
    });
  });
});

describe('OpenAI stub: faults', () => {
  it('status: the SDK sees an APIError with that status and the headers', async () => {
    stub.faults.enqueue({ kind: 'status', status: 500 });
    const err = await client.chat.completions.create(ask('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect((err as APIError).status).toBe(500);
    expect((err as APIError).error).toMatchObject({ type: 'server_error' });

    stub.faults.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '7' } });
    const limited = await client.chat.completions.create(ask('x')).catch((e: unknown) => e);
    expect((limited as APIError).status).toBe(429);
    expect((limited as APIError).headers?.get('retry-after')).toBe('7');

    // One-shot: the next request succeeds.
    await expect(client.chat.completions.create(ask('x'))).resolves.toHaveProperty(
      'object',
      'chat.completion',
    );
  });

  it('times: a fault applies to that many matching requests', async () => {
    stub.faults.enqueue({ kind: 'status', status: 503, times: 2, path: '/v1/chat/completions' });
    await expect(client.models.list()).resolves.toBeDefined();
    for (let i = 0; i < 2; i++)
      await expect(client.chat.completions.create(ask('x'))).rejects.toMatchObject({ status: 503 });
    await expect(client.chat.completions.create(ask('x'))).resolves.toBeDefined();
  });

  it('malformed-json: a 200 whose body does not parse', async () => {
    stub.faults.enqueue({ kind: 'malformed-json' });
    const res = await fetch(`${stub.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stub.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(ask('x')),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    await expect(res.json()).rejects.toThrow(/JSON/);

    stub.faults.enqueue({ kind: 'malformed-json' });
    await expect(client.chat.completions.create(ask('x'))).rejects.toThrow();
  });

  it('break-mid-stream: the SDK stream throws after the first chunks', async () => {
    stub.faults.enqueue({ kind: 'break-mid-stream', afterChunks: 2 });
    const stream = await client.chat.completions.create({ ...ask('a b c d e f'), stream: true });
    const received: string[] = [];
    const consume = async () => {
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '');
    };
    await expect(consume()).rejects.toThrow();
    expect(received).toEqual(['', 'Echo: ']);
  });

  it('reset: the connection drops without an answer', async () => {
    stub.faults.enqueue({ kind: 'reset' });
    await expect(client.chat.completions.create(ask('x'))).rejects.toBeInstanceOf(APIConnectionError);
    expect(stub.requests).toHaveLength(1);
  });

  it('delay: a client with a shorter timeout gives up; a patient one gets the answer', async () => {
    stub.faults.enqueue({ kind: 'delay', ms: 5_000 });
    const impatient = new OpenAI({
      apiKey: stub.apiKey,
      baseURL: `${stub.url}/v1`,
      maxRetries: 0,
      timeout: 100,
    });
    // Under plain Node this is APIConnectionTimeoutError; inside jest's VM realm the SDK
    // cannot recognise the DOMException AbortError, so only the base class is certain.
    await expect(impatient.chat.completions.create(ask('x'))).rejects.toBeInstanceOf(APIConnectionError);
    expect(stub.requests).toHaveLength(1);

    stub.faults.enqueue({ kind: 'delay', ms: 60 });
    const started = Date.now();
    const completion = await client.chat.completions.create(ask('late'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
    expect(completion.choices[0]?.message.content).toBe('Echo: late');
  });

  it('faults can be queued, listed and cleared over HTTP', async () => {
    const queued = await fetch(`${stub.url}/__stub/faults`, {
      method: 'POST',
      body: JSON.stringify([
        { kind: 'status', status: 502, body: { error: { message: 'bad gateway' } } },
        { kind: 'reset', times: 3 },
      ]),
    });
    expect(queued.status).toBe(201);
    const listed = (await (await fetch(`${stub.url}/__stub/faults`)).json()) as { pending: unknown[] };
    expect(listed.pending).toEqual([
      expect.objectContaining({ kind: 'status', status: 502, remaining: 1 }),
      expect.objectContaining({ kind: 'reset', remaining: 3 }),
    ]);

    const err = await client.chat.completions.create(ask('x')).catch((e: unknown) => e);
    expect((err as APIError).status).toBe(502);
    expect((err as APIError).error).toEqual({ message: 'bad gateway' });

    expect((await fetch(`${stub.url}/__stub/faults`, { method: 'DELETE' })).status).toBe(204);
    expect(stub.faults.pending()).toEqual([]);
    await expect(client.chat.completions.create(ask('x'))).resolves.toBeDefined();
  });

  it('refuses an invalid fault over HTTP', async () => {
    const res = await fetch(`${stub.url}/__stub/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'explode' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/Invalid fault/);
    expect(stub.faults.pending()).toEqual([]);
  });
});

describe('OpenAI stub: lifecycle', () => {
  it('uses the given key and closes even with keep-alive connections open', async () => {
    const own = await startOpenAiStub({ apiKey: 'sk-custom' });
    const ownClient = new OpenAI({ apiKey: 'sk-custom', baseURL: `${own.url}/v1`, maxRetries: 0 });
    await ownClient.models.list();
    await own.close();
    await expect(fetch(`${own.url}/v1/models`)).rejects.toThrow();
  });
});
