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
 * Schedules are re-read from the table every `refreshIntervalMs` (a re-read due just
 * before a fire time waits until that time has been delivered, at most 250 ms), and a
 * schedule the scheduler instance reports changed is re-read at once, so pause, update
 * and delete apply promptly, within about a second when made by another process (the
 * admin CLI).
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
  /** With onChange: a reported change re-reads just that schedule instead of the whole list. */
  get?(name: string): Promise<ScheduleInfo | undefined>;
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
/** A re-read of a few hundred schedules takes tens of ms; one due this close before a fire time waits for it. */
const REFRESH_YIELD_MS = 250;

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
  /** Schedules reported changed since the last pass. */
  private readonly changed = new Set<string>();
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
    this.unsubscribe = this.options.source.onChange?.((name) => this.wake(name));
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

  /**
   * One pass. Reported changes are applied first, so a schedule paused or deleted a moment
   * ago does not fire. What is due is delivered before the periodic re-read (the data is
   * then at most one interval old), so the re-read's own latency never makes a run late.
   */
  async tick(): Promise<void> {
    if (this.changed.size) await this.applyChanges();
    this.deliverDue();
    if (this.clock.now() >= this.refreshDueAt()) {
      await this.refresh();
      this.deliverDue();
    }
  }

  private earliestFire(): number {
    let earliest = Infinity;
    for (const entry of this.entries.values()) {
      if (entry.next !== undefined && entry.next < earliest) earliest = entry.next;
    }
    return earliest;
  }

  /**
   * Every refresh interval, except that a re-read falling just before a fire time is moved
   * to that fire time (the pass delivers first, then re-reads), so it never delays a run.
   */
  private refreshDueAt(): number {
    const regular = this.lastRefresh + this.refreshIntervalMs;
    const fire = this.earliestFire();
    return fire > regular && fire - regular <= REFRESH_YIELD_MS ? fire : regular;
  }

  private wake(name: string): void {
    this.changed.add(name);
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
    const wakeAt = this.changed.size ? now : Math.min(this.refreshDueAt(), this.earliestFire());
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
      this.upsert(info);
    }
    for (const name of this.entries.keys()) if (!seen.has(name)) this.entries.delete(name);
  }

  /** Re-reads only the schedules reported changed; a failure leaves them for the next pass. */
  private async applyChanges(): Promise<void> {
    const get = this.options.source.get?.bind(this.options.source);
    const names = [...this.changed];
    this.changed.clear();
    if (!get) return this.refresh();
    try {
      const infos = await Promise.all(names.map((name) => get(name)));
      names.forEach((name, i) => {
        const info = infos[i];
        if (info) this.upsert(info);
        else this.entries.delete(name);
      });
    } catch (err) {
      for (const name of names) this.changed.add(name);
      throw err;
    }
  }

  private upsert(info: ScheduleInfo): void {
    const fingerprint = fingerprintOf(info);
    const existing = this.entries.get(info.name);
    if (existing?.fingerprint === fingerprint) return;
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

  /**
   * Delivers every due fire time, then works out the next ones: evaluating a cron
   * expression costs more than a delivery, so with hundreds due at once none waits for
   * the others' arithmetic.
   */
  private deliverDue(): void {
    const now = this.clock.now();
    const due = () => [...this.entries.values()].filter((e) => e.next !== undefined && e.next <= now);
    for (let batch = due(); batch.length; batch = due()) {
      const after = new Map<Entry, number>();
      for (const entry of batch) {
        const scheduled = entry.next as number;
        entry.lastFired = scheduled;
        if (now - scheduled > this.maxLatenessMs) {
          this.stats.skippedLate++;
          this.log.warn('fire time missed while the process was not running; not replayed', {
            scheduleName: entry.info.name,
            scheduledTime: new Date(scheduled).toISOString(),
          });
          after.set(entry, Math.max(scheduled, now - this.maxLatenessMs));
        } else {
          this.deliver(entry.info, scheduled);
          after.set(entry, scheduled);
        }
      }
      for (const [entry, from] of after) entry.next = this.nextAfter(entry.info, from);
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
    let started: Promise<void>;
    try {
      // Called now, not in a later microtask, so the delivery time is the fire time.
      started = Promise.resolve(this.options.target(payload));
    } catch (err) {
      started = Promise.reject(err);
    }
    const delivery: Promise<void> = started
      .catch((err: unknown) => {
        this.stats.failed++;
        this.log.error('scheduled delivery failed', { scheduleName: info.name, error: err as Error });
      })
      .finally(() => this.deliveries.delete(delivery));
    this.deliveries.add(delivery);
  }
}
