import type { Logger } from '../../logger';
import type { RequestMetrics } from '../metrics';
import { SESSION_SHARDS, type SessionDueIndex } from './session-due-index';
import type { SessionService } from './session-service';

export interface SessionSweepReport {
  /** DynamoDB reads of the due index (one query per shard). */
  queries: number;
  due: number;
  closedIdle: number;
  closedExpired: number;
  /** Due in the index but used, replaced or closed by the time the sweep looked. */
  skipped: number;
  failed: number;
}

export interface SessionSweeperDeps {
  index: Pick<SessionDueIndex, 'due'>;
  sessions: Pick<SessionService, 'closeDue'>;
  log: Logger;
  metrics: () => RequestMetrics;
  idleMs: number;
  now?: () => number;
  /** Sessions closed per shard and sweep; the rest wait for the next sweep. */
  batchPerShard?: number;
}

const DEFAULT_BATCH = 100;
/** Closes at once: each is a read, a conditional delete and an upstream call, mostly waiting. */
const CONCURRENCY = 8;

/**
 * Closes model sessions nobody has used for `idleMs`, or that expired, in the table and
 * upstream, off every request's path. Each close is conditional on the item being exactly
 * as the sweep read it, so a session a request is using is never taken away.
 */
export class SessionSweeper {
  constructor(private readonly deps: SessionSweeperDeps) {}

  async sweep(options: { until?: number } = {}): Promise<SessionSweepReport> {
    const now = this.deps.now ?? Date.now;
    const report: SessionSweepReport = {
      queries: 0,
      due: 0,
      closedIdle: 0,
      closedExpired: 0,
      skipped: 0,
      failed: 0,
    };
    const inTime = () => options.until === undefined || now() < options.until;
    const started = now();
    const metrics = this.deps.metrics();
    try {
      for (let shard = 0; shard < SESSION_SHARDS && inTime(); shard++) {
        const due = await this.deps.index.due(shard, started, this.deps.batchPerShard ?? DEFAULT_BATCH);
        report.queries++;
        report.due += due.length;
        let next = 0;
        const worker = async () => {
          while (next < due.length && inTime()) {
            const { keyId, targetId } = due[next++]!;
            try {
              const outcome = await this.deps.sessions.closeDue(keyId, targetId, this.deps.idleMs, {
                log: this.deps.log,
                metrics,
              });
              if (outcome === 'idle') report.closedIdle++;
              else if (outcome === 'expired') report.closedExpired++;
              else report.skipped++;
            } catch (err) {
              report.failed++;
              this.deps.log.warn('model session sweep failed', { targetId, error: err as Error });
            }
          }
        };
        await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, worker));
      }
    } finally {
      metrics.flush();
    }
    return report;
  }
}
