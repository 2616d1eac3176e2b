// Read at load by the shared runtime: steps call a loopback server, and the log and EMF lines
// are captured (info level) to prove why a delivery did nothing and that the metric went out.
process.env.OUTBOUND_ALLOW_CIDRS = '127.0.0.0/8';
process.env.SCHEDULE_MAX_CONSECUTIVE_FAILURES = '3';
process.env.LOG_LEVEL = 'info';

import { randomBytes } from 'node:crypto';
import { handler } from '../../../functions/execute-run';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { LocalKms } from '../../../infra/local/local-kms';
import { LocalScheduler } from '../../../infra/local/local-scheduler';
import { AuditLog } from '../../../shared/audit/audit-log';
import { Logger } from '../../../shared/logger';
import { PlanRepository } from '../../../shared/plans/plan-repository';
import type { PlanStep } from '../../../shared/plans/plan-schema';
import { RunRepository } from '../../../shared/runs/run-repository';
import type { RunRecord } from '../../../shared/runs/run-types';
import { installAdapters } from '../../../shared/runtime/adapters';
import type { AutomationSchedule } from '../../../shared/scheduling/automation-schedule';
import { scheduleNameFor, type AutomationRef } from '../../../shared/scheduling/schedule-names';
import type { ScheduledRunPayload } from '../../../shared/scheduling/scheduler-port';
import { SchedulingService } from '../../../shared/scheduling/scheduling-service';
import { TraceRepository } from '../../../shared/traces/trace-repository';
import { startFakeServer, type FakeServer } from '../../support/fakes/fake-server';
import { testRepositoryDeps } from '../../support/identity';

jest.setTimeout(30_000);

const deps = testRepositoryDeps();
const traces = new TraceRepository(deps);
const plans = new PlanRepository(deps);
const runs = new RunRepository(deps, 30);
const audit = new AuditLog({ ...deps, log: new Logger({}, 'silent'), retentionDays: 30 });
const scheduler = new LocalScheduler({ deps, group: `exec-it-${randomBytes(6).toString('hex')}` });
const scheduling = new SchedulingService({ port: scheduler, log: new Logger({}, 'silent') });

// The execution function's edges, as the local stack installs them: a hand-off runs the
// handler again in-process, like Lambda's asynchronous invoke.
const background = new Set<Promise<unknown>>();
const kms = LocalKms.inMemory();
installAdapters({
  keyManagement: () => kms,
  scheduler: () => scheduler,
  executionInvoker: () => ({
    invoke: async (payload) => {
      const run = handler(payload, context()).finally(() => background.delete(run));
      background.add(run);
    },
  }),
});
const drain = async () => {
  while (background.size) await Promise.allSettled([...background]);
};

const context = (timeoutSeconds = 300) => lambdaContext('ExecuteRun', timeoutSeconds, 1024);
const uid = () => `u-${randomBytes(8).toString('hex')}`;

let web: FakeServer;
/** Status the loopback step target answers, by path; 200 unless set. */
const statusOf = new Map<string, number>();
const out: string[] = [];
let writeSpy: jest.SpyInstance;

