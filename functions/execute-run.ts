import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { logger } from '../shared/logger';
import { executionWindow } from '../shared/runs/run-window';
import { ScheduledRunPayloadSchema, type ScheduledRunOutcome } from '../shared/scheduling/scheduled-run';
import { executionRuntime } from '../shared/scheduling/scheduled-run-wiring';

/**
 * Every payload the execution function accepts, told apart by `source`:
 *  - `flowgate.run`: continue (or start) a persisted run handed off by "run now", a webhook
 *    or an earlier invocation of a long run;
 *  - `flowgate.schedule`: an EventBridge Scheduler delivery (shared/scheduling/scheduled-run.ts).
 */
const RunPayload = z.strictObject({
  source: z.literal('flowgate.run'),
  userId: z.string().min(1).max(128),
  runId: z.string().min(1).max(128),
  handoffToken: z.string().regex(/^[0-9a-f]{32}$/),
});

export const ExecutionPayload = z.discriminatedUnion('source', [RunPayload, ScheduledRunPayloadSchema]);
export type ExecutionPayload = z.infer<typeof ExecutionPayload>;

export type ExecutionResult =
  | {
      source: 'flowgate.run';
      runId: string;
      /** `claimed: false` when another delivery of the same hand-off got there first. */
      claimed: boolean;
      status?: string;
    }
  | ({ source: 'flowgate.schedule' } & ScheduledRunOutcome);

async function dispatch(payload: ExecutionPayload, context: Context): Promise<ExecutionResult> {
  const runtime = executionRuntime(context);
  const window = executionWindow(context.getRemainingTimeInMillis());
  switch (payload.source) {
    case 'flowgate.run': {
      const run = await runtime.engine.runs.resume(payload, window);
      return {
        source: payload.source,
        runId: payload.runId,
        claimed: !!run,
        ...(run ? { status: run.status } : {}),
      };
    }
    case 'flowgate.schedule':
      return { source: payload.source, ...(await runtime.scheduled.handle(payload, window)) };
  }
}

/**
 * Target of asynchronous runs and of EventBridge Scheduler. A payload that does not parse
 * is thrown back, so Lambda routes it to the dead-letter queue (its async retries are 0).
 */
export async function handler(event: unknown, context: Context): Promise<ExecutionResult> {
  const parsed = ExecutionPayload.safeParse(event);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    logger.error('execution payload rejected', { problems });
    throw new Error(`Invalid execution payload: ${problems}`);
  }
  const result = await dispatch(parsed.data, context);
  logger.info('execution finished', { ...result });
  return result;
}
