import type { Context } from 'aws-lambda';
import type { SessionSweepReport } from '../shared/gateway/sessions/session-sweeper';
import { logger } from '../shared/logger';
import type { SweepReport } from '../shared/runs/run-sweeper';
import { runSweeper } from '../shared/runs/sweep-wiring';

/** Time kept back at the end of the invocation: no run or session is taken up after it. */
const MARGIN_MS = 10_000;

export interface SweepAllReport extends SweepReport {
  sessions: SessionSweepReport;
}

/**
 * Every minute (an EventBridge rule in AWS, a timer under `npm start`): settles the runs
 * whose executor was lost, so every accepted run reaches `success` or `failed`, then
 * closes the model sessions nobody uses any more, off every request's path. The event
 * itself carries nothing the sweep needs.
 */
export async function handler(_event: unknown, context: Context): Promise<SweepAllReport> {
  const until = Date.now() + context.getRemainingTimeInMillis() - MARGIN_MS;
  const runs = await runSweeper(context).sweep({ until });
  // Loaded only once the runs are settled: the gateway's modules are not on the way of the
  // first sweep after a restart, which is what settles the runs a crash left behind.
  const { sessionSweeper } = await import('../shared/gateway/sessions/session-sweep-wiring');
  const sessions = await sessionSweeper().sweep({ until });
  const report = { ...runs, sessions };
  logger.debug('sweep report', { ...report });
  return report;
}
