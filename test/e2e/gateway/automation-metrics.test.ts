import { isolatedEnv } from './isolated-env';
// Before the shared runtime loads: the system switch on, lenient routing (unknown names go to default).
const restoreEnv = isolatedEnv({ AUTOMATION_FEATURE_ENABLED: 'true', MODEL_ROUTING_STRICT: 'false' });

import type { LocalStack } from '../../../infra/local/local-stack';
import { startTestStack } from '../../support/local-stack';
import {
  call,
  captureEmf,
  createUser,
  emfDuring,
  enableAutomation,
  failureOf,
  rawStream,
  sdk,
  user,
} from './support';

type Line = Record<string, unknown>;
const having = (lines: Line[], name: string) => lines.filter((l) => name in l);

/**
 * The metrics the dashboard and the automation error-rate alarms read (infra/constructs/
 * observability-*.ts), as the handlers really write them: the automated path's requests
 * and failures, routing misses, and automation switched on or off.
 */
describe('automation monitoring metrics (e2e)', () => {
  let stack: LocalStack;
  let restoreStdout: () => void;
  const stubs = () => stack.stubs!;

  beforeAll(async () => {
    restoreStdout = captureEmf();
    stack = await startTestStack();
  }, 30_000);
  afterAll(async () => {
    await stack.stop();
    restoreStdout();
    restoreEnv();
  });
  afterEach(() => stubs().openai.faults.clear());

  const automatedUser = async () => {
    const u = await createUser('metrics');
    await enableAutomation(stack, u.key);
    return { ...u, client: sdk(stack, u.key) };
  };

  it('counts an automated chat request, and no error when it succeeds', async () => {
    const { client } = await automatedUser();
    const lines = await emfDuring(() =>
      client.chat.completions.create({ model: 'gpt-4o', messages: user('hi') }),
    );
    expect(having(lines, 'ChatRequests')).toEqual([
      expect.objectContaining({ Automated: 'true', ChatRequests: 1, RoutedModel: 'direct/gpt-4o' }),
    ]);
    expect(having(lines, 'ChatErrors')).toEqual([]);
  });

  it('counts a 502 on the automated path as an error of that path', async () => {
    const { client } = await automatedUser();
    await client.chat.completions.create({ model: 'gpt-4o', messages: user('open the session') });
    stubs().openai.faults.enqueue({ kind: 'status', status: 503, times: 3, path: '/v1/chat/completions' });
    const lines = await emfDuring(async () => {
      const err = await failureOf(client.chat.completions.create({ model: 'gpt-4o', messages: user('x') }));
      expect(err.status).toBe(502);
    });
    expect(having(lines, 'ChatErrors')).toEqual([
      expect.objectContaining({ Automated: 'true', ChatErrors: 1, ChatRequests: 1 }),
    ]);
  });

  it('counts a stream broken after its 200 as an error, which API Gateway cannot see', async () => {
    const { key } = await automatedUser();
    stubs().openai.faults.enqueue({ kind: 'break-mid-stream', afterChunks: 2, path: '/v1/chat/completions' });
    const lines = await emfDuring(async () => {
      const { res, text } = await rawStream(stack, key, {
        model: 'gpt-4o',
        messages: user('a b c d'),
        stream: true,
      });
      expect(res.status).toBe(200);
      expect(text).toMatch(/event: error/);
    });
    expect(having(lines, 'ChatErrors')).toEqual([
      expect.objectContaining({ Automated: 'true', ChatErrors: 1 }),
    ]);
  });

  it('counts the caller-side refusal with automation off as a request off the automated path, not an error', async () => {
    const { key } = await createUser('metrics-off');
    const lines = await emfDuring(async () => {
      const err = await failureOf(
        sdk(stack, key).chat.completions.create({ model: 'gpt-4o', messages: user('x') }),
      );
      expect(err.status).toBe(400);
    });
    expect(having(lines, 'ChatRequests')).toEqual([
      expect.objectContaining({ Automated: 'false', ChatRequests: 1 }),
    ]);
    expect(having(lines, 'ChatErrors')).toEqual([]);
  });

  it('counts a request on a session the user opened as off the automated path', async () => {
    const { key } = await createUser('metrics-manual');
    const opened = await call(stack, key, 'POST', '/api/v1/session/modelsession?model_id=gpt-4o', {});
    expect(opened.status).toBe(200);
    const lines = await emfDuring(() =>
      sdk(stack, key).chat.completions.create({ model: 'gpt-4o', messages: user('manual') }),
    );
    expect(having(lines, 'ChatRequests')).toEqual([
      expect.objectContaining({ Automated: 'false', ChatRequests: 1 }),
    ]);
  });

  it('counts a model name the router does not know as a routing error (fallback), without the name', async () => {
    const { client } = await automatedUser();
    const lines = await emfDuring(() =>
      client.chat.completions.create({ model: 'no-such-model-7', messages: user('x') }),
    );
    expect(having(lines, 'RoutingErrors')).toEqual([
      expect.objectContaining({ Outcome: 'fallback', RoutingErrors: 1 }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('no-such-model-7');
  });

  it('counts automation switched on and off, and nothing for a write that changes neither', async () => {
    const { key } = await createUser('adoption');
    const put = (body: unknown) =>
      emfDuring(async () => {
        const res = await call(stack, key, 'PUT', '/api/v1/automation/settings', body);
        expect(res.status).toBe(200);
      });
    const changes = (lines: Line[]) => having(lines, 'AutomationSettingsChanged').map((l) => l.Change);
    expect(changes(await put({ is_enabled: true }))).toEqual(['enabled']);
    expect(changes(await put({ is_enabled: true }))).toEqual([]);
    expect(changes(await put({ session_duration: 120 }))).toEqual([]);
    expect(changes(await put({ is_enabled: false }))).toEqual(['disabled']);
    // A new user starts disabled: switching off first is no change.
    const { key: other } = await createUser('adoption-2');
    const lines = await emfDuring(() =>
      call(stack, other, 'PUT', '/api/v1/automation/settings', { is_enabled: false }),
    );
    expect(changes(lines)).toEqual([]);
  });
});
