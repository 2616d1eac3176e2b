import type { PlanStep } from '../plans/plan-schema';
import type { RunLease } from './run-lease';
import type { RunRecord, StepResult } from './run-types';

/*
 * What the sweeper does with a run whose lease ran out, case by case:
 *
 *  - its deadline passed: it ends `failed`, `run_abandoned`; nothing may start after it.
 *  - it was given to a new executor RUN_MAX_RECOVERIES times already and lost it again
 *    (a step that crashes its executor every time): it ends `run_abandoned`.
 *  - it waited for an executor (queued by a webhook, or handed off between invocations)
 *    and none came: no step was in flight, so it is resumed: a new executor continues from
 *    the first step that did not complete.
 *  - an executor held it and stopped (a crash, a timeout, out of memory, a killed process):
 *    the steps recorded as done are done, but any step from the first unrecorded one on may
 *    have started, because progress is recorded after steps, not before. It is resumed only
 *    if every one of those steps is idempotent by its action's manifest (running it twice
 *    has the effect of running it once); otherwise it ends `run_abandoned`, naming the step
 *    that may have run, rather than risk running that step twice.
 */
export type SweepDecision =
  | { kind: 'resume' }
  | {
      kind: 'abandon';
      reason: string;
      /** The first step without a recorded end: marked failed, the ones after it skipped. */
      from: number;
    };

export interface SweepPolicy {
  maxRecoveries: number;
  /** Whether running this step again is safe (its action is idempotent for these params). */
  idempotent(step: PlanStep, userId: string): Promise<boolean>;
}

/** Index of the first step whose end is not recorded (a retry waiting counts as not ended). */
export function firstUnfinished(results: readonly StepResult[], stepCount: number): number {
  for (let i = 0; i < stepCount; i++) {
    const result = results[i];
    if (!result || result.status === 'running') return i;
  }
  return stepCount;
}

export async function decide(
  run: RunRecord,
  lease: RunLease,
  now: number,
  policy: SweepPolicy,
): Promise<SweepDecision> {
  const from = firstUnfinished(run.results, run.steps.length);
  if (now >= run.deadlineAt)
    return { kind: 'abandon', from, reason: 'its deadline passed while no executor was running it' };
  if (lease.recoveries >= policy.maxRecoveries) {
    return {
      kind: 'abandon',
      from,
      reason: `it lost its executor again after ${lease.recoveries} recoveries`,
    };
  }
  if (lease.handoffToken !== undefined) return { kind: 'resume' };
  for (const step of run.steps.slice(from)) {
    if (!(await policy.idempotent(step, run.userId))) {
      return {
        kind: 'abandon',
        from,
        reason: `its executor stopped while step ${step.id} may have been running, and ${step.provider}.${step.action} is not safe to run twice`,
      };
    }
  }
  return { kind: 'resume' };
}

/** What an abandoned run's steps after the first unfinished one say when they may have run. */
export const MAY_HAVE_RUN =
  "Not recorded: the run's executor stopped before this step's end could be recorded; it may have run";

/**
 * The results an abandoned run ends with: the done steps as recorded; the first unfinished
 * one failed with the reason. The ones after it are `skipped` when no executor held the run
 * (nothing after the recorded steps can have started), and otherwise `failed` with
 * MAY_HAVE_RUN: progress is recorded after steps, so they may have reached their upstream.
 */
export function abandonedResults(
  run: RunRecord,
  from: number,
  message: string,
  now: number,
  executorHeld: boolean,
): StepResult[] {
  const completedAt = new Date(now).toISOString();
  const done = run.results.slice(0, from);
  const rest = run.steps.slice(from).map((step, i): StepResult => {
    const recorded = run.results[from + i];
    const base = { id: step.id, provider: step.provider, action: step.action };
    if (i > 0) {
      return executorHeld
        ? { ...base, status: 'failed', attempts: 0, completedAt, error: MAY_HAVE_RUN }
        : { ...base, status: 'skipped', attempts: 0 };
    }
    return {
      ...base,
      status: 'failed',
      attempts: recorded?.attempts ?? 0,
      ...(recorded?.startedAt ? { startedAt: recorded.startedAt } : {}),
      completedAt,
      error: message,
    };
  });
  return [...done, ...rest];
}
