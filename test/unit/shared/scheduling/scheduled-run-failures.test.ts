import { Logger } from '../../../../shared/logger';
import type { RunRecord } from '../../../../shared/runs/run-types';
import {
  definitionFor,
  scheduleNameFor,
  type AutomationRef,
} from '../../../../shared/scheduling/schedule-names';
import { RepeatedFailurePolicy } from '../../../../shared/scheduling/scheduled-run-failures';
import { SchedulingService } from '../../../../shared/scheduling/scheduling-service';
import { MemoryScheduler } from './memory-scheduler';
import { MemoryAudit, MemoryRuns, MemoryStores, USER, plan, runOf, trace } from './scheduled-run-fakes';

const silent = new Logger({}, 'silent');
const traceRef: AutomationRef = { kind: 'trace', automationId: 'trace_1', userId: USER };
const planRef: AutomationRef = { kind: 'plan', automationId: 'plan_1', userId: USER };

function setup(max = 3) {
  const stores = new MemoryStores();
  stores.traceMap.set('trace_1', trace('trace_1'));
  stores.planMap.set('plan_1', plan('plan_1', 'ENABLED'));
  const port = new MemoryScheduler();
  for (const ref of [traceRef, planRef]) {
    void port.create(
      definitionFor(ref, { expression: 'cron(0 9 * * ? *)', timezone: 'UTC', state: 'ENABLED' }),
    );
  }
  const runs = new MemoryRuns();
  const audit = new MemoryAudit();
  const disabled: { ref: AutomationRef; failures: number }[] = [];
  const scheduling = new SchedulingService({ port, log: silent });
  const policy = new RepeatedFailurePolicy({
    stores,
    runs,
    scheduling: () => scheduling,
    audit,
    metrics: { automationDisabled: (ref, failures) => disabled.push({ ref, failures }) },
    maxConsecutiveFailures: max,
    log: silent,
    clock: () => new Date('2026-03-02T00:00:00Z'),
  });
  /** Records the run and tells the policy it finished, as RunService does. */
  const finish = async (run: RunRecord) => {
    runs.all.push(run);
    await policy.onRunFinished(run);
  };
  return { stores, port, runs, audit, disabled, policy, finish };
}

const stateOf = (port: MemoryScheduler, ref: AutomationRef) =>
  port.schedules.get(scheduleNameFor(ref))?.state;

