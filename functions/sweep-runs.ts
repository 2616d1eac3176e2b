import type { Context } from 'aws-lambda';
import { logger } from '../shared/logger';
import type { SweepReport } from '../shared/runs/run-sweeper';
import { runSweeper } from '../shared/runs/sweep-wiring';

/**
 * Every minute (an EventBridge rule in AWS, a timer under `npm start`): settles the runs
 * whose executor was lost, so every accepted run reaches `success` or `failed`. The event
 * itself carries nothing the sweep needs.
 */
/** Time kept back at the end of the invocation: no run is taken up after it. */
const MARGIN_MS = 10_000;

export async function handler(_event: unknown, context: Context): Promise<SweepReport> {
  const until = Date.now() + context.getRemainingTimeInMillis() - MARGIN_MS;
  const report = await runSweeper(context).sweep({ until });
  logger.debug('sweep report', { ...report });
  return report;
}
