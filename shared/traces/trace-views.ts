import type { RunRecord } from '../runs/run-types';
import { nextFireTimes } from '../scheduling/schedule-expression';
import type { TraceRecord } from './trace-types';

/**
 * When a trace fires next, from what the table records (list and get never call the
 * scheduler): only a deployed trace whose schedule is enabled has one.
 */
export function nextRunOf(trace: TraceRecord, now: Date): string | null {
  const schedule = trace.schedule;
  if (!schedule || trace.deploymentStatus !== 'deployed' || schedule.state !== 'ENABLED') return null;
  try {
    return nextFireTimes(schedule.expression, schedule.timezone, now, 1)[0]?.toISOString() ?? null;
  } catch {
    // The deploy route validated the expression; a record it cannot read must not break the listing.
    return null;
  }
}

/** The last run as list and get show it. */
export function lastRunView(run: RunRecord | undefined) {
  return run
    ? { id: run.runId, status: run.status, trigger: run.trigger.type, created_at: run.createdAt }
    : null;
}

/** The JSON of a trace: its plan, its deployment fields (seed 004) and its last run. */
export function traceView(trace: TraceRecord, lastRun: RunRecord | undefined, now = new Date()) {
  const schedule = trace.schedule;
  return {
    id: trace.traceId,
    trace_id: trace.traceId,
    name: trace.name,
    description: trace.description ?? null,
    request: trace.request ?? null,
    model: trace.model ?? null,
    steps: trace.steps,
    deployment_status: trace.deploymentStatus,
    schedule_type: schedule?.type ?? null,
    schedule_time: schedule?.time ?? null,
    schedule_config: schedule?.config ?? null,
    deployed_at: trace.deployedAt ?? null,
    next_run: nextRunOf(trace, now),
    last_run: lastRunView(lastRun),
    last_run_status: lastRun?.status ?? null,
    dry_run_id: trace.dryRunId ?? null,
    created_at: trace.createdAt,
    updated_at: trace.updatedAt,
  };
}

export type TraceView = ReturnType<typeof traceView>;