beforeAll(async () => {
  web = await startFakeServer((req, res) => {
    res.writeHead(statusOf.get(req.path) ?? 200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  writeSpy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
});

afterAll(async () => {
  writeSpy?.mockRestore();
  await drain();
  await web?.close();
});

const requestsTo = (path: string) => web.requests.filter((r) => r.path === path).length;

function stepsCalling(path: string): PlanStep[] {
  return [
    {
      id: 'ping',
      provider: 'http',
      action: 'request',
      params: { method: 'POST', url: `${web.url}${path}`, body: { hello: 'schedule' } },
      retry: { max_attempts: 1, backoff_ms: 0 },
    },
  ];
}

function recordOf(ref: AutomationRef, state: 'ENABLED' | 'DISABLED'): AutomationSchedule {
  return {
    scheduleName: scheduleNameFor(ref),
    type: 'daily',
    time: '09:00',
    config: {},
    expression: 'cron(0 9 * * ? *)',
    timezone: 'UTC',
    state,
    scheduledAt: new Date().toISOString(),
  };
}

/** A trace deployed the way the deploy route does it: the schedule, then the table. */
async function deployedTrace(path: string, userId = uid()) {
  const trace = await traces.create(userId, { name: 'nightly ping', steps: stepsCalling(path) });
  const ref: AutomationRef = { kind: 'trace', automationId: trace.traceId, userId };
  await scheduling.schedule({ ...ref, spec: { type: 'daily', time: '09:00', timezone: 'UTC' } }, () =>
    traces
      .update(userId, trace.traceId, {
        deploymentStatus: 'deployed',
        schedule: recordOf(ref, 'ENABLED'),
        deployedAt: new Date().toISOString(),
      })
      .then(() => undefined),
  );
  return ref;
}

async function scheduledPlan(path: string, state: 'ENABLED' | 'DISABLED' = 'ENABLED', userId = uid()) {
  const plan = await plans.create(userId, { name: 'plan ping', steps: stepsCalling(path) });
  const ref: AutomationRef = { kind: 'plan', automationId: plan.planId, userId };
  await scheduling.schedule(
    { ...ref, spec: { type: 'daily', time: '09:00', timezone: 'UTC' }, state },
    async () => {
      await plans.setSchedule(userId, plan.planId, recordOf(ref, state));
    },
  );
  return ref;
}

let fireSecond = 0;
/** The event EventBridge delivers for one fire time of the automation's schedule. */
function event(ref: AutomationRef, scheduledTime?: string): ScheduledRunPayload {
  fireSecond += 1;
  return {
    source: 'flowgate.schedule',
    kind: ref.kind,
    automationId: ref.automationId,
    userId: ref.userId,
    scheduleName: scheduleNameFor(ref),
    scheduledTime:
      scheduledTime ?? new Date(Date.UTC(2026, 0, 1, 9, 0, fireSecond)).toISOString().slice(0, 19) + 'Z',
    executionId: randomBytes(16).toString('hex'),
  };
}

async function runsOf(ref: AutomationRef): Promise<RunRecord[]> {
  const of = ref.kind === 'trace' ? { traceId: ref.automationId } : { planId: ref.automationId };
  return (await runs.list(ref.userId, { ...of, limit: 100 })).items;
}

const logLines = () =>
  out
    .flatMap((chunk) => chunk.split('\n'))
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('execute-run: scheduled deliveries', () => {
  it('runs the trace once and records it with trigger schedule', async () => {
    const ref = await deployedTrace('/once');
    const payload = event(ref);
    const result = await handler(payload, context());
    expect(result).toMatchObject({ source: 'flowgate.schedule', outcome: 'started', status: 'success' });
    expect(requestsTo('/once')).toBe(1);
    const [run, ...others] = await runsOf(ref);
    expect(others).toEqual([]);
    expect(run).toMatchObject({
      traceId: ref.automationId,
      status: 'success',
      trigger: { type: 'schedule', scheduledTime: payload.scheduledTime },
    });
    expect(run?.planId).toBeUndefined();
  });

  it('delivered twice in sequence: one run, one upstream request', async () => {
    const ref = await deployedTrace('/twice');
    const payload = event(ref);
    const first = await handler(payload, context());
    // EventBridge's redelivery has a new execution id; the run key ignores it.
    const second = await handler({ ...payload, executionId: randomBytes(16).toString('hex') }, context());
    expect(first).toMatchObject({ outcome: 'started' });
    expect(second).toEqual({
      source: 'flowgate.schedule',
      outcome: 'duplicate',
      runId: (first as { runId: string }).runId,
    });
    expect(requestsTo('/twice')).toBe(1);
    expect(await runsOf(ref)).toHaveLength(1);
  });

  it('delivered five times at once: one run, one upstream request', async () => {
    const ref = await deployedTrace('/five');
    const payload = event(ref);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        handler({ ...payload, executionId: randomBytes(16).toString('hex') }, context()),
      ),
    );
    const outcomes = results.map((r) => (r as { outcome: string }).outcome).sort();
    expect(outcomes).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'started']);
    expect(requestsTo('/five')).toBe(1);
    const stored = await runsOf(ref);
    expect(stored).toHaveLength(1);
    for (const r of results) expect(r).toMatchObject({ runId: stored[0]!.runId });
  });

  it('runs each fire time of the same schedule once', async () => {
    const ref = await deployedTrace('/each');
    await handler(event(ref), context());
    await handler(event(ref), context());
    expect(requestsTo('/each')).toBe(2);
    expect(await runsOf(ref)).toHaveLength(2);
  });

  it('runs a scheduled plan with its plan id', async () => {
    const ref = await scheduledPlan('/plan');
    const result = await handler(event(ref), context());
    expect(result).toMatchObject({ outcome: 'started', status: 'success' });
    expect(await runsOf(ref)).toEqual([
      expect.objectContaining({
        planId: ref.automationId,
        trigger: expect.objectContaining({ type: 'schedule' }),
      }),
    ]);
    expect(requestsTo('/plan')).toBe(1);
  });
});

