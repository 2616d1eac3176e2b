import { randomBytes } from 'node:crypto';
import type { Clock } from '../engine/clock';
import type { Logger } from '../logger';
import type { PlanStep } from '../plans/plan-schema';
import type { ProviderCatalog } from '../plans/plan-validation';
import { LEASE_SHARDS } from './run-lease';
import type { ExpiredLease, RunLeaseIndex } from './run-lease-index';
import type { RunRepository } from './run-repository';
import { RunSeal, type SealLimits } from './run-seal';
import type { RunService } from './run-service';
import type { RunRecord } from './run-types';
import { abandonedResults, decide, type SweepPolicy } from './sweep-decision';

export const RUN_ABANDONED = 'run_abandoned';

export interface RunSweeperDeps {
  index: Pick<RunLeaseIndex, 'expired'>;
  runs: Pick<RunRepository, 'read' | 'reassign' | 'abandon'>;
  service: Pick<RunService, 'dispatch'>;
  catalog: ProviderCatalog;
  clock: Clock;
  log: Logger;
  limits: SealLimits;
  leaseMs: number;
  maxRecoveries: number;
  /** Told of each run the sweep ended: the repeated-failure rule, the audit log, the metric. */
  onAbandoned?: (run: RunRecord, reason: string) => Promise<void>;
  /** Runs settled per shard and sweep; the rest wait for the next sweep. */
  batchPerShard?: number;
}

export interface SweepReport {
  /** DynamoDB reads of the lease index (one query per shard). */
  queries: number;
  expired: number;
  resumed: number;
  abandoned: number;
  /** Expired in the index but renewed, claimed or finished by the time the sweep looked. */
  skipped: number;
  failed: number;
}

const DEFAULT_BATCH = 100;
/** Runs settled at once: each is a few sequential requests, mostly waiting. */
const CONCURRENCY = 8;

/**
 * Finds runs whose lease ran out (their executor is gone) and settles each: resumed by a
 * new executor, or ended `failed` with error code `run_abandoned` (./sweep-decision.ts
 * says which, and why). Every action is conditional on the lease being exactly as the
 * sweep read it, so an executor that comes back, or a second sweep running at the same
 * time, can never make a run end twice or run twice.
 */
export class RunSweeper {
  private readonly policy: SweepPolicy;

  constructor(private readonly deps: RunSweeperDeps) {
    this.policy = {
      maxRecoveries: deps.maxRecoveries,
      idempotent: (step, userId) => this.idempotent(step, userId),
    };
  }

  /**
   * One sweep. Runs are settled several at a time; none is started after `until` (epoch ms,
   * the invoking function's own time limit), and what is left waits for the next sweep.
   */
  async sweep(options: { until?: number } = {}): Promise<SweepReport> {
    const report: SweepReport = { queries: 0, expired: 0, resumed: 0, abandoned: 0, skipped: 0, failed: 0 };
    const now = this.deps.clock.now();
    const inTime = () => options.until === undefined || this.deps.clock.now() < options.until;
    for (let shard = 0; shard < LEASE_SHARDS && inTime(); shard++) {
      const expired = await this.deps.index.expired(shard, now, this.deps.batchPerShard ?? DEFAULT_BATCH);
      report.queries++;
      report.expired += expired.length;
      let next = 0;
      const worker = async () => {
        while (next < expired.length && inTime()) {
          const entry = expired[next++]!;
          try {
            report[await this.settle(entry)]++;
          } catch (err) {
            report.failed++;
            this.deps.log.error('sweep could not settle a run', { runId: entry.runId, error: err as Error });
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, expired.length) }, worker));
    }
    if (report.expired > 0) this.deps.log.info('sweep finished', { ...report });
    return report;
  }

  private async settle({ userId, runId }: ExpiredLease): Promise<'resumed' | 'abandoned' | 'skipped'> {
    const found = await this.deps.runs.read(userId, runId);
    const now = this.deps.clock.now();
    // The index lags the table: the run may have been renewed, claimed or finished since.
    if (!found?.lease || found.lease.leaseUntil >= now) return 'skipped';
    const { record, lease } = found;
    const decision = await decide(record, lease, now, this.policy);
    const log = this.deps.log.child({ runId, userId });
    if (decision.kind === 'resume') {
      const token = randomBytes(16).toString('hex');
      if (!(await this.deps.runs.reassign(userId, runId, lease, token, now + this.deps.leaseMs)))
        return 'skipped';
      log.warn('run lost its executor; resuming it', { recoveries: lease.recoveries + 1 });
      await this.deps.service.dispatch(record, token);
      return 'resumed';
    }
    const seal = RunSeal.plain(this.deps.limits);
    const message = `The run was abandoned: ${decision.reason}`;
    const held = lease.leaseId !== undefined;
    const results = seal.results(abandonedResults(record, decision.from, message, now, held));
    const error = seal.text(message);
    const ended = await this.deps.runs.abandon(userId, runId, lease, {
      status: 'failed',
      results,
      error,
      errorCode: RUN_ABANDONED,
    });
    if (!ended) return 'skipped';
    log.warn('run abandoned', { reason: decision.reason, trigger: record.trigger.type });
    const abandoned: RunRecord = {
      ...record,
      status: 'failed',
      results,
      error,
      errorCode: RUN_ABANDONED,
      completedAt: new Date(now).toISOString(),
    };
    try {
      await this.deps.onAbandoned?.(abandoned, decision.reason);
    } catch (err) {
      log.error('abandoned run hook failed', { error: err as Error });
    }
    return 'abandoned';
  }

  /** Unknown providers and actions count as safe: running such a step again only fails it again. */
  private async idempotent(step: PlanStep, userId: string): Promise<boolean> {
    const provider = await this.deps.catalog.find(step.provider, userId);
    const action =
      provider && Object.hasOwn(provider.actions, step.action) ? provider.actions[step.action] : undefined;
    if (!action) return true;
    const rule = action.idempotent;
    return typeof rule === 'function' ? rule(step.params as Record<string, unknown>) : rule === true;
  }
}
