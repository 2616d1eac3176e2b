/**
 * Delivery for the local scheduler: fires every ENABLED schedule at its fire times by
 * calling the target (the execution function) with the payload EventBridge would send,
 * the schedule's input with `<aws.scheduler.scheduled-time>` and
 * `<aws.scheduler.execution-id>` filled in.
 *
 * EventBridge's behaviour, kept here:
 * - No catch-up after downtime: fire times before the runner started are not replayed.
 *   A fire time found more than `maxLatenessMs` late (the process was suspended) is
 *   skipped too, so waking up never releases a storm.
 * - A new, updated or resumed schedule fires at its next time after the change.
 * - Each (schedule, fire time) is delivered once by this runner.
 *
 * Schedules are re-read from the table at least every `refreshIntervalMs`, and at once
 * when the scheduler instance reports a change, so pause, update and delete apply
 * promptly even when made by another process (the admin CLI).
 */
import { randomUUID } from 'node:crypto';
import { logger as rootLogger, type Logger } from '../../shared/logger';
import { nextFireTimeOf, renderTargetInput, type ScheduleInfo } from '../../shared/scheduling/scheduler-port';

export interface RunnerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: RunnerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Where schedules come from: the LocalScheduler. */
export interface ScheduleSource {
  list(): Promise<ScheduleInfo[]>;
  onChange?(listener: (name: string) => void): () => void;
}

/** Receives the rendered payload; like an asynchronous Lambda invoke it should return quickly. */
export type ScheduleTarget = (payload: unknown) => Promise<void>;

export interface ScheduleRunnerOptions {
  source: ScheduleSource;
  target: ScheduleTarget;
  clock?: RunnerClock;
  refreshIntervalMs?: number;
  maxLatenessMs?: number;
  log?: Logger;
}

interface Entry {
  info: ScheduleInfo;
  fingerprint: string;
  next: number | undefined;
  lastFired: number | undefined;
}

const FIRED_MEMORY_MS = 3_600_000;

const fingerprintOf = (info: ScheduleInfo) =>
  JSON.stringify([
    info.expression,
    info.timezone,
    info.state,
    info.input,
    info.startDate,
    info.endDate,
    info.createdAt,
    info.updatedAt,
  ]);

