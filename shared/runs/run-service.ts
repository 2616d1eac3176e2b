import { randomBytes } from 'node:crypto';
import { RunCredentials } from '../credentials/credential-vault';
import type { CredentialRepository } from '../credentials/credential-repository';
import type { KeyManagement } from '../crypto/key-management';
import type { Clock } from '../engine/clock';
import { RunEngine, type EngineLimits, type InvocationWindow } from '../engine/run-engine';
import type { Logger } from '../logger';
import type { PlanStep } from '../plans/plan-schema';
import type { ProviderCatalog } from '../plans/plan-validation';
import type { OutboundHttp } from '../providers/types';
import type { AsyncInvoker } from '../runtime/adapters';
import type { RunIdempotencyKey, RunRepository } from './run-repository';
import type { RunRecord, RunTrigger, StepResult } from './run-types';
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
  /** Progress is written at most this often while a run is going (and always at the end). */
  progressIntervalMs?: number;
  /**
   * Called once per run when it ends, by the invocation that recorded the end (which may be a
   * later hand-off, not the one that started it). Its failures are logged, never thrown: the
   * run is already recorded.
   */
  onFinished?: (run: RunRecord) => Promise<void>;
}

/** What `startOnce` did: ran (or handed off) a new run, or found the key already used. */
export type StartOnceResult = { started: true; run: RunRecord } | { started: false; existingRunId?: string };

/** A runaway chain of hand-offs ends here even if the deadline is far away. */
export const MAX_INVOCATIONS = 100;

const token = () => randomBytes(16).toString('hex');

/**
 * Starting, continuing and finishing runs. A run executes in whatever invocation holds
 * its lease; when that invocation's window closes it writes its progress and hands the
 * run to the execution function with a one-time token.
 */
export class RunService {
  constructor(private readonly deps: RunServiceDeps) {}

  /** Creates the run and executes it here until it ends or the window closes. */
  async startHere(input: NewRun, window: InvocationWindow): Promise<RunRecord> {
    const run = this.newRun(input, 'running');
    const leaseId = token();
    await this.deps.runs.create(run, { leaseId });
    return this.drive(run, leaseId, window);
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
    const expiresAt = Math.floor(this.deps.clock.now() / 1000) + keyTtlSeconds;
    const created = await this.deps.runs.createOnce(run, { leaseId }, { ...key, expiresAt });
    if (!created.created) {
      return { started: false, ...(created.runId ? { existingRunId: created.runId } : {}) };
    }
    return { started: true, run: await this.drive(run, leaseId, window) };
  }

  /** Creates the run as pending and starts the execution function on it (webhooks without wait). */
  async enqueue(input: NewRun): Promise<RunRecord> {
    const run = this.newRun(input, 'pending');
    const handoffToken = token();
    await this.deps.runs.create(run, { handoffToken });
    return this.invokeOrFail(run, handoffToken);
  }

  /** The execution function's side of a hand-off; undefined when the token was already used. */
  async resume(payload: RunHandoffPayload, window: InvocationWindow): Promise<RunRecord | undefined> {
    const leaseId = token();
    const run = await this.deps.runs.claim(payload.userId, payload.runId, payload.handoffToken, leaseId);
    if (!run) {
      this.deps.log.warn('run hand-off already claimed', { runId: payload.runId });
      return undefined;
    }
    return this.drive(run, leaseId, window);
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

  private async drive(run: RunRecord, leaseId: string, window: InvocationWindow): Promise<RunRecord> {
    const { runs, clock, log } = this.deps;
    let lastSaved = clock.now();
    const interval = this.deps.progressIntervalMs ?? 1000;
    const engine = new RunEngine(run, {
      catalog: this.deps.catalog,
      credentials: new RunCredentials(run.userId, this.deps.credentials, this.deps.keyManagement()),
      http: this.deps.http(),
      clock,
      log,
      limits: this.deps.limits,
      onProgress: async (results) => {
        if (clock.now() - lastSaved < interval) return;
        lastSaved = clock.now();
        await runs.saveProgress(run.userId, run.runId, leaseId, results());
      },
    });
    let outcome;
    try {
      outcome = await engine.execute(window);
    } catch (err) {
      log.error('run failed unexpectedly', { runId: run.runId, error: err as Error });
      return this.finish(run, leaseId, 'failed', run.results, 'Internal error while running the plan');
    }
    if (outcome.kind === 'finished') {
      return this.finish(run, leaseId, outcome.status, outcome.results, outcome.error);
    }
    if (run.invocations >= MAX_INVOCATIONS) {
      return this.finish(
        run,
        leaseId,
        'failed',
        outcome.results,
        `Gave up after ${MAX_INVOCATIONS} invocations`,
      );
    }
    const handoffToken = token();
    if (!(await runs.handOff(run.userId, run.runId, leaseId, outcome.results, handoffToken))) {
      log.warn('run lease lost before hand-off', { runId: run.runId });
      return { ...run, results: outcome.results };
    }
    log.info('run handed off', { runId: run.runId, steps: outcome.results.length });
    return this.invokeOrFail({ ...run, status: 'running', results: outcome.results }, handoffToken);
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
      const error = 'Could not start the background execution';
      const recorded = await this.deps.runs.failUnclaimed(run.userId, run.runId, handoffToken, error);
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
    status: 'success' | 'failed',
    results: StepResult[],
    error?: string,
  ): Promise<RunRecord> {
    const saved = await this.deps.runs.complete(run.userId, run.runId, leaseId, {
      status,
      results,
      ...(error ? { error } : {}),
    });
    const finished: RunRecord = {
      ...run,
      status,
      results,
      completedAt: new Date(this.deps.clock.now()).toISOString(),
      ...(error ? { error } : {}),
    };
    if (saved) await this.finished(finished);
    else this.deps.log.warn('run lease lost before completion', { runId: run.runId });
    return finished;
  }
}
