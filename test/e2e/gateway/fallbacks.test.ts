import { isolatedEnv } from './isolated-env';
import mappings from '../../../config/model_mappings.json';
// Before the shared runtime loads: the switch on, no retries (one fault is one failed
// target), and two names mapped to a chain of targets.
const restoreEnv = isolatedEnv({
  AUTOMATION_FEATURE_ENABLED: 'true',
  UPSTREAM_MAX_RETRIES: '0',
  MODEL_MAPPINGS_JSON: JSON.stringify({
    ...mappings,
    'gpt-4o': ['direct/gpt-4o', 'morpheus/llama-3.3-70b'],
    'gpt-4': ['morpheus/qwen3-235b', 'direct/gpt-4o'],
  }),
});

import { jsonOf } from '../../support/http';
import {
  call,
  createUser,
  emfDuring,
  enableAutomation,
  failureOf,
  rawStream,
  sdk,
  user,
  useGatewayStack,
} from './support';

const ROUTED = 'x-flowgate-routed-model';

/**
 * Fallbacks across targets (end to end, with the official SDK): a mapping's next target
 * is tried when one fails before the caller has a byte, the response names the target
 * that served it, and nothing is retried elsewhere once a byte was sent.
 */
describe('model fallbacks across targets (e2e)', () => {
  const { stack } = useGatewayStack(restoreEnv);
  const openai = () => stack().stubs!.openai;
  const morpheus = () => stack().stubs!.morpheus;
  const morpheusChats = () => morpheus().requests.filter((r) => r.path === '/v1/chat/completions').length;
  const newUser = async () => {
    const u = await createUser('fallbacks');
    await enableAutomation(stack(), u.key);
    return { ...u, client: sdk(stack(), u.key) };
  };

  it.each([
    ['a 500', { kind: 'status', status: 500 }],
    ['a 429', { kind: 'status', status: 429 }],
    ['a reset connection', { kind: 'reset' }],
  ] as const)(
    '%s from the first target: the next one answers, and the response says so',
    async (_what, fault) => {
      const { client } = await newUser();
      openai().faults.enqueue({ ...fault, path: '/v1/chat/completions' });
      let routed: string | null = null;
      const lines = await emfDuring(async () => {
        const { data, response } = await client.chat.completions
          .create({ model: 'gpt-4o', messages: user('fall back') })
          .withResponse();
        expect(data.choices[0]?.message.content).toBe('Echo: fall back');
        routed = response.headers.get(ROUTED);
      });
      expect(routed).toBe('morpheus/llama-3.3-70b');
      expect(morpheus().requests.at(-1)?.body).toMatchObject({ model: 'llama-3.3-70b' });
      expect(lines.filter((l) => 'ModelFallbacks' in l)).toEqual([
        expect.objectContaining({ FallbackFrom: 'direct/gpt-4o', ModelFallbacks: 1 }),
      ]);
    },
  );

  it('a session open that fails upstream falls back too', async () => {
    const { key, client } = await newUser();
    morpheus().faults.enqueue({ kind: 'status', status: 500, path: '/blockchain/models/*/session' });
    const { data, response } = await client.chat.completions
      .create({ model: 'gpt-4', messages: user('router down') })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe('Echo: router down');
    expect(response.headers.get(ROUTED)).toBe('direct/gpt-4o');
    const listed = await jsonOf(await call(stack(), key, 'GET', '/api/v1/session'));
    expect(listed.sessions.map((s: { target: string }) => s.target)).toEqual(['direct/gpt-4o']);
  });

  it('a streamed request whose first target fails before its first event is served by the next one', async () => {
    const { key } = await newUser();
    openai().faults.enqueue({ kind: 'status', status: 503, path: '/v1/chat/completions' });
    const { res, text } = await rawStream(stack(), key, {
      model: 'gpt-4o',
      messages: user('stream on'),
      stream: true,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get(ROUTED)).toBe('morpheus/llama-3.3-70b');
    expect(text.trim().endsWith('data: [DONE]')).toBe(true);
  });

  it('never after a byte was sent: a stream broken mid-way ends with an error event, nothing else is tried', async () => {
    const { key } = await newUser();
    await sdk(stack(), key).chat.completions.create({ model: 'gpt-4o', messages: user('warm') });
    openai().faults.enqueue({ kind: 'break-mid-stream', afterChunks: 2, path: '/v1/chat/completions' });
    const before = morpheusChats();
    const { res, text } = await rawStream(stack(), key, {
      model: 'gpt-4o',
      messages: user('one two three'),
      stream: true,
    });
    expect(res.headers.get(ROUTED)).toBe('direct/gpt-4o');
    expect(text).toContain('event: error');
    expect(text).not.toContain('[DONE]');
    expect(morpheusChats()).toBe(before);
  });

  it('the caller’s own errors (a 400 from the upstream) are not retried elsewhere', async () => {
    const { client } = await newUser();
    openai().faults.enqueue({ kind: 'status', status: 400, path: '/v1/chat/completions' });
    const before = morpheusChats();
    const err = await failureOf(client.chat.completions.create({ model: 'gpt-4o', messages: user('bad') }));
    expect(err.status).toBe(400);
    expect(err.headers?.get(ROUTED)).toBe('direct/gpt-4o');
    expect(morpheusChats()).toBe(before);
  });

  it('the last target’s failure is what the caller gets', async () => {
    const { client } = await newUser();
    openai().faults.enqueue({ kind: 'status', status: 500, path: '/v1/chat/completions' });
    morpheus().faults.enqueue({ kind: 'status', status: 500, path: '/v1/chat/completions' });
    const err = await failureOf(
      client.chat.completions.create({ model: 'gpt-4o', messages: user('both down') }),
    );
    expect(err.status).toBe(502);
    expect(err.headers?.get(ROUTED)).toBe('morpheus/llama-3.3-70b');
  });

  it('a request that names its session stays on that session’s target', async () => {
    const { key, client } = await newUser();
    const session = await jsonOf(
      await call(stack(), key, 'POST', '/api/v1/session/modelsession?model_id=gpt-4o', {}),
    );
    openai().faults.enqueue({ kind: 'status', status: 500, path: '/v1/chat/completions' });
    const before = morpheusChats();
    const err = await failureOf(
      client.chat.completions.create({
        model: 'gpt-4o',
        messages: user('pinned'),
        // @ts-expect-error Flowgate's own field, passed through by the SDK
        session_id: session.session_id,
      }),
    );
    expect(err.status).toBe(502);
    expect(morpheusChats()).toBe(before);
  });
});
