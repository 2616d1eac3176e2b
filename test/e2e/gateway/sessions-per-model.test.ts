import { isolatedEnv } from './isolated-env';
// Before the shared runtime loads: the system switch on.
const restoreEnv = isolatedEnv({ AUTOMATION_FEATURE_ENABLED: 'true' });

import { jsonOf } from '../../support/http';
import { call, createUser, emfDuring, enableAutomation, sdk, user, useGatewayStack } from './support';

/** SessionCreations, summed over the EMF lines `fn` printed: every open, direct ones included. */
async function opensDuring(fn: () => Promise<unknown>): Promise<number> {
  const lines = await emfDuring(fn);
  return lines.reduce((n, l) => n + (typeof l.SessionCreations === 'number' ? l.SessionCreations : 0), 0);
}

/**
 * One session per API key and target model (end to end, with the official SDK): a key
 * that alternates between models never closes the session another request is using, and
 * racing first requests for several models open one session each.
 */
describe('model sessions per key and target model (e2e)', () => {
  const { stack } = useGatewayStack(restoreEnv);
  const newUser = async () => {
    const u = await createUser('sessions');
    await enableAutomation(stack(), u.key);
    return { ...u, client: sdk(stack(), u.key) };
  };

  it('one key alternating gpt-4o and gpt-4 at concurrency 8 for 20 s: 2 opens, 0 closes, 0 failures', async () => {
    const { key, client } = await newUser();
    const morpheus = stack().stubs!.morpheus;
    const closesBefore = morpheus.closes;
    let ok = 0;
    const failures: unknown[] = [];
    const until = Date.now() + 20_000;
    const opens = await opensDuring(() =>
      Promise.all(
        Array.from({ length: 8 }, async (_, worker) => {
          for (let i = 0; Date.now() < until; i++) {
            const model = (worker + i) % 2 === 0 ? 'gpt-4o' : 'gpt-4';
            const stream = (worker + i) % 3 === 0;
            try {
              if (stream) {
                const chunks = await client.chat.completions.create({
                  model,
                  messages: user(`${worker}/${i}`),
                  stream: true,
                });
                let text = '';
                for await (const chunk of chunks) text += chunk.choices[0]?.delta?.content ?? '';
                if (text !== `Echo: ${worker}/${i}`) throw new Error(`stream answered ${text}`);
              } else {
                const answer = await client.chat.completions.create({
                  model,
                  messages: user(`${worker}/${i}`),
                });
                if (answer.choices[0]?.message.content !== `Echo: ${worker}/${i}`)
                  throw new Error(`answered ${answer.choices[0]?.message.content}`);
              }
              ok++;
            } catch (err) {
              failures.push(err);
            }
          }
        }),
      ),
    );
    expect(failures).toEqual([]);
    expect(ok).toBeGreaterThan(100);
    expect(opens).toBe(2);
    expect(morpheus.closes - closesBefore).toBe(0);
    const sessions = (await jsonOf(await call(stack(), key, 'GET', '/api/v1/session'))).sessions as Array<{
      target: string;
    }>;
    expect(sessions.map((s) => s.target).sort()).toEqual(['direct/gpt-4o', 'morpheus/qwen3-235b']);
  }, 60_000);

  it('20 parallel first requests for each of 3 models open exactly 3 sessions', async () => {
    const { key, client } = await newUser();
    const models = ['gpt-4', 'gpt-3.5-turbo', 'claude-3-opus'];
    const opens = await opensDuring(() =>
      Promise.all(
        models.flatMap((model) =>
          Array.from({ length: 20 }, (_, i) =>
            client.chat.completions.create({ model, messages: user(`${model} ${i}`) }),
          ),
        ),
      ),
    );
    expect(opens).toBe(3);
    const listed = await jsonOf(await call(stack(), key, 'GET', '/api/v1/session'));
    expect(listed.sessions.map((s: { model: string }) => s.model).sort()).toEqual([...models].sort());
    // Every chat went out on its own model's session, named to the router with its model id.
    const byTarget = new Map<string, string>(
      listed.sessions.map((s: { target: string; session_id: string }) => [s.session_id, s.target]),
    );
    const chats = stack().stubs!.morpheus.requests.filter((r) => byTarget.has(r.headers.session_id ?? ''));
    expect(chats).toHaveLength(60);
    expect(new Set(chats.map((r) => r.headers['x-request-id'])).size).toBe(60);
    for (const r of chats) expect(r.headers.model_id).toMatch(/^0x[0-9a-f]{64}$/);
  }, 30_000);

  it('closes one model’s session, or one by id, and leaves the others open', async () => {
    const { key, client } = await newUser();
    for (const model of ['gpt-4', 'gpt-3.5-turbo', 'gpt-4o'])
      await client.chat.completions.create({ model, messages: user(model) });
    const before = await jsonOf(await call(stack(), key, 'GET', '/api/v1/session'));
    expect(before.sessions).toHaveLength(3);
    const byModel = await call(stack(), key, 'POST', '/api/v1/session/closesession?model_id=gpt-4');
    expect(byModel.headers.get('x-flowgate-routed-model')).toBe('morpheus/qwen3-235b');
    expect(await jsonOf(byModel)).toMatchObject({
      message: 'Session closed successfully',
      closed: [{ model: 'gpt-4', target: 'morpheus/qwen3-235b', upstream_closed: true }],
    });
    const llama = before.sessions.find((s: { model: string }) => s.model === 'gpt-3.5-turbo');
    const byId = await call(
      stack(),
      key,
      'POST',
      `/api/v1/session/closesession?session_id=${llama.session_id}`,
    );
    expect(await jsonOf(byId)).toMatchObject({ session_id: llama.session_id });
    const left = await jsonOf(await call(stack(), key, 'GET', '/api/v1/session'));
    expect(left.sessions.map((s: { model: string }) => s.model)).toEqual(['gpt-4o']);
    expect(left.model).toBe('gpt-4o');
    const again = await call(stack(), key, 'POST', '/api/v1/session/closesession?model_id=gpt-4');
    expect(again.status).toBe(404);
    const unknown = await call(stack(), key, 'POST', '/api/v1/session/closesession?colour=red');
    expect(unknown.status).toBe(400);
  });

  it('a session named by session_id must be for the request’s model', async () => {
    const { key, client } = await newUser();
    const opened = await jsonOf(
      await call(stack(), key, 'POST', '/api/v1/session/modelsession?model_id=gpt-4', {
        sessionDuration: 600,
      }),
    );
    const res = await fetch(`${stack().apiUrl}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-3.5-turbo', messages: user('x'), session_id: opened.session_id }),
    });
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).error).toMatchObject({
      type: 'invalid_request_error',
      code: 'session_model_mismatch',
      param: 'session_id',
    });
    const fine = await client.chat.completions.create({
      model: 'gpt-4',
      messages: user('mine'),
      // @ts-expect-error Flowgate's own field, passed through by the SDK
      session_id: opened.session_id,
    });
    expect(fine.choices[0]?.message.content).toBe('Echo: mine');
  });

  it('the sweep function sweeps model sessions too', async () => {
    const report = await stack().sweeper.sweepNow();
    expect(report.sessions).toMatchObject({ queries: 4, failed: 0 });
  });
});