describe('execute-run: gone, paused or not yours', () => {
  const skipLogged = (automationId: string, reason: string) =>
    expect(logLines()).toContainEqual(
      expect.objectContaining({ message: 'scheduled run skipped', automationId, reason }),
    );

  it('does nothing, successfully, for a deleted trace', async () => {
    const ref = await deployedTrace('/deleted');
    await traces.delete(ref.userId, ref.automationId);
    await expect(handler(event(ref), context())).resolves.toEqual({
      source: 'flowgate.schedule',
      outcome: 'skipped',
      reason: 'trace_not_found',
    });
    skipLogged(ref.automationId, 'trace_not_found');
    expect(requestsTo('/deleted')).toBe(0);
    expect(await runsOf(ref)).toEqual([]);
  });

  it.each(['paused', 'draft', 'failed'] as const)('does nothing for a %s trace', async (status) => {
    const ref = await deployedTrace(`/status-${status}`);
    await traces.update(ref.userId, ref.automationId, { deploymentStatus: status });
    await expect(handler(event(ref), context())).resolves.toMatchObject({
      outcome: 'skipped',
      reason: 'trace_not_deployed',
    });
    expect(logLines()).toContainEqual(
      expect.objectContaining({ automationId: ref.automationId, reason: 'trace_not_deployed', status }),
    );
    expect(requestsTo(`/status-${status}`)).toBe(0);
    expect(await runsOf(ref)).toEqual([]);
  });

  it("does nothing for another user's trace (it is simply not found)", async () => {
    const ref = await deployedTrace('/foreign');
    const intruder: AutomationRef = { ...ref, userId: uid() };
    await expect(handler(event(intruder), context())).resolves.toMatchObject({
      outcome: 'skipped',
      reason: 'trace_not_found',
    });
    expect(requestsTo('/foreign')).toBe(0);
  });

  it('does nothing for a deleted plan, an unscheduled plan, or a disabled plan schedule', async () => {
    const deleted = await scheduledPlan('/plan-deleted');
    await plans.delete(deleted.userId, deleted.automationId);
    const unscheduled = await scheduledPlan('/plan-unscheduled');
    await plans.setSchedule(unscheduled.userId, unscheduled.automationId, null);
    const disabled = await scheduledPlan('/plan-disabled', 'DISABLED');
    const results = await Promise.all(
      [deleted, unscheduled, disabled].map((r) => handler(event(r), context())),
    );
    expect(results.map((r) => (r as { reason?: string }).reason)).toEqual([
      'plan_not_found',
      'plan_not_scheduled',
      'plan_schedule_disabled',
    ]);
    skipLogged(disabled.automationId, 'plan_schedule_disabled');
    expect(requestsTo('/plan-deleted') + requestsTo('/plan-unscheduled') + requestsTo('/plan-disabled')).toBe(
      0,
    );
  });
});

describe('execute-run: malformed deliveries fail fast (to the DLQ)', () => {
  const valid = () => event({ kind: 'trace', automationId: 'trace_x', userId: 'someone' });

  it.each([
    ['no scheduled time', () => ({ ...valid(), scheduledTime: undefined })],
    ['the placeholder left in', () => ({ ...valid(), scheduledTime: '<aws.scheduler.scheduled-time>' })],
    ['an impossible time', () => ({ ...valid(), scheduledTime: '2026-02-30T25:00:00Z' })],
    ['an unknown kind', () => ({ ...valid(), kind: 'job' })],
    [
      'a schedule name of another automation',
      () => ({ ...valid(), scheduleName: 'u0000000000000000.trace.other' }),
    ],
    ['an extra field', () => ({ ...valid(), steps: [] })],
    ['no payload at all', () => 'not json'],
  ])('throws for %s', async (_name, make) => {
    await expect(handler(make(), context())).rejects.toThrow(/Invalid execution payload/);
  });
});