export class ScheduleRunner {
  readonly stats = { fired: 0, skippedLate: 0, failed: 0 };
  private readonly clock: RunnerClock;
  private readonly refreshIntervalMs: number;
  private readonly maxLatenessMs: number;
  private readonly log: Logger;
  private readonly entries = new Map<string, Entry>();
  /** `name@scheduledTime` already delivered, with the scheduled time for pruning. */
  private readonly fired = new Map<string, number>();
  private readonly deliveries = new Set<Promise<void>>();
  private startedAt = 0;
  private lastRefresh = -Infinity;
  private dirty = false;
  private stopped = true;
  private timer: unknown;
  private running: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly options: ScheduleRunnerOptions) {
    this.clock = options.clock ?? systemClock;
    this.refreshIntervalMs = options.refreshIntervalMs ?? 1000;
    this.maxLatenessMs = options.maxLatenessMs ?? 60_000;
    this.log = options.log ?? rootLogger.child({ component: 'local-scheduler' });
  }

  /** Reads the schedules and starts the loop; fire times before now are not replayed. */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.startedAt = this.clock.now();
    this.unsubscribe = this.options.source.onChange?.(() => this.wake());
    // Marked as running, so a change reported meanwhile waits for this pass.
    this.running = this.tick();
    try {
      await this.running;
    } catch (err) {
      this.running = undefined;
      await this.stop();
      throw err;
    }
    this.running = undefined;
    this.arm();
  }

  /** Stops the loop and waits for the current pass and the deliveries it started. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    await Promise.allSettled([...this.deliveries]);
  }

  /** Resolves when no pass is running (for tests driving a manual clock). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** When the schedule fires next as far as this runner knows (tests, diagnostics). */
  nextFire(name: string): Date | undefined {
    const next = this.entries.get(name)?.next;
    return next === undefined ? undefined : new Date(next);
  }

  /** One pass: re-read the schedules if due (or told of a change), then deliver what is due. */
  async tick(): Promise<void> {
    if (this.dirty || this.clock.now() - this.lastRefresh >= this.refreshIntervalMs) {
      this.dirty = false;
      await this.refresh();
    }
    this.deliverDue();
  }

  private wake(): void {
    this.dirty = true;
    if (this.stopped || this.running) return;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => this.run(), 0);
  }

  private run(): void {
    this.timer = undefined;
    if (this.stopped) return;
    this.running = this.tick()
      .catch((err: unknown) => this.log.warn('schedule pass failed; retrying', { error: err as Error }))
      .finally(() => {
        this.running = undefined;
        this.arm();
      });
  }

  /** Sleeps until the earliest fire time or the next refresh, whichever comes first. */
  private arm(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    let wakeAt = this.dirty ? now : this.lastRefresh + this.refreshIntervalMs;
    for (const entry of this.entries.values()) {
      if (entry.next !== undefined && entry.next < wakeAt) wakeAt = entry.next;
    }
    this.timer = this.clock.setTimeout(
      () => this.run(),
      Math.max(0, Math.min(wakeAt - now, this.refreshIntervalMs)),
    );
  }

  private async refresh(): Promise<void> {
    const infos = await this.options.source.list();
    this.lastRefresh = this.clock.now();
    const seen = new Set<string>();
    for (const info of infos) {
      seen.add(info.name);
      const fingerprint = fingerprintOf(info);
      const existing = this.entries.get(info.name);
      if (existing?.fingerprint === fingerprint) continue;
      // New or changed: its next fire time counts from the change, never from before the
      // runner started, and never repeats a time this runner already delivered.
      const anchor = Math.max(this.startedAt, Date.parse(info.updatedAt), existing?.lastFired ?? -Infinity);
      this.entries.set(info.name, {
        info,
        fingerprint,
        next: this.nextAfter(info, anchor),
        lastFired: existing?.lastFired,
      });
    }
    for (const name of this.entries.keys()) if (!seen.has(name)) this.entries.delete(name);
  }

  private nextAfter(info: ScheduleInfo, after: number): number | undefined {
    try {
      return nextFireTimeOf(info, new Date(after))?.getTime();
    } catch (err) {
      this.log.error('schedule cannot be evaluated; it will not fire', {
        scheduleName: info.name,
        error: err as Error,
      });
      return undefined;
    }
  }

  private deliverDue(): void {
    const now = this.clock.now();
    for (const entry of this.entries.values()) {
      while (entry.next !== undefined && entry.next <= now) {
        const scheduled = entry.next;
        if (now - scheduled > this.maxLatenessMs) {
          this.stats.skippedLate++;
          this.log.warn('fire time missed while the process was not running; not replayed', {
            scheduleName: entry.info.name,
            scheduledTime: new Date(scheduled).toISOString(),
          });
          entry.lastFired = scheduled;
          entry.next = this.nextAfter(entry.info, Math.max(scheduled, now - this.maxLatenessMs));
          continue;
        }
        this.deliver(entry.info, scheduled);
        entry.lastFired = scheduled;
        entry.next = this.nextAfter(entry.info, scheduled);
      }
    }
    for (const [key, scheduled] of this.fired) if (scheduled < now - FIRED_MEMORY_MS) this.fired.delete(key);
  }

  private deliver(info: ScheduleInfo, scheduled: number): void {
    const key = `${info.name}@${scheduled}`;
    if (this.fired.has(key)) return;
    this.fired.set(key, scheduled);
    let payload: unknown;
    try {
      payload = JSON.parse(renderTargetInput(info.input, new Date(scheduled), randomUUID()));
    } catch (err) {
      this.stats.failed++;
      this.log.error('schedule input is not JSON after substitution', {
        scheduleName: info.name,
        error: err as Error,
      });
      return;
    }
    this.stats.fired++;
    const delivery: Promise<void> = Promise.resolve()
      .then(() => this.options.target(payload))
      .catch((err: unknown) => {
        this.stats.failed++;
        this.log.error('scheduled delivery failed', { scheduleName: info.name, error: err as Error });
      })
      .finally(() => this.deliveries.delete(delivery));
    this.deliveries.add(delivery);
  }
}
