import { randomBytes } from 'node:crypto';
import { RunCredentials } from '../credentials/credential-vault';
import type { CredentialRepository } from '../credentials/credential-repository';
import type { KeyManagement } from '../crypto/key-management';
import type { Clock } from '../engine/clock';
import {
  RunEngine,
  type EngineLimits,
  type EngineOutcome,
  type InvocationWindow,
} from '../engine/run-engine';
import type { Logger } from '../logger';
import type { PlanStep } from '../plans/plan-schema';
import type { ProviderCatalog } from '../plans/plan-validation';
import type { OutboundHttp } from '../providers/types';
import type { AsyncInvoker } from '../runtime/adapters';
import { retryWhileUnavailable } from '../db/unavailable';
import { LeaseKeeper } from './lease-keeper';
import type { RunEnding, RunIdempotencyKey, RunRepository } from './run-repository';
import { RunSeal } from './run-seal';
import type { RunRecord, RunStatus, RunTrigger, TriggerType } from './run-types';
import { newSortableId } from './sortable-id';

/** The execution function's payload for a run to start or continue (see functions/execute-run.ts). */
export interface RunHandoffPayload {
  source: 'flowgate.run';
  userId: string;
  runId: string;
  /** One-time: whoever presents it first owns the run; a duplicate delivery finds it used. */
  handoffToken: string;
}

export interface NewRun {
  userId: string;
  planId?: string;
  traceId?: string;
  steps: PlanStep[];
  trigger: RunTrigger;
}

export interface RunServiceDeps {
  runs: RunRepository;
  catalog: ProviderCatalog;
  credentials: CredentialRepository;
  keyManagement: () => KeyManagement;
  http: () => OutboundHttp;
  invoker: () => AsyncInvoker;
  clock: Clock;
  log: Logger;
  limits: EngineLimits;
  maxDurationMs: number;
  /** How long an executor's claim on a run lasts without being renewed (see ./run-lease.ts). */
  leaseMs: number;
  /** Progress is written at most this often while a run is going (and always at the end). */
  progressIntervalMs?: number;
  /**
   * Called once per run when it ends, by the invocation that recorded the end (which may be a
   * later hand-off, not the one that started it). Its failures are logged, never thrown: the
   * run is already recorded.
   */
  onFinished?: (run: RunRecord) => Promise<void>;
  /** Counts each run that ends here, once, by status and trigger (the dashboard's run outcomes). */
  outcomes?: { runFinished(status: RunStatus, trigger: TriggerType): void };
}

/** What `startOnce` did: ran (or handed off) a new run, or found the key already used. */
export type StartOnceResult = { started: true; run: RunRecord } | { started: false; existingRunId?: string };

/** A runaway chain of hand-offs ends here even if the deadline is far away. */
export const MAX_INVOCATIONS = 100;

const token = () => randomBytes(16).toString('hex');

/**
 * Starting, continuing and finishing runs. A run executes in whatever invocation holds
 * its lease; when that invocation's window closes it writes its progress and hands the
 * run to the execution function with a one-time token. Everything the run produces goes
 * through its RunSeal before it is written, logged or returned.
 */
export class RunService {
  constructor(private readonly deps: RunServiceDeps) {}

  /** Creates the run and executes it here until it ends or the window closes. */
  async startHere(input: NewRun, window: InvocationWindow): Promise<RunRecord> {
    const run = this.newRun(input, 'running');
    const leaseId = token();
    const leaseUntil = this.leaseUntil();
    await this.deps.runs.create(run, { leaseId, leaseUntil });
    return this.drive(run, leaseId, leaseUntil, window);
  }

  /**
   * Like startHere, but at most once per idempotency key: a second call with the same key
   * (a redelivered scheduled event, sequential or concurrent) creates nothing and runs nothing.
   */
  async startOnce(
    input: NewRun,
    key: Omit<RunIdempotencyKey, 'expiresAt'>,
    keyTtlSeconds: number,
    window: InvocationWindow,
  ): Promise<StartOnceResult> {
    const run = this.newRun(input, 'running');
    const leaseId = token();
    const leaseUntil = this.leaseUntil();
    const expiresAt = Math.floor(this.deps.clock.now() / 1000) + keyTtlSeconds;
    const created = await this.deps.runs.createOnce(run, { leaseId, leaseUntil }, { ...key, expiresAt });
    if (!created.created) {
      return { started: false, ...(created.runId ? { existingRunId: created.runId } : {}) };
    }
    return { started: true, run: await this.drive(run, leaseId, leaseUntil, window) };
  }

