import type { TokenUsage } from '../gateway/usage/token-usage';
import type { PlanStep } from '../plans/plan-schema';

export type RunStatus = 'pending' | 'running' | 'success' | 'failed';
export type TriggerType = 'manual' | 'webhook' | 'schedule';

export interface RunTrigger {
  type: TriggerType;
  /** A webhook's JSON body (or its text when it is not JSON). */
  body?: unknown;
  query?: Record<string, string>;
  scheduledTime?: string;
}

export type StepStatus = 'running' | 'success' | 'failed' | 'skipped';

/** One step's log entry: outputs and messages are redacted and size-capped before they get here. */
export interface StepResult {
  id: string;
  provider: string;
  action: string;
  status: StepStatus;
  attempts: number;
  startedAt?: string;
  completedAt?: string;
  durationMs?: number;
  output?: unknown;
  /** Set when the output was cut to the cap: the stored output is then the first bytes of its JSON. */
  outputTruncated?: boolean;
  /** Size of the whole output as JSON, in bytes. */
  outputBytes?: number;
  message?: string;
  error?: string;
  /** An LLM step's tokens. */
  usage?: TokenUsage;
  /** Set by a `data.condition` step that gated the steps after it. */
  control?: 'skip_remaining' | 'stop';
  /** While a retry waits across a hand-off: when the next attempt may start (epoch ms). */
  nextAttemptAt?: number;
}

export interface RunRecord {
  runId: string;
  userId: string;
  planId?: string;
  /** Set on runs of an automation trace (a dry run or a scheduled run). */
  traceId?: string;
  status: RunStatus;
  trigger: RunTrigger;
  /** The plan's steps as they were when the run started; later edits do not change a run. */
  steps: PlanStep[];
  results: StepResult[];
  createdAt: string;
  startedAt?: string;
  completedAt?: string;
  error?: string;
  /** Set with some failures so callers can tell them apart, e.g. `run_abandoned`. */
  errorCode?: string;
  /** The run fails rather than start anything after this instant (epoch ms). */
  deadlineAt: number;
  /** How many invocations the run has taken so far. */
  invocations: number;
}