describe('RepeatedFailurePolicy', () => {
  it('disables a trace on the Nth failed scheduled run in a row, not before', async () => {
    const { stores, port, audit, disabled, finish } = setup();
    await finish(runOf(traceRef, 1, 'failed'));
    await finish(runOf(traceRef, 2, 'failed'));
    expect(stores.traceMap.get('trace_1')?.deploymentStatus).toBe('deployed');
    expect(stateOf(port, traceRef)).toBe('ENABLED');
    expect(disabled).toEqual([]);

    await finish(runOf(traceRef, 3, 'failed'));
    expect(stores.traceMap.get('trace_1')).toMatchObject({
      deploymentStatus: 'failed',
      schedule: { state: 'DISABLED' },
      updatedAt: '2026-03-02T00:00:00.000Z',
    });
    expect(stateOf(port, traceRef)).toBe('DISABLED');
    expect(disabled).toEqual([{ ref: traceRef, failures: 3 }]);
    expect(audit.entries).toEqual([
      {
        userId: USER,
        actor: { type: 'system', name: 'scheduler' },
        action: 'automation.status_change',
        target: { type: 'trace', id: 'trace_1' },
        details: { from: 'deployed', to: 'failed', reason: 'consecutive_failures', failures: 3 },
      },
    ]);
  });

  it('a scheduled success resets the count; manual runs and runs in progress are skipped', async () => {
    const { stores, finish } = setup();
    await finish(runOf(traceRef, 1, 'failed'));
    await finish(runOf(traceRef, 2, 'success'));
    await finish(runOf(traceRef, 3, 'failed'));
    // A run-now success and a run still going are neither a success nor a failure of the schedule.
    await finish(runOf(traceRef, 4, 'success', 'manual'));
    await finish(runOf(traceRef, 5, 'running'));
    await finish(runOf(traceRef, 6, 'failed'));
    expect(stores.traceMap.get('trace_1')?.deploymentStatus).toBe('deployed');
    await finish(runOf(traceRef, 7, 'failed'));
    expect(stores.traceMap.get('trace_1')?.deploymentStatus).toBe('failed');
  });

  it('manual failures do not count', async () => {
    const { stores, finish } = setup();
    for (let m = 1; m <= 5; m++) await finish(runOf(traceRef, m, 'failed', 'manual'));
    await finish(runOf(traceRef, 6, 'failed'));
    expect(stores.traceMap.get('trace_1')?.deploymentStatus).toBe('deployed');
  });

  it('counts only runs since the automation last changed (a resume starts over)', async () => {
    const { stores, finish } = setup();
    await finish(runOf(traceRef, 1, 'failed'));
    await finish(runOf(traceRef, 2, 'failed'));
    stores.traceMap.set('trace_1', {
      ...trace('trace_1'),
      updatedAt: runOf(traceRef, 3, 'failed').createdAt,
    });
    await finish(runOf(traceRef, 4, 'failed'));
    await finish(runOf(traceRef, 5, 'failed'));
    expect(stores.traceMap.get('trace_1')?.deploymentStatus).toBe('deployed');
    await finish(runOf(traceRef, 6, 'failed'));
    expect(stores.traceMap.get('trace_1')?.deploymentStatus).toBe('failed');
  });

  it('reads past a page of other runs, and stops reading once it has N', async () => {
    const { stores, runs, finish } = setup(2);
    await finish(runOf(traceRef, 1, 'failed'));
    for (let m = 2; m < 80; m++) runs.all.push(runOf(traceRef, m, 'success', 'manual'));
    await finish(runOf(traceRef, 80, 'failed'));
    expect(stores.traceMap.get('trace_1')?.deploymentStatus).toBe('failed');
    expect(runs.queries.filter((q) => q.traceId === 'trace_1').length).toBeGreaterThanOrEqual(2);
  });

  it('with N = 1 the first failure disables, without reading other runs', async () => {
    const { stores, runs, finish } = setup(1);
    await finish(runOf(traceRef, 1, 'failed'));
    expect(stores.traceMap.get('trace_1')?.deploymentStatus).toBe('failed');
    expect(runs.queries).toEqual([]);
  });

  it('disables a plan: its schedule DISABLED on the scheduler and in the plan', async () => {
    const { stores, port, audit, disabled, finish } = setup();
    for (let m = 1; m <= 3; m++) await finish(runOf(planRef, m, 'failed'));
    expect(stores.planMap.get('plan_1')?.schedule?.state).toBe('DISABLED');
    expect(stateOf(port, planRef)).toBe('DISABLED');
    expect(disabled).toEqual([{ ref: planRef, failures: 3 }]);
    expect(audit.entries[0]).toMatchObject({
      target: { type: 'plan', id: 'plan_1' },
      details: { from: 'ENABLED', to: 'DISABLED' },
    });
  });

  it('does nothing for successful, unscheduled or automation-less runs', async () => {
    const { port, policy, runs } = setup(1);
    const adHoc: RunRecord = { ...runOf(traceRef, 1, 'failed'), traceId: undefined };
    delete adHoc.traceId;
    await policy.onRunFinished(adHoc);
    await policy.onRunFinished(runOf(traceRef, 2, 'failed', 'webhook'));
    await policy.onRunFinished(runOf(traceRef, 3, 'success'));
    expect(port.calls.filter((c) => c.op === 'setState')).toEqual([]);
    expect(runs.queries).toEqual([]);
  });

  it('leaves a trace that is already paused alone', async () => {
    const { stores, port, disabled, finish } = setup(1);
    stores.traceMap.set('trace_1', trace('trace_1', 'paused'));
    await finish(runOf(traceRef, 1, 'failed'));
    expect(stores.traceMap.get('trace_1')?.deploymentStatus).toBe('paused');
    expect(port.calls.filter((c) => c.op === 'setState')).toEqual([]);
    expect(disabled).toEqual([]);
  });

  it('reports once when a concurrent change got there first (no second audit entry or metric)', async () => {
    const { stores, port, audit, disabled, finish } = setup(1);
    // The user pauses between the policy's read and its write.
    stores.beforeWrite = () => {
      stores.beforeWrite = undefined;
      stores.traceMap.set('trace_1', trace('trace_1', 'paused'));
    };
    await finish(runOf(traceRef, 1, 'failed'));
    expect(stores.traceMap.get('trace_1')?.deploymentStatus).toBe('paused');
    expect(stateOf(port, traceRef)).toBe('DISABLED');
    expect(audit.entries).toEqual([]);
    expect(disabled).toEqual([]);
  });

  it('does not revive the schedule of a trace deleted meanwhile', async () => {
    const { stores, port, audit, finish } = setup(1);
    stores.beforeWrite = () => {
      stores.traceMap.delete('trace_1');
    };
    await finish(runOf(traceRef, 1, 'failed'));
    // The pause stands (the deletion removes the schedule); it is not undone into ENABLED.
    expect(stateOf(port, traceRef)).toBe('DISABLED');
    expect(audit.entries).toEqual([]);
  });

  it('puts the schedule back when the table write fails, and lets the error out', async () => {
    const { stores, port, audit, policy } = setup(1);
    stores.beforeWrite = () => {
      throw new Error('table unavailable');
    };
    await expect(policy.onRunFinished(runOf(traceRef, 1, 'failed'))).rejects.toThrow('table unavailable');
    expect(stateOf(port, traceRef)).toBe('ENABLED');
    expect(audit.entries).toEqual([]);
  });
});