  /** Creates the run as pending and starts the execution function on it (webhooks without wait). */
  async enqueue(input: NewRun): Promise<RunRecord> {
    const run = this.newRun(input, 'pending');
    const handoffToken = token();
    await this.deps.runs.create(run, { handoffToken, leaseUntil: this.leaseUntil() });
    return this.invokeOrFail(run, handoffToken);
  }

  /** The execution function's side of a hand-off; undefined when the token was already used. */
  async resume(payload: RunHandoffPayload, window: InvocationWindow): Promise<RunRecord | undefined> {
    const leaseId = token();
    const leaseUntil = this.leaseUntil();
    const run = await this.deps.runs.claim(
      payload.userId,
      payload.runId,
      payload.handoffToken,
      leaseId,
      leaseUntil,
    );
    if (!run) {
      this.deps.log.warn('run hand-off already claimed', { runId: payload.runId });
      return undefined;
    }
    return this.drive(run, leaseId, leaseUntil, window);
  }

  /**
   * Starts the execution function on a run that waits with `handoffToken` (the sweeper's
   * recovery of a run whose executor was lost). If the invoke is refused the run fails.
   */
  dispatch(run: RunRecord, handoffToken: string): Promise<RunRecord> {
    return this.invokeOrFail(run, handoffToken);
  }

  private leaseUntil(): number {
    return this.deps.clock.now() + this.deps.leaseMs;
  }

  private newRun(input: NewRun, status: 'pending' | 'running'): RunRecord {
    const now = this.deps.clock.now();
    const iso = new Date(now).toISOString();
    return {
      runId: newSortableId('run', now),
      userId: input.userId,
      ...(input.planId ? { planId: input.planId } : {}),
      ...(input.traceId ? { traceId: input.traceId } : {}),
      status,
      trigger: input.trigger,
      steps: input.steps,
      results: [],
      createdAt: iso,
      ...(status === 'running' ? { startedAt: iso } : {}),
      deadlineAt: now + this.deps.maxDurationMs,
      invocations: status === 'running' ? 1 : 0,
    };
  }

  private async drive(
    run: RunRecord,
    leaseId: string,
    leaseUntil: number,
    window: InvocationWindow,
  ): Promise<RunRecord> {
    const { runs, clock } = this.deps;
    const credentials = new RunCredentials(run.userId, this.deps.credentials, this.deps.keyManagement());
    const seal = new RunSeal(credentials.redactor, this.deps.limits);
    // Whatever is logged about this run is redacted with the secrets it decrypts.
    const log = this.deps.log.redacting(credentials.redactor);
    const keeper = new LeaseKeeper((until) => runs.renew(run.userId, run.runId, leaseId, until), {
      leaseMs: this.deps.leaseMs,
      clock,
      log,
      leaseUntil,
    });
    let lastSaved = clock.now();
    const interval = this.deps.progressIntervalMs ?? 1000;
    const engine = new RunEngine(run, {
      catalog: this.deps.catalog,
      credentials,
      http: this.deps.http(),
      clock,
      log,
      defaultTimeoutMs: this.deps.limits.defaultTimeoutMs,
      seal,
      stillOwned: () => keeper.owned(),
      onProgress: async (results) => {
        if (clock.now() - lastSaved < interval) return;
        lastSaved = clock.now();
        const until = keeper.next();
        try {
          keeper.recorded(until, await runs.saveProgress(run.userId, run.runId, leaseId, results(), until));
        } catch (err) {
          // Progress is a courtesy; the end is recorded in full. The keeper retries the lease.
          log.warn('run progress could not be saved', { runId: run.runId, error: err as Error });
        }
      },
    });
    keeper.start();
    let outcome: EngineOutcome;
    try {
      outcome = await engine.execute(window);
    } catch (err) {
      log.error('run failed unexpectedly', { runId: run.runId, error: err as Error });
      outcome = {
        kind: 'finished',
        status: 'failed',
        results: seal.results(run.results),
        error: seal.text('Internal error while running the plan'),
      };
    } finally {
      keeper.stop();
    }
    if (outcome.kind === 'lost') {
      log.warn('run lease lost; another executor has the run', { runId: run.runId });
      return run;
    }
    if (outcome.kind === 'finished') {
      return this.finish(run, leaseId, seal, window, {
        status: outcome.status,
        results: outcome.results,
        ...(outcome.error ? { error: outcome.error } : {}),
      });
    }
    if (run.invocations >= MAX_INVOCATIONS) {
      return this.finish(run, leaseId, seal, window, {
        status: 'failed',
        results: outcome.results,
        error: seal.text(`Gave up after ${MAX_INVOCATIONS} invocations`),
      });
    }
    const handoffToken = token();
    const handed = await this.record(
      () => runs.handOff(run.userId, run.runId, leaseId, outcome.results, handoffToken, this.leaseUntil()),
      window,
      log,
    );
    if (!handed) {
      log.warn('run lease lost before hand-off', { runId: run.runId });
      return { ...run, results: outcome.results };
    }
    log.info('run handed off', { runId: run.runId, steps: outcome.results.length });
    return this.invokeOrFail({ ...run, status: 'running', results: outcome.results }, handoffToken);
  }

