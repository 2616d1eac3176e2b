import type { Context } from 'aws-lambda';
import { logger } from '../shared/logger';
import type { SweepReport } from '../shared/runs/run-sweeper';
import { runSweeper } from '../shared/runs/sweep-wiring';

/**
 * Every minute (an EventBridge rule in AWS, a timer under `npm start`): settles the runs
 * whose executor was lost, so every accepted run reaches `success` or `failed`. The event
 * itself carries nothing the sweep needs.
 */
export async function handler(_event: unknown, context: Context): Promise<SweepReport> {
  const report = await runSweeper(context).sweep();
  logger.debug('sweep report', { ...report });
  return report;
}
