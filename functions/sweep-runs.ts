import type { Context } from 'aws-lambda';
import { sessionSweeper } from '../shared/gateway/sessions/session-sweep-wiring';
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
  const sessions = await sessionSweeper().sweep({ until });
  const report = { ...runs, sessions };
  logger.debug('sweep report', { ...report });
  return report;
}
