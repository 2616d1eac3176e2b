import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { selfInvoker } from '../shared/engine/edges';
import { buildEngineRuntime, type EngineRuntime } from '../shared/engine/runtime';
import { logger } from '../shared/logger';
import { executionWindow } from '../shared/runs/run-window';

/**
 * Every payload the execution function accepts, told apart by `source`:
 *  - `flowgate.run`: continue (or start) a persisted run handed off by "run now" or a webhook.
 * Scheduled runs (`flowgate.schedule`, see shared/scheduling/scheduler-port.ts) join this
 * union as one more member with their own branch in `dispatch`.
 */
const RunPayload = z.strictObject({
  source: z.literal('flowgate.run'),
  userId: z.string().min(1).max(128),
  runId: z.string().min(1).max(128),
  handoffToken: z.string().regex(/^[0-9a-f]{32}$/),
});

export const ExecutionPayload = z.discriminatedUnion('source', [RunPayload]);
export type ExecutionPayload = z.infer<typeof ExecutionPayload>;

export interface ExecutionResult {
  source: ExecutionPayload['source'];
  runId: string;
  /** `claimed: false` when another delivery of the same hand-off got there first. */
  claimed: boolean;
  status?: string;
}

let runtime: EngineRuntime | undefined;

/** Built on the first event: the function's own name, for hand-offs, comes with the context. */
function runtimeFor(context: Context): EngineRuntime {
  runtime ??= buildEngineRuntime({ invoker: selfInvoker(context.functionName) });
  return runtime;
}

async function dispatch(payload: ExecutionPayload, context: Context): Promise<ExecutionResult> {
  switch (payload.source) {
    case 'flowgate.run': {
      const run = await runtimeFor(context).runs.resume(
        payload,
        executionWindow(context.getRemainingTimeInMillis()),
      );
      return {
        source: payload.source,
        runId: payload.runId,
        claimed: !!run,
        ...(run ? { status: run.status } : {}),
      };
    }
  }
}

/**
 * Target of asynchronous runs (and, with scheduling, of EventBridge Scheduler). A payload
 * that does not parse is thrown back, so Lambda routes it to the dead-letter queue.
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
