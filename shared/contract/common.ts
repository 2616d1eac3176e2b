/** Response pieces several domains share. */
import * as z from 'zod';
import { StepSchema } from '../plans/plan-schema';
import { SCHEDULE_TYPES } from '../scheduling/schedule-spec';

/** An instant as `Date.prototype.toISOString()` writes it. */
export const Timestamp = z.iso.datetime();

export const NextCursor = z
  .string()
  .nullable()
  .describe('Pass as `cursor` for the next page; null on the last');

/** A plan step as stored and returned: the request's step with its defaults applied. */
export const StoredStep = StepSchema;

export const RunStatus = z.enum(['pending', 'running', 'success', 'failed']);
export const TriggerType = z.enum(['manual', 'webhook', 'schedule']);

/** A `{success, message}` acknowledgement. */
export const Acknowledgement = z.strictObject({ success: z.literal(true), message: z.string() });

/** Tokens an LLM call used. */
export const TokenCounts = z.strictObject({
  prompt_tokens: z.int(),
  completion_tokens: z.int(),
  total_tokens: z.int(),
});

/** A run's step as its log shows it (shared/runs/run-views.ts stepView). */
export const StepResult = z.strictObject({
  id: z.string(),
  provider: z.string(),
  action: z.string(),
  status: z.enum(['running', 'success', 'failed', 'skipped']),
  attempts: z.int(),
  started_at: Timestamp.nullable(),
  completed_at: Timestamp.nullable(),
  duration_ms: z.number().nullable(),
  output: z.unknown().describe('Redacted, and cut to the cap when output_truncated'),
  output_truncated: z.boolean(),
  output_bytes: z.int().optional(),
  message: z.string().nullable(),
  error: z.string().nullable(),
  control: z.enum(['skip_remaining', 'stop']).optional(),
  usage: TokenCounts.optional().describe("An LLM step's tokens, as its API reported them"),
  next_attempt_at: Timestamp.optional(),
});

const runBase = {
  id: z.string(),
  plan_id: z.string().nullable(),
  trace_id: z.string().nullable(),
  status: RunStatus,
  trigger: TriggerType,
  scheduled_time: z.string().optional(),
  created_at: Timestamp,
  started_at: Timestamp.nullable(),
  completed_at: Timestamp.nullable(),
  duration_ms: z.number().nullable(),
  error: z.string().nullable(),
  error_code: z.string().nullable().describe('e.g. `run_abandoned` when the sweeper ended a lost run'),
  usage: TokenCounts.nullable().describe("The tokens of the run's LLM steps in all; null when it has none"),
};

/** The full execution log of one run (runView). */
export const RunLog = z.strictObject({
  ...runBase,
  trigger_data: z.strictObject({
    body: z.unknown().optional(),
    query: z.record(z.string(), z.string()).optional(),
  }),
  steps: z.array(StepResult),
});

/** A list entry (runSummaryView): step statuses without outputs. */
export const RunSummary = z.strictObject({
  ...runBase,
  steps: z.array(
    z.strictObject({
      id: z.string(),
      status: StepResult.shape.status,
      attempts: z.int(),
      duration_ms: z.number().nullable(),
    }),
  ),
});

/** The last run, as trace and scheduler-job listings show it (lastRunView). */
export const LastRun = z
  .strictObject({ id: z.string(), status: RunStatus, trigger: TriggerType, created_at: Timestamp })
  .nullable();

export const ScheduleType = z.enum(SCHEDULE_TYPES);
export const ScheduleState = z.enum(['ENABLED', 'DISABLED']);

/** A plan's schedule (shared/deployment/automation-schedule-record.ts automationScheduleView). */
export const AutomationScheduleView = z.strictObject({
  schedule_name: z.string(),
  schedule_type: ScheduleType,
  schedule_time: z.string(),
  schedule_config: z.record(z.string(), z.unknown()),
  expression: z.string(),
  timezone: z.string(),
  state: ScheduleState,
  next_run: Timestamp.nullable(),
  scheduled_at: Timestamp,
});