describe('execute-run: repeated failures', () => {
  const disabledMetrics = () => logLines().filter((l) => '_aws' in l && 'ScheduledAutomationDisabled' in l);

  async function fire(ref: AutomationRef, times: number, ctx = () => context()) {
    for (let i = 0; i < times; i++) {
      await handler(event(ref), ctx());
      await drain();
    }
  }

  it('after 3 failed scheduled runs: trace failed, schedule disabled, audit entry, metric', async () => {
    statusOf.set('/broken', 400);
    const ref = await deployedTrace('/broken');
    const metricsBefore = disabledMetrics().length;
    await fire(ref, 2);
    expect((await traces.get(ref.userId, ref.automationId))?.deploymentStatus).toBe('deployed');
    expect((await scheduler.get(scheduleNameFor(ref)))?.state).toBe('ENABLED');

    await fire(ref, 1);
    const trace = await traces.get(ref.userId, ref.automationId);
    expect(trace).toMatchObject({ deploymentStatus: 'failed', schedule: { state: 'DISABLED' } });
    expect((await scheduler.get(scheduleNameFor(ref)))?.state).toBe('DISABLED');
    const entries = (await audit.list(ref.userId, 10)).items;
    expect(entries).toEqual([
      expect.objectContaining({
        actor: { type: 'system', name: 'scheduler' },
        action: 'automation.status_change',
        target: { type: 'trace', id: ref.automationId },
        details: expect.objectContaining({ from: 'deployed', to: 'failed', failures: 3 }),
      }),
    ]);
    const metrics = disabledMetrics().slice(metricsBefore);
    expect(metrics).toHaveLength(1);
    expect(metrics[0]).toMatchObject({
      ScheduledAutomationDisabled: 1,
      service: 'flowgate',
      kind: 'trace',
      automationId: ref.automationId,
    });
    expect(
      (metrics[0]!._aws as { CloudWatchMetrics: { Namespace: string }[] }).CloudWatchMetrics[0]?.Namespace,
    ).toBe('Flowgate');

    // Disabled: a delivery still in flight does nothing.
    await expect(handler(event(ref), context())).resolves.toMatchObject({ outcome: 'skipped' });
    expect(requestsTo('/broken')).toBe(3);
  });

  it('a success in between starts the count over', async () => {
    const ref = await deployedTrace('/flaky');
    statusOf.set('/flaky', 400);
    await fire(ref, 2);
    statusOf.set('/flaky', 200);
    await fire(ref, 1);
    statusOf.set('/flaky', 400);
    await fire(ref, 2);
    expect((await traces.get(ref.userId, ref.automationId))?.deploymentStatus).toBe('deployed');
    await fire(ref, 1);
    expect((await traces.get(ref.userId, ref.automationId))?.deploymentStatus).toBe('failed');
    expect(requestsTo('/flaky')).toBe(6);
  });

  it('counts runs that end in a later hand-off invocation', async () => {
    statusOf.set('/handoff', 400);
    const ref = await deployedTrace('/handoff');
    // 2 s left: nothing fits in this invocation, so every run is handed on before its step.
    await fire(ref, 3, () => context(2));
    const stored = await runsOf(ref);
    expect(stored).toHaveLength(3);
    // Two invocations each: the one that started it and the hand-off that recorded its end.
    for (const run of stored) expect(run).toMatchObject({ status: 'failed', invocations: 2 });
    expect((await traces.get(ref.userId, ref.automationId))?.deploymentStatus).toBe('failed');
    expect((await scheduler.get(scheduleNameFor(ref)))?.state).toBe('DISABLED');
  });

  it('resuming gives the automation a fresh count', async () => {
    statusOf.set('/resumed', 400);
    const ref = await deployedTrace('/resumed');
    await fire(ref, 3);
    expect((await traces.get(ref.userId, ref.automationId))?.deploymentStatus).toBe('failed');
    await scheduling.resume(ref, async () => {
      await traces.update(ref.userId, ref.automationId, { deploymentStatus: 'deployed' });
    });
    await fire(ref, 2);
    expect((await traces.get(ref.userId, ref.automationId))?.deploymentStatus).toBe('deployed');
    await fire(ref, 1);
    expect((await traces.get(ref.userId, ref.automationId))?.deploymentStatus).toBe('failed');
  });

  it('a plan: after 3 failures its schedule is disabled on the scheduler and in the table', async () => {
    statusOf.set('/plan-broken', 400);
    const ref = await scheduledPlan('/plan-broken');
    await fire(ref, 3);
    expect((await plans.get(ref.userId, ref.automationId))?.schedule?.state).toBe('DISABLED');
    expect((await scheduler.get(scheduleNameFor(ref)))?.state).toBe('DISABLED');
    expect((await audit.list(ref.userId, 10)).items).toEqual([
      expect.objectContaining({
        actor: { type: 'system', name: 'scheduler' },
        target: { type: 'plan', id: ref.automationId },
        details: expect.objectContaining({ to: 'DISABLED', failures: 3 }),
      }),
    ]);
    await expect(handler(event(ref), context())).resolves.toMatchObject({
      outcome: 'skipped',
      reason: 'plan_schedule_disabled',
    });
  });
});