  /**
   * Writes a run's end or hand-off. False when the lease was lost, or when the table stayed
   * unreachable for the rest of the window: the lease then runs out and the sweeper settles
   * the run, so nothing is left hanging either way.
   */
  private async record(
    write: () => Promise<boolean>,
    window: InvocationWindow,
    log: Logger,
  ): Promise<boolean> {
    try {
      return await retryWhileUnavailable(write, { clock: this.deps.clock, until: window.finishBy });
    } catch (err) {
      log.error('run state could not be recorded; its lease will run out and the sweeper settles it', {
        error: err as Error,
      });
      return false;
    }
  }

  private async invokeOrFail(run: RunRecord, handoffToken: string): Promise<RunRecord> {
    const payload: RunHandoffPayload = {
      source: 'flowgate.run',
      userId: run.userId,
      runId: run.runId,
      handoffToken,
    };
    try {
      await this.deps.invoker().invoke(payload);
      return run;
    } catch (err) {
      // Nobody will pick the run up: record it as failed rather than leave it pending forever.
      this.deps.log.error('could not start the execution function', {
        runId: run.runId,
        error: err as Error,
      });
      const error = RunSeal.plain(this.deps.limits).text('Could not start the background execution');
      let recorded = false;
      try {
        recorded = await this.deps.runs.failUnclaimed(run.userId, run.runId, handoffToken, error);
      } catch (failure) {
        // The table is down too: the run keeps its lease, which runs out; the sweeper retries it.
        this.deps.log.error('could not record the failed start', {
          runId: run.runId,
          error: failure as Error,
        });
        return run;
      }
      const failed: RunRecord = {
        ...run,
        status: 'failed',
        error,
        completedAt: new Date(this.deps.clock.now()).toISOString(),
      };
      if (recorded) await this.finished(failed);
      return failed;
    }
  }

  private async finished(run: RunRecord): Promise<void> {
    try {
      this.deps.outcomes?.runFinished(run.status, run.trigger.type);
    } catch (err) {
      // A metric is never worth a run's end hook (the repeated-failure rule runs there).
      this.deps.log.warn('run outcome metric failed', { runId: run.runId, error: err as Error });
    }
    if (!this.deps.onFinished) return;
    try {
      await this.deps.onFinished(run);
    } catch (err) {
      this.deps.log.error('run finished hook failed', { runId: run.runId, error: err as Error });
    }
  }

  private async finish(
    run: RunRecord,
    leaseId: string,
    seal: RunSeal,
    window: InvocationWindow,
    ending: Omit<RunEnding, 'trigger'>,
  ): Promise<RunRecord> {
    // The trigger was stored before any secret was known; it is rewritten only if it held one.
    const trigger = seal.trigger(run.trigger);
    const triggerChanged = JSON.stringify(trigger) !== JSON.stringify(run.trigger);
    const log = this.deps.log.redacting(seal.redactor);
    const saved = await this.record(
      () =>
        this.deps.runs.complete(run.userId, run.runId, leaseId, {
          ...ending,
          ...(triggerChanged ? { trigger } : {}),
        }),
      window,
      log,
    );
    if (!saved) {
      log.warn('run lease lost before completion', { runId: run.runId });
      return { ...run, trigger, results: ending.results };
    }
    const finished: RunRecord = {
      ...run,
      trigger,
      status: ending.status,
      results: ending.results,
      completedAt: new Date(this.deps.clock.now()).toISOString(),
      ...(ending.error ? { error: ending.error } : {}),
    };
    await this.finished(finished);
    return finished;
  }
}
