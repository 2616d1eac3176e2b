import type { Clock } from '../engine/clock';
import type { Logger } from '../logger';

/** What the keeper renews through: the run repository, for one run and one lease. */
export type RenewLease = (leaseUntil: number) => Promise<boolean>;

/** After a renewal that could not reach the table, the next try comes this soon. */
const RETRY_MS = 1000;

/**
 * Keeps an executor's lease on a run alive while it works. Every write the executor makes
 * moves the lease on (progress, hand-off); the keeper renews only when half a lease has
 * passed without one, so a run shorter than that costs no renewal at all.
 *
 * It also tells the executor when to stop: once the lease is lost (another writer took the
 * run) or has run out by this executor's own clock without a successful renewal (the table
 * was unreachable), no new attempt may start, because the sweeper may already be giving the
 * run to someone else.
 */
export class LeaseKeeper {
  private confirmedUntil: number;
  private lastWrite: number;
  private lost = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly renew: RenewLease,
    private readonly options: { leaseMs: number; clock: Clock; log: Logger; leaseUntil: number },
  ) {
    this.confirmedUntil = options.leaseUntil;
    this.lastWrite = options.clock.now();
  }

  /** The `leaseUntil` a write made now should carry. */
  next(): number {
    return this.options.clock.now() + this.options.leaseMs;
  }

  /** A write carrying `leaseUntil` succeeded (false: the run has another holder now). */
  recorded(leaseUntil: number, held: boolean): void {
    if (!held) {
      this.lost = true;
      return;
    }
    this.confirmedUntil = leaseUntil;
    this.lastWrite = this.options.clock.now();
  }

  /** True while this executor may start work on the run. */
  owned(): boolean {
    // A margin for clock skew between this executor and the sweeper.
    const margin = Math.min(5000, this.options.leaseMs / 4);
    return !this.lost && this.options.clock.now() < this.confirmedUntil - margin;
  }

  start(): void {
    this.schedule(this.options.leaseMs / 2);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.stopped = true;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.lost) return;
    const half = this.options.leaseMs / 2;
    const idle = this.options.clock.now() - this.lastWrite;
    if (idle < half) return this.schedule(half - idle);
    const leaseUntil = this.next();
    try {
      this.recorded(leaseUntil, await this.renew(leaseUntil));
      if (!this.lost) this.schedule(half);
    } catch (err) {
      this.options.log.warn('run lease renewal failed; retrying', { error: err as Error });
      this.schedule(RETRY_MS);
    }
  }
}
