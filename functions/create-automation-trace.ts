import { env } from '../shared/config/env';
import { http } from '../shared/http/http';
import { created } from '../shared/http/response';
import { requestWindow } from '../shared/runs/run-window';
import { CreateTraceBody } from '../shared/traces/trace-body';
import { traceService } from '../shared/traces/trace-runtime';
import { traceView } from '../shared/traces/trace-views';

/**
 * Saves a draft trace: drafted by the LLM from `message`, or given as `steps`. With
 * `dry_run` it also runs once, as "run now" does, and the response links that run.
 */
export const handler = http(
  async ({ body, identity, context, log }) => {
    const { trace, dryRun } = await traceService().create(identity, body, {
      log,
      runWindow: () => requestWindow(context.getRemainingTimeInMillis(), env.RUN_SYNC_BUDGET_MS),
    });
    log.info('trace created', { traceId: trace.traceId, steps: trace.steps.length, dryRun: !!dryRun });
    return created({
      ...traceView(trace, dryRun),
      ...(dryRun ? { dry_run: { run_id: dryRun.runId, log_id: dryRun.runId, status: dryRun.status } } : {}),
    });
  },
  { schema: { body: CreateTraceBody } },
);
