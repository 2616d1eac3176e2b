/**
 * Repeated failure: after N scheduled runs of one automation failed in a row
 * (SCHEDULE_MAX_CONSECUTIVE_FAILURES), the automation stops firing. A trace is marked
 * `failed`, a plan's schedule is recorded DISABLED, the schedule itself is disabled through
 * the one SchedulingService, an audit entry names the scheduler as the actor, and a metric
 * feeds the stack's alarm.
 *
 * What counts: only runs the schedule started (trigger `schedule`). Dry runs and run-now
 * are someone trying the automation out; they neither add to the count nor reset it. Runs
 * still in progress are skipped. The count starts over at the automation's last change
 * (`updatedAt`: deploy, pause, resume, or a plan edit), so an automation resumed after
 * being disabled gets N fresh attempts rather than being disabled again by its old runs.
 *
 * It is computed from the run records each time a scheduled run fails, not kept as a
 * counter, so nothing can drift, and a failure recorded by a later hand-off invocation
 * (RunService's onFinished) counts the same as one recorded by the first.
 */
import type { AuditInput } from '../audit/audit-log';
import type { Logger } from '../logger';
import type { RunRepository } from '../runs/run-repository';
import type { RunRecord } from '../runs/run-types';
import { NotFoundError } from '../errors';
import type { AutomationRef } from './schedule-names';
import type { ScheduledRunMetrics } from './scheduled-run-metrics';
import { findScheduledTarget, type AutomationStores } from './scheduled-run-target';
import type { SchedulingService } from './scheduling-service';

export interface RepeatedFailureDeps {
  stores: AutomationStores;
  runs: Pick<RunRepository, 'list'>;
  /** Built on first use: most invocations never disable anything. */
  scheduling: () => Pick<SchedulingService, 'pause'>;
  audit: { record(input: AuditInput): Promise<unknown> };
  metrics: Pick<ScheduledRunMetrics, 'automationDisabled'>;
  maxConsecutiveFailures: number;
  log: Logger;
  clock?: () => Date;
}

const PAGE_SIZE = 50;
/** Enough for any N the env allows (at most 100) plus interleaved manual runs. */
const MAX_PAGES = 10;

export const SCHEDULER_ACTOR = { type: 'system', name: 'scheduler' } as const;

export class RepeatedFailurePolicy {
  constructor(private readonly deps: RepeatedFailureDeps) {}

  /** RunService's onFinished hook. */
  readonly onRunFinished = async (run: RunRecord): Promise<void> => {
    if (run.trigger.type !== 'schedule' || run.status !== 'failed') return;
    const ref = refOf(run);
    if (!ref) return;
    const target = await findScheduledTarget(this.deps.stores, ref);
    if (!target.active) return; // paused, deleted or already failed: nothing left to stop
    const failures = await this.consecutiveFailures(run, target.updatedAt);
    const log = this.deps.log.child({ kind: ref.kind, automationId: ref.automationId, runId: run.runId });
    if (failures < this.deps.maxConsecutiveFailures) {
      log.info('scheduled run failed', { consecutiveFailures: failures });
      return;
    }
    await this.disable(ref, failures, log);
  };

  /** This run (failed) plus the failed scheduled runs right before it, up to N. */
  async consecutiveFailures(run: RunRecord, since: string): Promise<number> {
    const limit = this.deps.maxConsecutiveFailures;
    const of = run.traceId !== undefined ? { traceId: run.traceId } : { planId: run.planId as string };
    let count = 1;
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES && count < limit; page++) {
      const { items, nextCursor } = await this.deps.runs.list(run.userId, {
        ...of,
        limit: PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      });
      // Newest first. The index may not show this run's own end yet (GSI reads are eventually
      // consistent): the run is counted from the record in hand, and skipped in the listing.
      for (const other of items) {
        if (other.runId === run.runId || other.createdAt > run.createdAt) continue;
        if (other.createdAt < since) return count;
        if (other.trigger.type !== 'schedule') continue;
        if (other.status === 'success') return count;
        if (other.status === 'failed' && ++count >= limit) return count;
      }
      if (!nextCursor) break;
      cursor = nextCursor;
    }
    return count;
  }

  private async disable(ref: AutomationRef, failures: number, log: Logger): Promise<void> {
    let changed = false;
    // The scheduler first, then the table (the persist step); if the table write throws,
    // SchedulingService re-enables the schedule, so the two never disagree for long.
    await this.deps.scheduling().pause(ref, async () => {
      changed = ref.kind === 'trace' ? await this.markTraceFailed(ref) : await this.disablePlan(ref);
    });
    if (!changed) {
      // A concurrent failure (or the user) changed it first; that one reports it.
      log.info('automation already changed; not disabled again', { consecutiveFailures: failures });
      return;
    }
    log.warn('scheduled automation disabled after repeated failures', { consecutiveFailures: failures });
    await this.deps.audit.record({
      userId: ref.userId,
      actor: SCHEDULER_ACTOR,
      action: 'automation.status_change',
      target: { type: ref.kind, id: ref.automationId },
      details:
        ref.kind === 'trace'
          ? { from: 'deployed', to: 'failed', reason: 'consecutive_failures', failures }
          : { from: 'ENABLED', to: 'DISABLED', reason: 'consecutive_failures', failures },
    });
    this.deps.metrics.automationDisabled(ref, failures);
  }

  /** deployed → failed, only from deployed; true if this call made the change. */
  private async markTraceFailed(ref: AutomationRef): Promise<boolean> {
    const { traces } = this.deps.stores;
    const trace = await traces.get(ref.userId, ref.automationId);
    if (!trace) return false;
    try {
      const updated = await traces.update(
        ref.userId,
        ref.automationId,
        {
          deploymentStatus: 'failed',
          ...(trace.schedule ? { schedule: { ...trace.schedule, state: 'DISABLED' as const } } : {}),
        },
        { ifStatus: ['deployed'], ...(this.deps.clock ? { now: this.deps.clock() } : {}) },
      );
      return updated !== undefined;
    } catch (err) {
      // Deleted meanwhile: its deletion removes the schedule; undoing the pause would revive it.
      if (err instanceof NotFoundError) return false;
      throw err;
    }
  }

  /** Records the plan's schedule as DISABLED; true if this call made the change. */
  private async disablePlan(ref: AutomationRef): Promise<boolean> {
    const { plans } = this.deps.stores;
    const plan = await plans.get(ref.userId, ref.automationId);
    if (!plan?.schedule || plan.schedule.state === 'DISABLED') return false;
    try {
      await plans.setSchedule(
        ref.userId,
        ref.automationId,
        { ...plan.schedule, state: 'DISABLED' },
        ...(this.deps.clock ? [this.deps.clock()] : []),
      );
      return true;
    } catch (err) {
      if (err instanceof NotFoundError) return false;
      throw err;
    }
  }
}

function refOf(run: RunRecord): AutomationRef | undefined {
  if (run.traceId !== undefined) return { kind: 'trace', automationId: run.traceId, userId: run.userId };
  if (run.planId !== undefined) return { kind: 'plan', automationId: run.planId, userId: run.userId };
  return undefined;
}
