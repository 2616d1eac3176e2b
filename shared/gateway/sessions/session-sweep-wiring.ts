import { defaultRepositoryDeps } from '../../clients/dynamodb';
import { logger } from '../../logger';
import { gateway } from '../gateway';
import { RequestMetrics } from '../metrics';
import { SessionDueIndex } from './session-due-index';
import { SessionSweeper } from './session-sweeper';

let cached: SessionSweeper | undefined;

/** The sweep function's session sweeper: the function's gateway, built once per cold start. */
export function sessionSweeper(): SessionSweeper {
  if (cached) return cached;
  const gw = gateway();
  cached = new SessionSweeper({
    index: new SessionDueIndex(defaultRepositoryDeps()),
    sessions: gw.sessions,
    log: logger.child({ component: 'session-sweeper' }),
    metrics: () => new RequestMetrics(),
    idleMs: gw.config.sessionIdleMs,
  });
  return cached;
}
