import type { LocalStack } from '../../../infra/local/local-stack';
import { startTestStack } from '../../support/local-stack';

/*
 * Automation traces through the local API, drafted by the stub OpenAI upstream (model
 * gpt-4o routes to it). The stub answers with the text after `STUB_JSON:` in the last
 * user message; a repair round's last user message is Flowgate's own, so a test that needs
 * a different second answer queues it as a one-shot 200 "fault" with a completion body.
 * The shared runtime is imported only after the stack has pointed the gateway at the stubs.
 */
jest.setTimeout(60_000);
// Info level, so the test below can show that neither the request nor the prompt is logged.
process.env.LOG_LEVEL = 'info';

interface Result {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

const step = (id: string, value: unknown = 1) => ({
  id,
  provider: 'data',
  action: 'transform',
  params: { value },
});
const plan = { name: 'Adder', description: 'adds', steps: [step('a', 2), step('b', '{{steps.a.output}}')] };
const unknownProvider = { name: 'Bad', steps: [{ id: 'a', provider: 'nope', action: 'x', params: {} }] };
const stubJson = (value: unknown) => `Please automate this.\nSTUB_JSON: ${JSON.stringify(value)}`;
/** A whole chat.completion whose answer is `value`, for a queued 200 reply. */
const completion = (value: unknown) => ({
  id: 'chatcmpl-queued',
  object: 'chat.completion',
  created: 1_700_000_000,
  model: 'gpt-4o',
  choices: [
    { index: 0, message: { role: 'assistant', content: JSON.stringify(value) }, finish_reason: 'stop' },
  ],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});

describe('automation traces (e2e)', () => {
  let stack: LocalStack;
  let alice: { key: string; userId: string };
  let bob: { key: string; userId: string };
  /** What the in-process handlers printed (JSON logs and EMF metrics), kept out of the test output. */
  const printed: string[] = [];
  let restoreStdout: () => void;

  async function api(key: string, path: string, method = 'GET', body?: unknown): Promise<Result> {
    const res = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  const chatRequests = () =>
    stack.stubs?.openai.requests.filter((r) => r.path === '/v1/chat/completions') ?? [];

  beforeAll(async () => {
    const original = process.stdout.write.bind(process.stdout);
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(((
      chunk: string | Uint8Array,
      ...rest: never[]
    ) => {
      const text = String(chunk);
      if (!text.startsWith('{')) return original(chunk, ...rest);
      printed.push(text);
      return true;
    }) as typeof process.stdout.write);
    restoreStdout = () => spy.mockRestore();
    stack = await startTestStack();
    const { createUserWithKey } = await import('../../support/identity');
    const a = await createUserWithKey('alice');
    const b = await createUserWithKey('bob');
    alice = { key: a.key, userId: a.user.userId };
    bob = { key: b.key, userId: b.user.userId };
  });
  afterAll(async () => {
    await stack?.stop();
    restoreStdout();
  });
  beforeEach(() => stack.stubs?.openai.faults.clear());

  it('drafts a valid trace on the first answer and saves it as a draft', async () => {
    const before = chatRequests().length;
    const created = await api(alice.key, '/automation/traces', 'POST', {
      message: stubJson(plan),
      model: 'gpt-4o',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^trace_/),
      name: 'Adder',
      description: 'adds',
      model: 'gpt-4o',
      steps: plan.steps,
      deployment_status: 'draft',
    });
    expect(created.body.trace_id).toBe(created.body.id);
    const sent = chatRequests().slice(before);
    expect(sent).toHaveLength(1);
    const request = sent[0]?.body as { response_format: unknown; messages: Array<{ content: string }> };
    expect(request.response_format).toEqual({ type: 'json_object' });
    expect(request.messages[0]?.content).toContain('Provider catalogue (JSON):');
  });

  it('drafts through the default model (a Morpheus session) when none is named', async () => {
    const created = await api(alice.key, '/automation/traces', 'POST', { message: stubJson(plan) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ model: 'default', deployment_status: 'draft' });
  });

  it('repairs an invalid draft with one round that quotes the validation errors', async () => {
    stack.stubs?.openai.faults.enqueue(
      { kind: 'status', status: 200, body: completion(unknownProvider), path: '/v1/chat/completions' },
      { kind: 'status', status: 200, body: completion(plan), path: '/v1/chat/completions' },
    );
    const before = chatRequests().length;
    const created = await api(alice.key, '/automation/traces', 'POST', {
      message: 'add things',
      model: 'gpt-4o',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Adder', steps: plan.steps, request: 'add things' });
    const sent = chatRequests().slice(before);
    expect(sent).toHaveLength(2);
    const repair = (sent[1]?.body as { messages: Array<{ role: string; content: string }> }).messages;
    expect(repair.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(repair[3]?.content).toContain('unknown provider "nope"');
  });

  it('answers 422 with the reasons when the repaired draft is still invalid, and saves nothing', async () => {
    const before = chatRequests().length;
    const listed = (await api(bob.key, '/automation/traces')).body.traces.length;
    const refused = await api(bob.key, '/automation/traces', 'POST', {
      message: stubJson(unknownProvider),
      model: 'gpt-4o',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'draft_invalid', message: expect.any(String) });
    // The repair round's answer is the stub's echo object: neither a name nor steps.
    expect(refused.body.error.details.reasons).toEqual(
      expect.arrayContaining([expect.stringMatching(/^name: /), expect.stringMatching(/^steps: /)]),
    );
    expect(chatRequests().length - before).toBe(2);
    expect((await api(bob.key, '/automation/traces')).body.traces).toHaveLength(listed);
  });

  it('never logs the request or the drafting prompt', async () => {
    const marker = `zebra-${Date.now()}`;
    stack.stubs?.openai.faults.enqueue(
      { kind: 'status', status: 200, body: completion(unknownProvider), path: '/v1/chat/completions' },
      { kind: 'status', status: 200, body: completion(plan), path: '/v1/chat/completions' },
    );
    printed.length = 0;
    const created = await api(alice.key, '/automation/traces', 'POST', { message: marker, model: 'gpt-4o' });
    expect(created.status).toBe(201);
    const logs = printed.join('');
    expect(logs).toContain('trace drafted');
    expect(logs).not.toContain(marker);
    expect(logs).not.toContain('Provider catalogue');
  });

  it('passes an upstream rate limit on as 429 in the standard error shape', async () => {
    stack.stubs?.openai.faults.enqueue({ kind: 'status', status: 429, path: '/v1/chat/completions' });
    const limited = await api(alice.key, '/automation/traces', 'POST', { message: 'x', model: 'gpt-4o' });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'rate_limit_exceeded', message: expect.any(String) });
  });

  it('saves explicit steps, and refuses bad bodies with 400 naming the field', async () => {
    const created = await api(alice.key, '/automation/traces', 'POST', { name: 'Given', steps: [step('a')] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Given',
      request: null,
      model: null,
      deployment_status: 'draft',
    });

    const both = await api(alice.key, '/automation/traces', 'POST', {
      message: 'm',
      name: 'n',
      steps: [step('a')],
    });
    expect(both.status).toBe(400);
    expect(both.body.error.details.issues).toEqual([expect.objectContaining({ path: 'body.message' })]);
    const unknown = await api(alice.key, '/automation/traces', 'POST', {
      name: 'n',
      steps: [unknownProvider.steps[0]],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.issues).toEqual([
      expect.objectContaining({ path: 'body.steps.0.provider', code: 'unknown_provider' }),
    ]);
  });

  it('dry_run executes the trace once and links the run, which the execution logs list by trace', async () => {
    const created = await api(alice.key, '/automation/traces', 'POST', { ...plan, dry_run: true });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body.dry_run).toEqual({
      run_id: expect.stringMatching(/^run_/),
      log_id: created.body.dry_run.run_id,
      status: 'success',
    });
    const runId = created.body.dry_run.run_id;
    expect(created.body).toMatchObject({ dry_run_id: runId, last_run_status: 'success' });

    const logs = await api(alice.key, `/api/execution-logs?trace_id=${id}`);
    expect(logs.status).toBe(200);
    const listed = JSON.stringify(logs.body);
    expect(listed).toContain(runId);
    const run = await api(alice.key, `/api/execution-logs/${runId}`);
    expect(run.body).toMatchObject({ id: runId, trace_id: id, trigger: 'manual', status: 'success' });

    expect((await api(alice.key, `/automation/traces/${id}`)).body).toMatchObject({
      dry_run_id: runId,
      last_run: { id: runId, status: 'success', trigger: 'manual' },
      last_run_status: 'success',
    });
  });

  it('lists (newest first, paged) and gets a draft with its deployment fields', async () => {
    const first = await api(alice.key, '/automation/traces', 'POST', { name: 'Older', steps: [step('a')] });
    const second = await api(alice.key, '/automation/traces', 'POST', { name: 'Newer', steps: [step('a')] });
    const page = await api(alice.key, '/automation/traces?limit=2');
    expect(page.status).toBe(200);
    expect(page.body.traces.map((t: { id: string }) => t.id)).toEqual([second.body.id, first.body.id]);
    expect(page.body.next_cursor).toEqual(expect.any(String));
    const next = await api(
      alice.key,
      `/automation/traces?limit=2&cursor=${encodeURIComponent(page.body.next_cursor)}`,
    );
    expect(next.body.traces.map((t: { id: string }) => t.id)).not.toContain(second.body.id);

    const got = await api(alice.key, `/automation/traces/${first.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      id: first.body.id,
      deployment_status: 'draft',
      schedule_type: null,
      schedule_time: null,
      schedule_config: null,
      deployed_at: null,
      next_run: null,
      last_run: null,
      last_run_status: null,
    });
  });

  it('keeps traces per user: another user gets 404 on get and delete, and the trace stays', async () => {
    const created = await api(alice.key, '/automation/traces', 'POST', {
      name: 'Private',
      steps: [step('a')],
    });
    const id = created.body.id;
    const got = await api(bob.key, `/automation/traces/${id}`);
    expect(got.status).toBe(404);
    expect(got.body.error).toMatchObject({ code: 'trace_not_found' });
    expect((await api(bob.key, `/automation/traces/${id}`, 'DELETE')).status).toBe(404);
    expect(
      (await api(bob.key, '/automation/traces')).body.traces.map((t: { id: string }) => t.id),
    ).not.toContain(id);
    expect((await api(alice.key, `/automation/traces/${id}`)).status).toBe(200);
  });

  it('deleting a scheduled trace removes its schedule, and the deletion is audited', async () => {
    const { SchedulingService } = await import('../../../shared/scheduling/scheduling-service');
    const { TraceRepository } = await import('../../../shared/traces/trace-repository');
    const { testRepositoryDeps } = await import('../../support/identity');
    const created = await api(alice.key, '/automation/traces', 'POST', {
      name: 'Yearly',
      steps: [step('a')],
    });
    const id = created.body.id;
    const ref = { kind: 'trace' as const, automationId: id, userId: alice.userId };
    const scheduling = new SchedulingService({ port: stack.adapters.scheduler });
    const traces = new TraceRepository(testRepositoryDeps());
    // What a deploy does (the deploy route is tested on its own): the schedule, then the table.
    await scheduling.schedule(
      { ...ref, spec: { type: 'custom', interval: 'at(2099-01-01T09:00:00)', timezone: 'UTC' } },
      async (s) => {
        await traces.update(alice.userId, id, {
          deploymentStatus: 'deployed',
          deployedAt: s.createdAt,
          schedule: {
            scheduleName: s.scheduleName,
            type: 'custom',
            time: 'at(2099-01-01T09:00:00)',
            config: { timezone: 'UTC', customInterval: 'at(2099-01-01T09:00:00)' },
            expression: s.expression,
            timezone: s.timezone,
            state: s.state,
            scheduledAt: s.createdAt,
          },
        });
      },
    );
    const name = scheduling.scheduleName(ref);
    expect(await stack.adapters.scheduler.get(name)).toBeDefined();
    expect((await api(alice.key, `/automation/traces/${id}`)).body).toMatchObject({
      deployment_status: 'deployed',
      schedule_type: 'custom',
      next_run: '2099-01-01T09:00:00.000Z',
    });

    // Bob cannot remove Alice's schedule either.
    expect((await api(bob.key, `/automation/traces/${id}`, 'DELETE')).status).toBe(404);
    expect(await stack.adapters.scheduler.get(name)).toBeDefined();

    const deleted = await api(alice.key, `/automation/traces/${id}`, 'DELETE');
    expect(deleted.status).toBe(204);
    expect(await stack.adapters.scheduler.get(name)).toBeUndefined();
    expect((await api(alice.key, `/automation/traces/${id}`)).status).toBe(404);
    expect((await api(alice.key, `/automation/traces/${id}`, 'DELETE')).status).toBe(404);
    const audit = await api(alice.key, '/api/audit');
    expect(audit.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'automation.delete',
          target: { type: 'trace', id },
          details: expect.objectContaining({ schedule_removed: true, deployment_status: 'deployed' }),
        }),
      ]),
    );
  });
});
