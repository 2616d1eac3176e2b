import type { Logger } from '../logger';
import type { PlanStep } from '../plans/plan-schema';
import type { ProviderCatalog } from '../plans/plan-validation';
import type { OutboundHttp, ProviderDefinition } from '../providers/types';
import type { RunSeal, Sealed } from '../runs/run-seal';
import type { RunTrigger, StepResult } from '../runs/run-types';
import { MAX_BACKOFF_MS, backoffDelay } from './backoff';
import type { Clock } from './clock';
import { runAttempt } from './step-attempt';
import { TemplateError, resolveTemplates, type TemplateContext } from './templating';

/** Retries when a step sets none: three attempts, starting half a second apart. */
export const DEFAULT_RETRY = { max_attempts: 3, backoff_ms: 500 } as const;

export interface EngineLimits {
  defaultTimeoutMs: number;
  outputMaxBytes: number;
  resultsMaxBytes: number;
}

/** Decrypts a run's credentials; whatever it hands out, the run's seal already knows. */
export interface CredentialSource {
  get(provider: string, credentialType: string): Promise<string | undefined>;
}

export interface EngineDeps {
  catalog: ProviderCatalog;
  credentials: CredentialSource;
  http: OutboundHttp;
  clock: Clock;
  log: Logger;
  /** Per-attempt timeout of a step that sets none. */
  defaultTimeoutMs: number;
  /** Redacts and caps everything the engine hands back (see shared/runs/run-seal.ts). */
  seal: RunSeal;
  /**
   * Called after every finished step. `results()` gives the results so far, sealed; it is
   * a function so a caller that does not save this time pays nothing.
   */
  onProgress?: (results: () => Sealed<StepResult[]>) => Promise<void>;
  /** False once this executor has lost the run's lease: nothing more may start. */
  stillOwned?: () => boolean;
}

export interface EngineRun {
  runId: string;
  userId: string;
  steps: PlanStep[];
  trigger: RunTrigger;
  /** Results from earlier invocations; a `running` entry is a step waiting to retry. */
  results: StepResult[];
  /** The run's own deadline (epoch ms): nothing starts after it. */
  deadlineAt: number;
}

/**
 * When this invocation must let go: no attempt starts after `startBy`, and an attempt
 * only starts if its timeout ends before `finishBy`. An attempt that began always runs to
 * its end here, so handing the rest of the run to another invocation never repeats it.
 */
export interface InvocationWindow {
  startBy: number;
  finishBy: number;
  /**
   * No later invocation has a longer window (the execution function's own). Its first
   * attempt, if it does not fit, runs cut to the window: handing it on would repeat forever.
   */
  longest?: boolean;
}

/** An attempt is not cut to fit a window shorter than this. */
const MIN_ATTEMPT_MS = 1000;

export type EngineOutcome =
  | {
      kind: 'finished';
      status: 'success' | 'failed';
      error?: Sealed<string>;
      results: Sealed<StepResult[]>;
    }
  | { kind: 'yield'; results: Sealed<StepResult[]> }
  /** Another executor owns the run now (the sweeper took it over): this one stops, writing nothing. */
  | { kind: 'lost' };

/** Runs a plan's steps in order, from wherever the run stands, until it ends or must hand off. */
export class RunEngine {
  private readonly outputs = new Map<string, unknown>();
  /** Attempts started in this invocation. */
  private attemptsHere = 0;

  constructor(
    private readonly run: EngineRun,
    private readonly deps: EngineDeps,
  ) {
    // Outputs stored whole by earlier invocations; cut ones are not available to templates.
    for (const r of run.results)
      if (r.status === 'success' && !r.outputTruncated) this.outputs.set(r.id, r.output);
  }

