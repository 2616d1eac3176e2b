import { logger } from '../shared/logger';

/**
 * Target of EventBridge Scheduler and of asynchronous runs. It records what it was
 * asked to do; the automation engine gives it work to run.
 */
export async function handler(event: unknown): Promise<{ accepted: boolean }> {
  logger.info('execution requested', { event: event as Record<string, unknown> });
  return { accepted: true };
}
