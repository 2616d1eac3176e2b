import type { TokenUsage } from '../gateway/usage/token-usage';
import type { RunRecord, StepResult } from './run-types';

const tokensView = (usage: TokenUsage) => ({
  prompt_tokens: usage.promptTokens,
  completion_tokens: usage.completionTokens,
  total_tokens: usage.promptTokens + usage.completionTokens,
});

/** What the run's LLM steps used in all; null when it has none. */
function runUsage(results: StepResult[]) {
  const counted = results.flatMap((r) => (r.usage ? [r.usage] : []));
  if (counted.length === 0) return null;
  return tokensView({
    promptTokens: counted.reduce((sum, u) => sum + u.promptTokens, 0),
    completionTokens: counted.reduce((sum, u) => sum + u.completionTokens, 0),
  });
}

const durationOf = (from?: string, to?: string) =>
  from && to ? Math.max(0, Date.parse(to) - Date.parse(from)) : null;

export function stepView(step: StepResult) {
  return {
    id: step.id,
    provider: step.provider,
    action: step.action,
    status: step.status,
    attempts: step.attempts,
    started_at: step.startedAt ?? null,
    completed_at: step.completedAt ?? null,
    duration_ms: step.durationMs ?? null,
    output: step.output ?? null,
    output_truncated: step.outputTruncated ?? false,
    ...(step.outputBytes === undefined ? {} : { output_bytes: step.outputBytes }),
    message: step.message ?? null,
    error: step.error ?? null,
    ...(step.control ? { control: step.control } : {}),
    ...(step.usage ? { usage: tokensView(step.usage) } : {}),
    ...(step.nextAttemptAt ? { next_attempt_at: new Date(step.nextAttemptAt).toISOString() } : {}),
  };
}

function baseView(run: RunRecord) {
  return {
    id: run.runId,
    plan_id: run.planId ?? null,
    trace_id: run.traceId ?? null,
    status: run.status,
    trigger: run.trigger.type,
    ...(run.trigger.scheduledTime ? { scheduled_time: run.trigger.scheduledTime } : {}),
    created_at: run.createdAt,
    started_at: run.startedAt ?? null,
    completed_at: run.completedAt ?? null,
    duration_ms: durationOf(run.startedAt, run.completedAt),
    error: run.error ?? null,
    /** `run_abandoned` when the sweeper ended a run whose executor was lost; null otherwise. */
    error_code: run.errorCode ?? null,
    usage: runUsage(run.results),
  };
}

/** The full execution log of one run: every step with its (redacted, capped) output. */
export function runView(run: RunRecord) {
  return {
    ...baseView(run),
    trigger_data: {
      ...(run.trigger.body === undefined ? {} : { body: run.trigger.body }),
      ...(run.trigger.query ? { query: run.trigger.query } : {}),
    },
    steps: run.results.map(stepView),
  };
}

/** A list entry: step statuses without outputs, so pages stay small. */
export function runSummaryView(run: RunRecord) {
  return {
    ...baseView(run),
    steps: run.results.map((s) => ({
      id: s.id,
      status: s.status,
      attempts: s.attempts,
      duration_ms: s.durationMs ?? null,
    })),
  };
}
