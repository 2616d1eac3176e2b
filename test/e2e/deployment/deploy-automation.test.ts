import type { LocalStack } from '../../../infra/local/local-stack';
import { scheduleNameFor } from '../../../shared/scheduling/schedule-names';
import { TraceRepository } from '../../../shared/traces/trace-repository';
import type { TraceRecord } from '../../../shared/traces/trace-types';
import { callApi } from '../../support/http';
import { createUserWithKey, testRepositoryDeps } from '../../support/identity';
import { startTestStack } from '../../support/local-stack';

const DEPLOYED =
  '{"success":true,"message":"Automation deployed successfully","deployment_status":"deployed"}';
const statusMessage = (status: string) =>
  `{"success":true,"message":"Deployment status updated to '${status}'"}`;

const weekly = {
  schedule_type: 'weekly',
  schedule_time: '09:00',
  schedule_config: { days: ['Monday', 'Wednesday', 'Friday'], timezone: 'UTC' },
};

describe('deploying automations (e2e)', () => {
  let stack: LocalStack;
  const deps = testRepositoryDeps();
  const traces = new TraceRepository(deps);
  let alice: { key: string; userId: string };
  let bob: { key: string; userId: string };

  const api = (key: string, path: string, method = 'GET', body?: unknown) =>
    callApi(stack.apiUrl, key, path, method, body);
  const draft = (userId: string) =>
    traces.create(userId, {
      name: 'Weekly report',
      steps: [{ id: 'a', provider: 'data', action: 'transform', params: { value: 1 } }],
    });
  const scheduleOf = (trace: TraceRecord) =>
    stack.adapters.scheduler.get(
      scheduleNameFor({ kind: 'trace', automationId: trace.traceId, userId: trace.userId }),
    );

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

  it('deploys with the seed body and answers exactly as the seed does', async () => {
    const trace = await draft(alice.userId);
    const res = await api(alice.key, '/automation/deploy', 'POST', {
      trace_id: trace.traceId,
      ...weekly,
      name: 'Weekly Email Automation',
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe(DEPLOYED);

    expect(await scheduleOf(trace)).toMatchObject({
      expression: 'cron(0 9 ? * 2,4,6 *)',
      timezone: 'UTC',
      state: 'ENABLED',
    });
    expect(await traces.require(alice.userId, trace.traceId)).toMatchObject({
      name: 'Weekly Email Automation',
      deploymentStatus: 'deployed',
      schedule: { type: 'weekly', time: '09:00', config: weekly.schedule_config },
    });
    const audit = await api(alice.key, '/api/audit');
    expect(audit.body.entries[0]).toMatchObject({
      action: 'automation.deploy',
      target: { type: 'trace', id: trace.traceId },
      details: { expression: 'cron(0 9 ? * 2,4,6 *)', timezone: 'UTC', schedule_type: 'weekly' },
    });
  });

  it("deploying someone else's trace is a 404 and changes nothing", async () => {
    const trace = await draft(alice.userId);
    const res = await api(bob.key, '/automation/deploy', 'POST', { trace_id: trace.traceId, ...weekly });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('trace_not_found');
    expect(await traces.require(alice.userId, trace.traceId)).toEqual(trace);
    expect(await scheduleOf(trace)).toBeUndefined();
  });

  it.each([
    [
      'a bad timezone',
      { ...weekly, schedule_config: { ...weekly.schedule_config, timezone: 'Mars/Olympus' } },
      'schedule_config.timezone',
    ],
    ['25:00', { ...weekly, schedule_time: '25:00' }, 'schedule_time'],
    ['an empty days', { ...weekly, schedule_config: { days: [], timezone: 'UTC' } }, 'schedule_config.days'],
    [
      'day_of_month 0',
      { schedule_type: 'monthly', schedule_time: '08:00', schedule_config: { day_of_month: 0 } },
      'schedule_config.day_of_month',
    ],
    ['an unknown type', { ...weekly, schedule_type: 'hourly' }, 'schedule_type'],
  ])('%s is a 400 naming the field, with nothing changed', async (_label, schedule, field) => {
    const trace = await draft(alice.userId);
    const res = await api(alice.key, '/automation/deploy', 'POST', { trace_id: trace.traceId, ...schedule });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(res.body.error.message).toContain(field);
    expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toContain(`body.${field}`);
    expect(await traces.require(alice.userId, trace.traceId)).toEqual(trace);
    expect(await scheduleOf(trace)).toBeUndefined();
  });

  it('a body with several problems is one 400 listing every one, with nothing changed', async () => {
    const trace = await draft(alice.userId);
    const res = await api(alice.key, '/automation/deploy', 'POST', {
      trace_id: trace.traceId,
      schedule_type: 'weekly',
      schedule_time: '25:00',
      schedule_config: { timezone: 'Mars/Olympus', days: ['Funday'] },
      colour: 'red',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'body',
      'body.schedule_config.days.0',
      'body.schedule_config.timezone',
      'body.schedule_time',
    ]);
    expect(await traces.require(alice.userId, trace.traceId)).toEqual(trace);
    expect(await scheduleOf(trace)).toBeUndefined();
  });

  it('pauses, resumes, fails and undeploys through the status route', async () => {
    const trace = await draft(alice.userId);
    const patch = (status: string, key = alice.key) =>
      api(key, `/automation/deployment-status/${trace.traceId}?status=${status}`, 'PATCH');

    const early = await patch('deployed');
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/deploy it first/);

    expect(
      (await api(alice.key, '/automation/deploy', 'POST', { trace_id: trace.traceId, ...weekly })).text,
    ).toBe(DEPLOYED);
    const paused = await patch('paused');
    expect(paused.status).toBe(200);
    expect(paused.text).toBe(statusMessage('paused'));
    expect(await scheduleOf(trace)).toMatchObject({ state: 'DISABLED' });
    expect((await traces.require(alice.userId, trace.traceId)).deploymentStatus).toBe('paused');

    expect((await patch('deployed')).text).toBe(statusMessage('deployed'));
    expect(await scheduleOf(trace)).toMatchObject({ state: 'ENABLED' });

    expect((await patch('failed')).text).toBe(statusMessage('failed'));
    expect(await scheduleOf(trace)).toMatchObject({ state: 'DISABLED' });
    expect((await traces.require(alice.userId, trace.traceId)).deploymentStatus).toBe('failed');

    expect((await patch('paused', bob.key)).status).toBe(404);

    expect((await patch('draft')).text).toBe(statusMessage('draft'));
    expect(await scheduleOf(trace)).toBeUndefined();
    const back = await traces.require(alice.userId, trace.traceId);
    expect(back.deploymentStatus).toBe('draft');
    expect(back.schedule).toBeUndefined();

    const audit = await api(alice.key, '/api/audit?limit=10');
    const changes = audit.body.entries
      .filter(
        (e: { action: string; target: { id: string } }) =>
          e.action === 'automation.status_change' && e.target.id === trace.traceId,
      )
      .map((e: { details: unknown }) => e.details)
      .reverse();
    expect(changes).toEqual([
      { from: 'deployed', to: 'paused' },
      { from: 'paused', to: 'deployed' },
      { from: 'deployed', to: 'failed' },
      { from: 'failed', to: 'draft' },
    ]);
  });

  it('any other status is a 400 listing the valid ones', async () => {
    const trace = await draft(alice.userId);
    for (const query of ['?status=archived', '']) {
      const res = await api(alice.key, `/automation/deployment-status/${trace.traceId}${query}`, 'PATCH');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('draft, deployed, paused, failed');
    }
    expect(await traces.require(alice.userId, trace.traceId)).toEqual(trace);
  });
});
