import type { LocalStack } from '../../../infra/local/local-stack';
import { TraceRepository } from '../../../shared/traces/trace-repository';
import { callApi } from '../../support/http';
import { createUserWithKey, testRepositoryDeps } from '../../support/identity';
import { startTestStack } from '../../support/local-stack';

const steps = [{ id: 'a', provider: 'data', action: 'transform', params: { value: 1 } }];
const daily = {
  schedule_type: 'daily',
  schedule_time: '08:00',
  schedule_config: { timezone: 'Europe/Berlin' },
};

describe('plan schedules and the job list (e2e)', () => {
  let stack: LocalStack;
  const deps = testRepositoryDeps();
  let alice: { key: string; userId: string };
  let bob: { key: string; userId: string };

  const api = (key: string, path: string, method = 'GET', body?: unknown) =>
    callApi(stack.apiUrl, key, path, method, body);
  const newPlan = async (key: string, name: string) =>
    (await api(key, '/api/execution-plans', 'POST', { name, steps })).body.id as string;

  beforeAll(async () => {
    stack = await startTestStack();
    const a = await createUserWithKey('alice');
    const b = await createUserWithKey('bob');
    alice = { key: a.key, userId: a.user.userId };
    bob = { key: b.key, userId: b.user.userId };
  });
  afterAll(async () => {
    await stack?.stop();
    deps.client.destroy();
  });

  it('schedules a plan with the deploy body, shows it on the plan, and removes it', async () => {
    const planId = await newPlan(alice.key, 'Nightly sync');
    const created = await api(alice.key, `/api/execution-plans/${planId}/schedule`, 'POST', daily);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      kind: 'plan',
      plan_id: planId,
      name: 'Nightly sync',
      state: 'ENABLED',
      expression: 'cron(0 8 * * ? *)',
      timezone: 'Europe/Berlin',
      last_run: null,
    });
    expect(Date.parse(created.body.next_run)).toBeGreaterThan(Date.now());

    const plan = await api(alice.key, `/api/execution-plans/${planId}`);
    expect(plan.body.schedule).toMatchObject({
      schedule_type: 'daily',
      schedule_time: '08:00',
      schedule_config: { timezone: 'Europe/Berlin' },
      expression: 'cron(0 8 * * ? *)',
      state: 'ENABLED',
    });
    expect(Date.parse(plan.body.schedule.next_run)).toBeGreaterThan(Date.now());

    const invalid = await api(alice.key, `/api/execution-plans/${planId}/schedule`, 'POST', {
      ...daily,
      schedule_time: '25:00',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toContain('schedule_time');
    expect(await stack.adapters.scheduler.get(created.body.schedule_name)).toMatchObject({
      expression: 'cron(0 8 * * ? *)',
    });

    expect((await api(bob.key, `/api/execution-plans/${planId}/schedule`, 'DELETE')).status).toBe(404);
    const removed = await api(alice.key, `/api/execution-plans/${planId}/schedule`, 'DELETE');
    expect(removed.status).toBe(204);
    expect(await stack.adapters.scheduler.get(created.body.schedule_name)).toBeUndefined();
    expect((await api(alice.key, `/api/execution-plans/${planId}`)).body.schedule).toBeUndefined();
    const again = await api(alice.key, `/api/execution-plans/${planId}/schedule`, 'DELETE');
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('schedule_not_found');

    const actions = (await api(alice.key, '/api/audit')).body.entries.map(
      (e: { action: string }) => e.action,
    );
    expect(actions.slice(0, 2)).toEqual(['plan.unschedule', 'plan.schedule']);
  });

  it('deleting a scheduled plan removes its schedule and records the deletion', async () => {
    const planId = await newPlan(alice.key, 'Short-lived');
    const created = await api(alice.key, `/api/execution-plans/${planId}/schedule`, 'POST', daily);
    expect(created.status).toBe(200);
    expect(await stack.adapters.scheduler.get(created.body.schedule_name)).toBeDefined();
    expect((await api(alice.key, `/api/execution-plans/${planId}`, 'DELETE')).status).toBe(204);
    expect(await stack.adapters.scheduler.get(created.body.schedule_name)).toBeUndefined();
    const trail = await api(alice.key, '/api/audit');
    expect(trail.body.entries[0]).toMatchObject({
      action: 'plan.delete',
      target: { type: 'plan', id: planId },
    });
  });

  it("scheduling someone else's plan is a 404 and creates nothing", async () => {
    const planId = await newPlan(alice.key, 'Private');
    const res = await api(bob.key, `/api/execution-plans/${planId}/schedule`, 'POST', daily);
    expect(res.status).toBe(404);
    expect(await stack.adapters.scheduler.list()).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ input: expect.stringContaining(planId) })]),
    );
  });

  it("lists each caller's own jobs only, with the last run of each", async () => {
    const carol = await createUserWithKey('carol');
    const dave = await createUserWithKey('dave');
    const planId = await newPlan(carol.key, 'Carol plan');
    const trace = await new TraceRepository(deps).create(carol.user.userId, { name: 'Carol trace', steps });
    const davePlan = await newPlan(dave.key, 'Dave plan');

    expect((await api(carol.key, `/api/execution-plans/${planId}/schedule`, 'POST', daily)).status).toBe(200);
    const deployed = await api(carol.key, '/automation/deploy', 'POST', {
      trace_id: trace.traceId,
      schedule_type: 'custom',
      schedule_time: 'Every 2 hours',
      schedule_config: { customInterval: 'Every 2 hours', timezone: 'UTC' },
    });
    expect(deployed.status).toBe(200);
    expect((await api(dave.key, `/api/execution-plans/${davePlan}/schedule`, 'POST', daily)).status).toBe(
      200,
    );
    const run = await api(carol.key, '/api/execute-plan', 'POST', { plan_id: planId });
    expect(run.status).toBeLessThan(300);

    const mine = await api(carol.key, '/api/scheduler/jobs');
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(2);
    const plan = mine.body.jobs.find((j: { kind: string }) => j.kind === 'plan');
    const traceJob = mine.body.jobs.find((j: { kind: string }) => j.kind === 'trace');
    expect(plan).toMatchObject({
      plan_id: planId,
      state: 'ENABLED',
      expression: 'cron(0 8 * * ? *)',
      timezone: 'Europe/Berlin',
      last_run: { status: 'success', trigger: 'manual' },
    });
    expect(plan.next_run).toEqual(expect.any(String));
    expect(traceJob).toMatchObject({
      trace_id: trace.traceId,
      name: 'Carol trace',
      expression: 'rate(2 hours)',
      timezone: 'UTC',
      last_run: null,
    });

    const theirs = await api(dave.key, '/api/scheduler/jobs');
    expect(theirs.body).toMatchObject({ total: 1, jobs: [{ plan_id: davePlan }] });
    expect(JSON.stringify(theirs.body)).not.toContain(planId);
  });
});