  async execute(window: InvocationWindow): Promise<EngineOutcome> {
    const results = [...this.run.results];
    for (let index = 0; index < this.run.steps.length; index++) {
      const step = this.run.steps[index] as PlanStep;
      const previous = results[index];
      if (previous && previous.status !== 'running') continue;
      if (!previous && this.deps.clock.now() >= window.startBy) return this.yieldWith(results);
      let result: StepResult;
      try {
        result = await this.runStep(step, previous, window);
      } catch (err) {
        if (err instanceof YieldAt) return this.yieldWith(results, err.partial);
        if (err instanceof LeaseLost) return { kind: 'lost' };
        throw err;
      }
      results[index] = result;
      this.deps.log.info('step finished', {
        runId: this.run.runId,
        stepId: step.id,
        status: result.status,
        attempts: result.attempts,
        durationMs: result.durationMs,
      });
      const ends = this.endsRun(step, result);
      if (ends) {
        const final = this.deps.seal.results([...results, ...this.skipped(index + 1)]);
        return {
          kind: 'finished',
          status: ends.status,
          ...(ends.error ? { error: this.deps.seal.text(ends.error) } : {}),
          results: final,
        };
      }
      await this.deps.onProgress?.(() => this.deps.seal.results(results));
    }
    return { kind: 'finished', status: 'success', results: this.deps.seal.results(results) };
  }

  private endsRun(
    step: PlanStep,
    result: StepResult,
  ): { status: 'success' | 'failed'; error?: string } | undefined {
    if (result.status === 'failed' && !step.continue_on_error) {
      return {
        status: 'failed',
        error: `Step ${step.id} failed: ${result.error ?? result.message ?? 'unknown error'}`,
      };
    }
    if (result.control === 'stop')
      return { status: 'failed', error: `Stopped by the condition in step ${step.id}` };
    if (result.control === 'skip_remaining') return { status: 'success' };
    return undefined;
  }

  private skipped(from: number): StepResult[] {
    return this.run.steps.slice(from).map((s) => ({
      id: s.id,
      provider: s.provider,
      action: s.action,
      status: 'skipped' as const,
      attempts: 0,
    }));
  }

