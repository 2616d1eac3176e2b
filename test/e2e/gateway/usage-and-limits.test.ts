import { isolatedEnv } from './isolated-env';
// Before the shared runtime loads: the system switch on.
const restoreEnv = isolatedEnv({ AUTOMATION_FEATURE_ENABLED: 'true' });

import {
  call,
  createUser,
  enableAutomation,
  failureOf,
  rawStream,
  sdk,
  useGatewayStack,
  user,
} from './support';

type Usage = { requests: number; prompt_tokens: number; completion_tokens: number; total_tokens: number };
type UsageReport = { data: Array<Usage & Record<string, unknown>>; total: Usage; from: string; to: string };

/** Usage is counted once each response is complete: a moment after the client has it. */
async function usageOnceCounted(read: () => Promise<UsageReport>, requests: number): Promise<UsageReport> {
  const until = Date.now() + 5_000;
  for (;;) {
    const report = await read();
    if (report.total.requests >= requests || Date.now() > until) return report;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** So that a burst of requests stays inside one limit minute (a test that calls this takes up to 16 s more). */
async function awayFromMinuteEnd(): Promise<void> {
  const second = new Date().getUTCSeconds();
  if (second >= 45) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
}

/**
 * Usage accounting and per-key limits, end to end through the local stack with the
 * official SDK: counted for every call (streams included, with the usage the gateway asked
 * for kept from clients that did not), and limits decided before the upstream is called.
 */
describe('usage and key limits (e2e)', () => {
  const { stack } = useGatewayStack(restoreEnv);
  const newUser = async () => {
    const u = await createUser('usage');
    await enableAutomation(stack(), u.key);
    return u;
  };
  const usage = async (key: string, query = '') => {
    const res = await call(stack(), key, 'GET', `/api/v1/usage${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as UsageReport;
  };
  const keyWithLimits = async (key: string, limits: Record<string, number>) => {
    const res = await call(stack(), key, 'POST', '/api/v1/auth/keys', { name: 'limited', limits });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; key: string; limits: Record<string, number | null> };
  };
  const upstreamCalls = () => stack().stubs!.openai.requests.filter((r) => r.path === '/v1/chat/completions');

  it('counts every call per key, model and day, streams included, and keeps the usage it asked for from the client', async () => {
    const { key, keyId } = await newUser();
    const client = sdk(stack(), key);
    const plain = await client.chat.completions.create({ model: 'gpt-4o', messages: user('one two three') });
    expect(plain.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 4 });

    // A stream whose client did not ask for usage: the gateway asks, and the client never sees it.
    const { res, text } = await rawStream(stack(), key, {
      model: 'gpt-4o',
      messages: user('one two three'),
      stream: true,
    });
    expect(res.status).toBe(200);
    expect(upstreamCalls().at(-1)!.body).toMatchObject({ stream_options: { include_usage: true } });
    const chunks = text
      .split('\n\n')
      .filter((block) => block.startsWith('data: {'))
      .map((block) => JSON.parse(block.slice(6)) as Record<string, unknown>);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk).not.toHaveProperty('usage');
      expect(chunk.choices).toHaveLength(1);
    }
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);

    // One that asked gets it, as the upstream sent it.
    const asked = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: user('one two three'),
      stream: true,
      stream_options: { include_usage: true },
    });
    let streamedUsage: unknown;
    for await (const chunk of asked) if (chunk.usage) streamedUsage = chunk.usage;
    expect(streamedUsage).toMatchObject({ prompt_tokens: 3, completion_tokens: 4 });

    const embedding = await client.embeddings.create({ model: 'gpt-4o', input: 'alpha beta' });
    const responses = await client.responses.create({ model: 'gpt-4o', input: 'four five', stream: true });
    let responseUsage: { input_tokens: number; output_tokens: number } | undefined;
    for await (const event of responses)
      if (event.type === 'response.completed') responseUsage = event.response.usage!;

    const byModel = await usageOnceCounted(() => usage(key, '?group_by=model'), 5);
    const prompt = 3 * 3 + embedding.usage.prompt_tokens + responseUsage!.input_tokens;
    const completion = 3 * 4 + responseUsage!.output_tokens;
    expect(byModel.total).toEqual({
      requests: 5,
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
    });
    expect(byModel.data).toEqual([{ model: 'gpt-4o', ...byModel.total }]);
    const byKey = await usage(key, '?group_by=key');
    expect(byKey.data).toEqual([expect.objectContaining({ key_id: keyId, requests: 5 })]);
    const byDay = await usage(key);
    expect(byDay.data).toEqual([expect.objectContaining({ day: byDay.to, ...byModel.total })]);

    // Another user's figures are their own.
    const other = await newUser();
    expect((await usage(other.key)).total.requests).toBe(0);
  });

  it('counts each key apart and keeps failed calls out', async () => {
    const { key } = await newUser();
    const second = await keyWithLimits(key, { requests_per_minute: 1000 });
    await sdk(stack(), key).chat.completions.create({ model: 'gpt-4o', messages: user('a b') });
    await sdk(stack(), second.key).chat.completions.create({ model: 'gpt-4', messages: user('a b c d') });
    stack().stubs!.openai.faults.enqueue({ kind: 'status', status: 400, path: '/v1/chat/completions' });
    await failureOf(sdk(stack(), key).chat.completions.create({ model: 'gpt-4o', messages: user('x') }));
    const report = await usageOnceCounted(() => usage(key, '?group_by=key'), 2);
    expect(report.total.requests).toBe(2);
    expect(report.data.find((row) => row.key_id === second.id)).toMatchObject({
      requests: 1,
      prompt_tokens: 4,
    });
  });

  it('refuses a bad range with a 400 in the OpenAI shape', async () => {
    const { key } = await newUser();
    for (const [query, code] of [
      ['?from=2026-02-30', 'validation_error'],
      ['?group_by=week', 'validation_error'],
      ['?from=2026-12-02&to=2026-12-01', 'invalid_date_range'],
      ['?from=2024-01-01&to=2026-01-01', 'invalid_date_range'],
    ] as const) {
      const res = await call(stack(), key, 'GET', `/api/v1/usage${query}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; type: string; message: string } };
      expect(body.error).toMatchObject({ code, type: 'invalid_request_error' });
    }
  });

  it('lets exactly 10 of 50 parallel requests through a 10-rpm key, the rest 429 before the upstream', async () => {
    const { key } = await newUser();
    const limited = await keyWithLimits(key, { requests_per_minute: 10 });
    expect(limited.limits).toEqual({
      requests_per_minute: 10,
      tokens_per_minute: null,
      tokens_per_day: null,
      concurrent_requests: null,
    });
    await awayFromMinuteEnd();
    const before = upstreamCalls().length;
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${stack().apiUrl}/api/v1/chat/completions`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${limited.key}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ model: 'gpt-4o', messages: user('hi') }),
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
    expect(upstreamCalls().length - before).toBe(10);
    const refused = responses.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('x-ratelimit-limit-requests')).toBe('10');
    expect(refused.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(refused.headers.get('x-ratelimit-reset-requests')).toMatch(/^\d+(ms|s)$/);
    expect(await refused.json()).toEqual({
      error: expect.objectContaining({ code: 'rate_limit_exceeded', type: 'requests', param: null }),
    });
    const admitted = responses.filter((r) => r.status === 200);
    expect(admitted[0]!.headers.get('x-ratelimit-limit-requests')).toBe('10');
    // One atomic counter: each admitted request saw its own place in the minute.
    expect(admitted.map((r) => r.headers.get('x-ratelimit-remaining-requests')).sort()).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
    // The SDK sees OpenAI's RateLimitError.
    const error = await failureOf(
      sdk(stack(), limited.key).chat.completions.create({ model: 'gpt-4o', messages: user('hi') }),
    );
    expect(error.status).toBe(429);
    // A key without limits sends none of these headers.
    const free = await call(stack(), key, 'POST', '/api/v1/chat/completions', {
      model: 'gpt-4o',
      messages: user('hi'),
    });
    expect(free.status).toBe(200);
    expect(free.headers.get('x-ratelimit-limit-requests')).toBeNull();
  }, 30_000);

  it('never lets a daily token budget be exceeded by more than one request', async () => {
    const { key } = await newUser();
    const limited = await keyWithLimits(key, { tokens_per_day: 40 });
    const client = sdk(stack(), limited.key);
    const words = 'w '.repeat(5).trim();
    let admitted = 0;
    for (let i = 0; i < 20; i++) {
      try {
        await client.chat.completions.create({ model: 'gpt-4o', messages: user(words) });
        admitted += 1;
      } catch (err) {
        expect((err as { status?: number }).status).toBe(429);
        break;
      }
    }
    // Each call uses 5 + 6 tokens: three fit under 40, the fourth may cross it, no fifth.
    expect(admitted).toBeGreaterThanOrEqual(3);
    expect(admitted).toBeLessThanOrEqual(4);
    const report = await usageOnceCounted(() => usage(key, '?group_by=key'), admitted);
    const used = report.data.find((row) => row.key_id === limited.id)!.total_tokens;
    expect(used).toBeLessThanOrEqual(40 + 11);
  });

  it('holds a key to its concurrent requests', async () => {
    const { key } = await newUser();
    const limited = await keyWithLimits(key, { concurrent_requests: 2 });
    stack().stubs!.openai.faults.enqueue({
      kind: 'delay',
      ms: 2_000,
      times: 2,
      path: '/v1/chat/completions',
    });
    const send = () =>
      call(stack(), limited.key, 'POST', '/api/v1/chat/completions', {
        model: 'gpt-4o',
        messages: user('hi'),
      });
    const before = upstreamCalls().length;
    const slow = [send(), send()];
    // Both are admitted and held upstream before the third is sent, however slow the machine.
    const held = Date.now() + 10_000;
    while (upstreamCalls().length < before + 2 && Date.now() < held)
      await new Promise((r) => setTimeout(r, 10));
    expect(upstreamCalls().length).toBe(before + 2);
    const third = await send();
    expect(third.status).toBe(429);
    expect(((await third.json()) as { error: { message: string } }).error.message).toMatch(
      /2 requests at a time/,
    );
    expect((await Promise.all(slow)).map((r) => r.status)).toEqual([200, 200]);
    // Their slots are freed once they are done.
    const until = Date.now() + 3_000;
    let after = await send();
    while (after.status === 429 && Date.now() < until) after = await send();
    expect(after.status).toBe(200);
  });

  it('changes and removes limits with PATCH, within the authorizer cache', async () => {
    const { key } = await newUser();
    const limited = await keyWithLimits(key, { requests_per_minute: 1000, tokens_per_minute: 5000 });
    const patch = (body: unknown) => call(stack(), key, 'PATCH', `/api/v1/auth/keys/${limited.id}`, body);
    const res = await patch({ limits: { requests_per_minute: 1, tokens_per_minute: null } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: limited.id,
      name: 'limited',
      limits: {
        requests_per_minute: 1,
        tokens_per_minute: null,
        tokens_per_day: null,
        concurrent_requests: null,
      },
    });
    stack().api.clearAuthorizerCache();
    await awayFromMinuteEnd();
    const client = sdk(stack(), limited.key);
    await client.chat.completions.create({ model: 'gpt-4o', messages: user('hi') });
    expect(
      (await failureOf(client.chat.completions.create({ model: 'gpt-4o', messages: user('hi') }))).status,
    ).toBe(429);

    const removed = await patch({ name: 'renamed', limits: null });
    expect(await removed.json()).toMatchObject({ name: 'renamed', limits: { requests_per_minute: null } });
    stack().api.clearAuthorizerCache();
    await client.chat.completions.create({ model: 'gpt-4o', messages: user('hi') });

    const listed = (await (await call(stack(), key, 'GET', '/api/v1/auth/keys')).json()) as {
      data: Array<{ id: string; name: string }>;
    };
    expect(listed.data.find((k) => k.id === limited.id)?.name).toBe('renamed');
    // Bad input, and another user's key.
    expect((await patch({})).status).toBe(400);
    expect((await patch({ limits: { requests_per_minute: 0 } })).status).toBe(400);
    expect((await patch({ limits: { per_hour: 5 } })).status).toBe(400);
    const other = await newUser();
    const foreign = await call(stack(), other.key, 'PATCH', `/api/v1/auth/keys/${limited.id}`, { name: 'x' });
    expect(foreign.status).toBe(404);
  }, 30_000);
});
