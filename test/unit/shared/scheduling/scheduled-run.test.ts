import { Logger } from '../../../../shared/logger';
import type { NewRun, StartOnceResult } from '../../../../shared/runs/run-service';
import type { RunRecord } from '../../../../shared/runs/run-types';
import { scheduleNameFor, type AutomationRef } from '../../../../shared/scheduling/schedule-names';
import { ScheduledRunPayloadSchema, ScheduledRuns } from '../../../../shared/scheduling/scheduled-run';
import type { ScheduledRunPayload } from '../../../../shared/scheduling/scheduler-port';
import { MemoryStores, STEPS, USER, plan, trace } from './scheduled-run-fakes';

const window = { startBy: Date.now() + 60_000, finishBy: Date.now() + 60_000 };

function payload(ref: AutomationRef, overrides: Partial<ScheduledRunPayload> = {}): ScheduledRunPayload {
  return {
    source: 'flowgate.schedule',
    kind: ref.kind,
    automationId: ref.automationId,
    userId: ref.userId,
    scheduleName: scheduleNameFor(ref),
    scheduledTime: '2026-03-01T09:00:00Z',
    executionId: 'e0f1',
    ...overrides,
  };
}

function setup(start?: (input: NewRun) => StartOnceResult) {
  const stores = new MemoryStores();
  const calls: { input: NewRun; key: unknown; ttl: number }[] = [];
  const lines: string[] = [];
  const scheduled = new ScheduledRuns({
    stores,
    runs: {
      startOnce: async (input, key, ttl) => {
        calls.push({ input, key, ttl });
        return (
          start?.(input) ?? {
            started: true,
            run: { runId: 'run_1', status: 'success' } as RunRecord,
          }
        );
      },
    },
    runKeyTtlHours: 48,
    log: new Logger({}, 'info', (line) => lines.push(line)),
  });
  const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { stores, calls, scheduled, logged };
}

const traceRef: AutomationRef = { kind: 'trace', automationId: 'trace_1', userId: USER };
const planRef: AutomationRef = { kind: 'plan', automationId: 'plan_1', userId: USER };

describe('ScheduledRunPayloadSchema', () => {
  it('accepts what a Flowgate schedule delivers', () => {
    expect(ScheduledRunPayloadSchema.parse(payload(traceRef))).toEqual(payload(traceRef));
    expect(
      ScheduledRunPayloadSchema.safeParse(payload(planRef, { scheduledTime: '2026-03-01T09:00:00.000Z' }))
        .success,
    ).toBe(true);
  });

  it.each([
    ['scheduledTime', { scheduledTime: '<aws.scheduler.scheduled-time>' }],
    ['scheduledTime', { scheduledTime: '2026-03-01 09:00:00' }],
    ['scheduledTime', { scheduledTime: '2026-13-01T09:00:00Z' }],
    ['scheduleName', { scheduleName: 'u0123456789abcdef.trace.trace_2' }],
    ['scheduleName', { scheduleName: 'has spaces' }],
    ['executionId', { executionId: '' }],
    ['userId', { userId: '' }],
  ] as const)('rejects a bad %s', (field, overrides) => {
    const result = ScheduledRunPayloadSchema.safeParse({ ...payload(traceRef), ...overrides });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });

  it('rejects unknown fields and kinds', () => {
    expect(ScheduledRunPayloadSchema.safeParse({ ...payload(traceRef), extra: 1 }).success).toBe(false);
    expect(ScheduledRunPayloadSchema.safeParse({ ...payload(traceRef), kind: 'job' }).success).toBe(false);
  });
});

describe('ScheduledRuns', () => {
  it('starts a deployed trace once per schedule name and scheduled time, with the TTL in seconds', async () => {
    const { stores, calls, scheduled } = setup();
    stores.traceMap.set('trace_1', trace('trace_1'));
    await expect(scheduled.handle(payload(traceRef), window)).resolves.toEqual({
      outcome: 'started',
      runId: 'run_1',
      status: 'success',
    });
    expect(calls).toEqual([
      {
        input: {
          userId: USER,
          traceId: 'trace_1',
          steps: STEPS,
          trigger: { type: 'schedule', scheduledTime: '2026-03-01T09:00:00Z' },
        },
        key: { scheduleName: scheduleNameFor(traceRef), scheduledTime: '2026-03-01T09:00:00Z' },
        ttl: 48 * 3600,
      },
    ]);
  });

  it('starts a scheduled plan with its plan id', async () => {
    const { stores, calls, scheduled } = setup();
    stores.planMap.set('plan_1', plan('plan_1', 'ENABLED'));
    await scheduled.handle(payload(planRef), window);
    expect(calls[0]?.input).toMatchObject({ planId: 'plan_1', steps: STEPS });
    expect(calls[0]?.input.traceId).toBeUndefined();
  });

  it('reports a duplicate delivery with the run that already exists', async () => {
    const { stores, scheduled, logged } = setup(() => ({ started: false, existingRunId: 'run_0' }));
    stores.traceMap.set('trace_1', trace('trace_1'));
    await expect(scheduled.handle(payload(traceRef), window)).resolves.toEqual({
      outcome: 'duplicate',
      runId: 'run_0',
    });
    expect(logged()).toContainEqual(
      expect.objectContaining({ message: 'duplicate scheduled delivery ignored', runId: 'run_0' }),
    );
  });

  it.each([
    ['a missing trace', traceRef, () => undefined, 'trace_not_found'],
    [
      'a paused trace',
      traceRef,
      (s: MemoryStores) => s.traceMap.set('trace_1', trace('trace_1', 'paused')),
      'trace_not_deployed',
    ],
    ['a missing plan', planRef, () => undefined, 'plan_not_found'],
    [
      'a plan without schedule',
      planRef,
      (s: MemoryStores) => s.planMap.set('plan_1', plan('plan_1')),
      'plan_not_scheduled',
    ],
    [
      'a disabled plan schedule',
      planRef,
      (s: MemoryStores) => s.planMap.set('plan_1', plan('plan_1', 'DISABLED')),
      'plan_schedule_disabled',
    ],
  ] as const)('skips %s, logging why, and starts nothing', async (_name, ref, arrange, reason) => {
    const { stores, calls, scheduled, logged } = setup();
    arrange(stores);
    await expect(scheduled.handle(payload(ref), window)).resolves.toEqual({ outcome: 'skipped', reason });
    expect(calls).toEqual([]);
    expect(logged()).toContainEqual(
      expect.objectContaining({
        level: 'info',
        message: 'scheduled run skipped',
        reason,
        automationId: ref.automationId,
      }),
    );
  });

  it("skips someone else's trace: reads start from the payload's user", async () => {
    const { stores, calls, scheduled } = setup();
    stores.traceMap.set('trace_1', trace('trace_1'));
    const intruder = { ...traceRef, userId: 'user-2' };
    await expect(scheduled.handle(payload(intruder), window)).resolves.toMatchObject({
      reason: 'trace_not_found',
    });
    expect(calls).toEqual([]);
  });
});