  private async runStep(
    step: PlanStep,
    previous: StepResult | undefined,
    window: InvocationWindow,
  ): Promise<StepResult> {
    const { clock } = this.deps;
    const startedMs = previous?.startedAt ? Date.parse(previous.startedAt) : clock.now();
    const base: StepResult = {
      id: step.id,
      provider: step.provider,
      action: step.action,
      status: 'running',
      attempts: previous?.attempts ?? 0,
      startedAt: new Date(startedMs).toISOString(),
    };
    const fail = (error: string, extra: Partial<StepResult> = {}): StepResult =>
      this.done({ ...base, ...extra, status: 'failed', error }, startedMs);

    const provider = await this.deps.catalog.find(step.provider, this.run.userId);
    const action =
      provider && Object.hasOwn(provider.actions, step.action) ? provider.actions[step.action] : undefined;
    if (!provider || !action) return fail(`Unknown provider or action ${step.provider}.${step.action}`);

    let params: unknown;
    try {
      params = resolveTemplates(step.params, this.templateContext());
    } catch (err) {
      if (err instanceof TemplateError) return fail(err.message);
      throw err;
    }
    const parsed = action.params.safeParse(params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(
        `Invalid params after templating: ${issue?.path.join('.') || 'params'} ${issue?.message ?? ''}`.trim(),
      );
    }

    let credential: string | undefined;
    try {
      credential = await this.credentialFor(provider);
    } catch {
      return fail(`The stored credential for ${provider.name} could not be decrypted`);
    }

    const retry = step.retry ?? DEFAULT_RETRY;
    const timeoutMs = step.timeout_ms ?? this.deps.defaultTimeoutMs;
    let nextAttemptAt = previous?.nextAttemptAt;
    let lastError = previous?.error;
    while (base.attempts < retry.max_attempts) {
      if (nextAttemptAt !== undefined && nextAttemptAt > clock.now()) {
        if (nextAttemptAt >= window.startBy || nextAttemptAt + timeoutMs > window.finishBy) {
          throw new YieldAt({ ...base, nextAttemptAt, ...(lastError ? { error: lastError } : {}) });
        }
        await clock.sleep(nextAttemptAt - clock.now());
      }
      const now = clock.now();
      if (now >= this.run.deadlineAt)
        return fail(`The run's deadline passed before attempt ${base.attempts + 1}`);
      let attemptTimeout = Math.min(timeoutMs, this.run.deadlineAt - now);
      const fitsWindow = now + attemptTimeout <= window.finishBy;
      const cutToFit =
        !fitsWindow && !!window.longest && this.attemptsHere === 0 && window.finishBy - now >= MIN_ATTEMPT_MS;
      if (now >= window.startBy || (!fitsWindow && !cutToFit)) {
        throw new YieldAt({ ...base, ...(lastError ? { error: lastError } : {}) });
      }
      if (cutToFit) attemptTimeout = window.finishBy - now;
      this.attemptsHere++;
      if (this.deps.stillOwned && !this.deps.stillOwned()) throw new LeaseLost();
      base.attempts += 1;
      const outcome = await runAttempt({
        action,
        params: parsed.data,
        userId: this.run.userId,
        runId: this.run.runId,
        stepId: step.id,
        ...(credential === undefined ? {} : { credential }),
        http: this.deps.http,
        log: this.deps.log.child({ runId: this.run.runId, stepId: step.id }),
        timeoutMs: attemptTimeout,
      });
      if (outcome.kind === 'result') {
        const { result } = outcome;
        if (result.success) this.outputs.set(step.id, this.deps.seal.output(result.output));
        return this.done(
          {
            ...base,
            status: result.success ? 'success' : 'failed',
            output: result.output ?? null,
            message: result.message,
            ...(result.success ? {} : { error: result.message || 'The provider reported a failure' }),
            ...(result.control ? { control: result.control } : {}),
            ...(result.usage ? { usage: result.usage } : {}),
          },
          startedMs,
        );
      }
      lastError = outcome.message;
      if (outcome.kind === 'fatal') return fail(outcome.message);
      if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > MAX_BACKOFF_MS) {
        return fail(
          `${outcome.message} (the upstream asked to wait ${outcome.retryAfterMs} ms, over the ${MAX_BACKOFF_MS} ms limit)`,
        );
      }
      nextAttemptAt =
        clock.now() + backoffDelay(base.attempts, retry.backoff_ms, clock.random, outcome.retryAfterMs);
    }
    return fail(`${lastError ?? 'Failed'} (after ${base.attempts} attempts)`);
  }

  private async credentialFor(provider: ProviderDefinition): Promise<string | undefined> {
    if (provider.credentialType === 'none') return undefined;
    return this.deps.credentials.get(provider.name, provider.credentialType);
  }

  private templateContext(): TemplateContext {
    return {
      steps: Object.fromEntries(this.outputs),
      trigger: {
        ...(this.run.trigger.body === undefined ? {} : { body: this.run.trigger.body }),
        ...(this.run.trigger.query ? { query: this.run.trigger.query } : {}),
      },
      run: {
        id: this.run.runId,
        ...(this.run.trigger.scheduledTime ? { scheduledTime: this.run.trigger.scheduledTime } : {}),
      },
    };
  }

  private done(result: StepResult, startedMs: number): StepResult {
    const { nextAttemptAt: _next, ...rest } = result;
    const completed = this.deps.clock.now();
    return {
      ...rest,
      completedAt: new Date(completed).toISOString(),
      durationMs: Math.max(0, completed - startedMs),
    };
  }

  private yieldWith(results: StepResult[], partial?: StepResult): EngineOutcome {
    const all = [...results];
    if (partial) all[this.run.steps.findIndex((s) => s.id === partial.id)] = partial;
    return { kind: 'yield', results: this.deps.seal.results(all) };
  }
}

/** Thrown inside a step to hand the run off; carries the step's state so far. */
class YieldAt {
  constructor(readonly partial: StepResult) {}
}

/** Thrown before an attempt when the executor no longer holds the run. */
class LeaseLost {}
