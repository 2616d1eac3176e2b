import * as z from 'zod';
import {
  RunEngine,
  type EngineDeps,
  type EngineOutcome,
  type EngineRun,
} from '../../../../shared/engine/run-engine';
import type { Clock } from '../../../../shared/engine/clock';
import { Logger } from '../../../../shared/logger';
import { Redactor } from '../../../../shared/redact';
import { RunSeal } from '../../../../shared/runs/run-seal';
import type { PlanStep } from '../../../../shared/plans/plan-schema';
import {
  RetryableProviderError,
  type ProviderDefinition,
  type ProviderResult,
} from '../../../../shared/providers/types';

const SECRET = 'sk-test-SECRETSECRETSECRET1234';

type Behaviour = () => Promise<ProviderResult>;

function fakeProviders(script: Behaviour[]) {
  const calls: { action: string; params: unknown; credential?: string }[] = [];
  const test: ProviderDefinition = {
    name: 'test',
    title: 'Test',
    credentialType: 'api_key',
    category: 'utility',
    description: 'A provider for this test.',
    verification: 'local',
    actions: {
      echo: {
        description: 'returns its params',
        params: z.object({ value: z.unknown() }),
        execute: async (params, ctx) => {
          calls.push({ action: 'echo', params, credential: ctx.credential });
          return { success: true, output: params, message: 'ok' };
        },
      },
      scripted: {
        description: 'follows the script',
        params: z.object({}).passthrough(),
        execute: async (params, ctx) => {
          calls.push({ action: 'scripted', params, credential: ctx.credential });
          const next = script.shift();
          if (!next) throw new Error('script ran out');
          return next();
        },
      },
      hang: {
        description: 'never answers',
        params: z.object({}),
        execute: () => new Promise<ProviderResult>(() => undefined),
      },
      count: {
        description: 'needs a number',
        params: z.object({ n: z.number() }),
        execute: async (params) => ({ success: true, output: params, message: 'ok' }),
      },
    },
  };
  const gate: ProviderDefinition = {
    name: 'gate',
    title: 'Gate',
    credentialType: 'none',
    category: 'utility',
    description: 'A provider for this test.',
    verification: 'local',
    actions: {
      check: {
        description: 'condition',
        params: z.object({ pass: z.boolean(), on_false: z.enum(['skip', 'stop']) }),
        execute: async (p: { pass: boolean; on_false: 'skip' | 'stop' }) =>
          p.pass
            ? { success: true, output: true, message: 'passed' }
            : {
                success: true,
                output: false,
                message: 'gated',
                control: p.on_false === 'skip' ? 'skip_remaining' : 'stop',
              },
      },
    },
  };
  const byName = new Map([
    ['test', test],
    ['gate', gate],
  ]);
  return { calls, catalog: { find: async (name: string) => byName.get(name) } };
}

function fakeClock(start = 1_000_000): Clock & { sleeps: number[]; t: number } {
  const clock = {
    t: start,
    sleeps: [] as number[],
    now: () => clock.t,
    random: () => 0.5,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

function setup(steps: PlanStep[], script: Behaviour[] = [], overrides: Partial<EngineRun> = {}) {
  const providers = fakeProviders(script);
  const clock = fakeClock();
  const redactor = new Redactor();
  const deps: EngineDeps = {
    catalog: providers.catalog,
    credentials: {
      get: async () => {
        redactor.add(SECRET);
        return SECRET;
      },
    },
    http: { request: async () => ({ status: 200, headers: {}, body: '' }) },
    clock,
    log: new Logger({}, 'silent'),
    defaultTimeoutMs: 1000,
    seal: new RunSeal(redactor, { outputMaxBytes: 200, resultsMaxBytes: 100_000 }),
  };
  const run: EngineRun = {
    runId: 'run_1',
    userId: 'u1',
    steps,
    trigger: { type: 'manual', body: { name: 'Ada' } },
    results: [],
    deadlineAt: clock.t + 600_000,
    ...overrides,
  };
  const wide = { startBy: clock.t + 60_000, finishBy: clock.t + 120_000 };
  return { engine: holding(new RunEngine(run, deps)), deps, clock, calls: providers.calls, run, wide };
}

type HeldOutcome = Exclude<EngineOutcome, { kind: 'lost' }>;

/** The engine as an executor that keeps its lease sees it: it never reports `lost`. */
function holding(engine: RunEngine) {
  return {
    execute: async (window: Parameters<RunEngine['execute']>[0]): Promise<HeldOutcome> => {
      const outcome = await engine.execute(window);
      if (outcome.kind === 'lost') throw new Error('the lease was lost');
      return outcome;
    },
  };
}

const step = (
  id: string,
  action: string,
  params: Record<string, unknown> = {},
  extra: Partial<PlanStep> = {},
) => ({ id, provider: 'test', action, params, ...extra }) as PlanStep;

describe('RunEngine', () => {
  it('runs steps in order, passing outputs through templates and redacting the credential', async () => {
    const { engine, calls, wide } = setup(
      [
        step('a', 'echo', { value: '{{trigger.body.name}}' }),
        step('b', 'echo', {
          value: 'hi {{steps.a.output.value}}',
        }),
        step('c', 'scripted'),
      ],
      [async () => ({ success: true, output: { leaked: `token is ${SECRET}` }, message: `used ${SECRET}` })],
    );
    const outcome = await engine.execute(wide);
    expect(outcome.kind).toBe('finished');
    if (outcome.kind !== 'finished') return;
    expect(outcome.status).toBe('success');
    expect(calls.map((c) => c.params)).toEqual([{ value: 'Ada' }, { value: 'hi Ada' }, {}]);
    expect(calls[0]?.credential).toBe(SECRET);
    expect(outcome.results.map((r) => r.status)).toEqual(['success', 'success', 'success']);
    expect(JSON.stringify(outcome.results)).not.toContain(SECRET);
    expect(outcome.results[2]?.output).toEqual({ leaked: 'token is [REDACTED]' });
    expect(outcome.results[2]?.message).toBe('used [REDACTED]');
  });

  it('redacts the credential from the run error built from a failed step, and from output keys', async () => {
    const echoed = { headers: { authorization: `Bearer ${SECRET}` }, seen: { [SECRET]: true } };
    const { engine, wide } = setup(
      [step('a', 'scripted'), step('b', 'scripted')],
      [
        async () => ({ success: true, output: echoed, message: 'ok' }),
        async () => {
          throw new Error(
            `upstream answered 500: {"echo":"${encodeURIComponent(SECRET)}","raw":"${SECRET}"}`,
          );
        },
      ],
    );
    const outcome = await engine.execute(wide);
    expect(outcome).toMatchObject({ kind: 'finished', status: 'failed' });
    if (outcome.kind !== 'finished') return;
    expect(outcome.error).toContain('Step b failed: upstream answered 500');
    expect(outcome.error).not.toContain(SECRET);
    expect(outcome.error).not.toContain(encodeURIComponent(SECRET));
    expect(outcome.results[0]?.output).toEqual({
      headers: { authorization: '[REDACTED]' },
      seen: { '[REDACTED]': true },
    });
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });

  it('starts nothing once its lease is lost, and says so', async () => {
    const { deps, run, wide, calls } = setup([
      step('a', 'echo', { value: 1 }),
      step('b', 'echo', { value: 2 }),
    ]);
    let owned = true;
    const engine = new RunEngine(run, {
      ...deps,
      stillOwned: () => owned,
      onProgress: async () => {
        owned = false;
      },
    });
    await expect(engine.execute(wide)).resolves.toEqual({ kind: 'lost' });
    expect(calls.map((c) => c.params)).toEqual([{ value: 1 }]);
  });

  it('retries a retryable error with exponential backoff and jitter, honouring Retry-After', async () => {
    const { engine, clock, calls, wide } = setup(
      [step('a', 'scripted', {}, { retry: { max_attempts: 4, backoff_ms: 100 } })],
      [
        async () => {
          throw new RetryableProviderError('HTTP 500', 500);
        },
        async () => {
          throw new RetryableProviderError('HTTP 503', 503);
        },
        async () => {
          throw new RetryableProviderError('HTTP 429', 429, 5000);
        },
        async () => ({ success: true, output: 'fine', message: 'ok' }),
      ],
    );
    const outcome = await engine.execute(wide);
    expect(outcome).toMatchObject({ kind: 'finished', status: 'success' });
    expect(calls).toHaveLength(4);
    // random() = 0.5: waits are 3/4 of 100, 200, then the 5000 ms Retry-After floor.
    expect(clock.sleeps).toEqual([75, 150, 5000]);
    expect(outcome.results[0]).toMatchObject({ status: 'success', attempts: 4, output: 'fine' });
  });

  it('does not retry other errors or a reported failure', async () => {
    const { engine, calls, wide } = setup(
      [step('a', 'scripted'), step('b', 'echo', { value: 1 })],
      [
        async () => {
          throw new Error('HTTP 400 bad request');
        },
      ],
    );
    const outcome = await engine.execute(wide);
    expect(outcome).toMatchObject({
      kind: 'finished',
      status: 'failed',
      error: 'Step a failed: HTTP 400 bad request',
    });
    expect(calls).toHaveLength(1);
    expect(outcome.results.map((r) => r.status)).toEqual(['failed', 'skipped']);

    const second = setup(
      [step('a', 'scripted')],
      [async () => ({ success: false, output: null, message: 'nope' })],
    );
    const reported = await second.engine.execute(second.wide);
    expect(reported).toMatchObject({ status: 'failed' });
    expect(second.calls).toHaveLength(1);
    expect(reported.results[0]).toMatchObject({ status: 'failed', attempts: 1, error: 'nope' });
  });

  it('gives up after max_attempts and continues when continue_on_error is set', async () => {
    const failing = async () => {
      throw new RetryableProviderError('HTTP 502', 502);
    };
    const { engine, wide } = setup(
      [
        step('a', 'scripted', {}, { retry: { max_attempts: 2, backoff_ms: 10 }, continue_on_error: true }),
        step('b', 'echo', { value: 2 }),
      ],
      [failing, failing],
    );
    const outcome = await engine.execute(wide);
    expect(outcome).toMatchObject({ kind: 'finished', status: 'success' });
    expect(outcome.results[0]).toMatchObject({
      status: 'failed',
      attempts: 2,
      error: 'HTTP 502 (after 2 attempts)',
    });
    expect(outcome.results[1]).toMatchObject({ status: 'success' });
  });

  it('times a hanging step out per attempt and retries it', async () => {
    const { engine, wide } = setup([
      step('a', 'hang', {}, { timeout_ms: 100, retry: { max_attempts: 2, backoff_ms: 0 } }),
    ]);
    const outcome = await engine.execute(wide);
    expect(outcome).toMatchObject({ kind: 'finished', status: 'failed' });
    expect(outcome.results[0]).toMatchObject({
      attempts: 2,
      error: 'Step timed out after 100 ms (after 2 attempts)',
    });
  });

  it('fails a step with a missing template path, naming it', async () => {
    const { engine, calls, wide } = setup([step('a', 'echo', { value: '{{trigger.body.missing.x}}' })]);
    const outcome = await engine.execute(wide);
    expect(outcome.results[0]).toMatchObject({ status: 'failed', attempts: 0 });
    expect(outcome.results[0]?.error).toContain('trigger.body.missing.x');
    expect(calls).toHaveLength(0);
  });

  it('checks params again after templating', async () => {
    const { engine, wide } = setup([step('a', 'count', { n: '{{trigger.body.name}}' })]);
    const outcome = await engine.execute(wide);
    expect(outcome.results[0]?.error).toMatch(/^Invalid params after templating: n /);
  });

  it('gates the remaining steps on a condition: skip succeeds, stop fails', async () => {
    const gate = (id: string, pass: boolean, on_false: string) =>
      ({ id, provider: 'gate', action: 'check', params: { pass, on_false } }) as PlanStep;
    const skip = setup([gate('g', false, 'skip'), step('b', 'echo', { value: 1 })]);
    const skipped = await skip.engine.execute(skip.wide);
    expect(skipped).toMatchObject({ status: 'success' });
    expect(skipped.results.map((r) => r.status)).toEqual(['success', 'skipped']);
    const stop = setup([gate('g', false, 'stop'), step('b', 'echo', { value: 1 })]);
    const stopped = await stop.engine.execute(stop.wide);
    expect(stopped).toMatchObject({ status: 'failed', error: 'Stopped by the condition in step g' });
    const pass = setup([gate('g', true, 'stop'), step('b', 'echo', { value: 1 })]);
    expect((await pass.engine.execute(pass.wide)).results.map((r) => r.status)).toEqual([
      'success',
      'success',
    ]);
  });

  it('reports progress after each step that does not end the run', async () => {
    const { deps, run, wide } = setup([step('a', 'echo', { value: 1 }), step('b', 'echo', { value: 2 })]);
    const seen: string[][] = [];
    const engine = new RunEngine(run, {
      ...deps,
      onProgress: async (results) => {
        seen.push(results().map((r) => `${r.id}:${r.status}`));
      },
    });
    await engine.execute(wide);
    expect(seen).toEqual([['a:success'], ['a:success', 'b:success']]);
  });

  it('caps a large output and marks it', async () => {
    const { engine, wide } = setup([step('a', 'echo', { value: 'x'.repeat(1000) })]);
    const outcome = await engine.execute(wide);
    const result = outcome.results[0]!;
    expect(result.outputTruncated).toBe(true);
    expect(result.outputBytes).toBeGreaterThan(1000);
    expect(typeof result.output).toBe('string');
    expect(result.output as string).toMatch(/…\[truncated\]$/);
  });

  it('hands off between steps once past startBy, and resumes without repeating a step', async () => {
    let clockRef: { t: number } = { t: 0 };
    const { engine, clock, calls, run, deps } = setup(
      [step('a', 'scripted'), step('b', 'echo', { value: '{{steps.a.output.v}}' })],
      [
        async () => {
          clockRef.t += 10;
          return { success: true, output: { v: 7 }, message: 'ok' };
        },
      ],
    );
    clockRef = clock;
    const nothing = await holding(new RunEngine(run, deps)).execute({
      startBy: clock.t,
      finishBy: clock.t + 10_000,
    });
    expect(nothing).toEqual({ kind: 'yield', results: [] });

    const first = await engine.execute({ startBy: clock.t + 5, finishBy: clock.t + 10_000 });
    expect(first.kind).toBe('yield');
    expect(first.results.map((r) => r.status)).toEqual(['success']);
    expect(calls).toHaveLength(1);

    const resumed = await holding(new RunEngine({ ...run, results: first.results }, deps)).execute({
      startBy: clock.t + 60_000,
      finishBy: clock.t + 60_000,
    });
    expect(resumed).toMatchObject({ kind: 'finished', status: 'success' });
    expect(calls.map((c) => c.action)).toEqual(['scripted', 'echo']);
    expect(resumed.results[1]?.output).toEqual({ value: 7 });
  });

  it('hands off a step whose timeout does not fit, and while a retry waits', async () => {
    const { engine, clock, calls, run, deps } = setup(
      [step('a', 'scripted', {}, { timeout_ms: 5000, retry: { max_attempts: 3, backoff_ms: 2000 } })],
      [
        async () => {
          throw new RetryableProviderError('HTTP 503', 503);
        },
        async () => ({ success: true, output: 'ok', message: 'ok' }),
      ],
    );
    const tight = await engine.execute({ startBy: clock.t + 60_000, finishBy: clock.t + 4000 });
    expect(tight).toEqual({
      kind: 'yield',
      results: [expect.objectContaining({ id: 'a', status: 'running', attempts: 0 })],
    });
    expect(calls).toHaveLength(0);

    const retryLater = await engine.execute({ startBy: clock.t + 60_000, finishBy: clock.t + 6000 });
    expect(retryLater.kind).toBe('yield');
    const waiting = retryLater.results[0]!;
    expect(waiting).toMatchObject({
      status: 'running',
      attempts: 1,
      error: 'HTTP 503',
      nextAttemptAt: clock.t + 1500,
    });
    expect(calls).toHaveLength(1);

    const resumed = await holding(new RunEngine({ ...run, results: retryLater.results }, deps)).execute({
      startBy: clock.t + 60_000,
      finishBy: clock.t + 60_000,
    });
    expect(resumed).toMatchObject({ kind: 'finished', status: 'success' });
    expect(resumed.results[0]).toMatchObject({ attempts: 2, output: 'ok' });
    expect(calls).toHaveLength(2);
  });

  it('runs a step longer than the longest window cut to it, once per invocation, instead of handing it on forever', async () => {
    const { engine, clock, calls } = setup([
      step('a', 'echo', { value: 1 }, { timeout_ms: 10_000 }),
      step('b', 'echo', { value: 2 }, { timeout_ms: 10_000 }),
    ]);
    const longest = { startBy: clock.t + 6000, finishBy: clock.t + 6000, longest: true };
    const outcome = await engine.execute(longest);
    // a ran (its timeout cut to the 6 s left); b would not fit after it, so it waits for the next invocation.
    expect(outcome.kind).toBe('yield');
    expect(outcome.results.map((r) => `${r.id}:${r.status}`)).toEqual(['a:success', 'b:running']);
    expect(calls.map((c) => c.params)).toEqual([{ value: 1 }]);
    // A window that is not the longest hands such a step on without trying it.
    const other = setup([step('a', 'echo', { value: 1 }, { timeout_ms: 10_000 })]);
    const handed = await other.engine.execute({
      startBy: other.clock.t + 6000,
      finishBy: other.clock.t + 6000,
    });
    expect([handed.kind, other.calls.length]).toEqual(['yield', 0]);
  });

  it('fails when the run deadline has passed, and rejects unknown providers', async () => {
    const late = setup([step('a', 'echo', { value: 1 })], [], { deadlineAt: 0 });
    const outcome = await late.engine.execute(late.wide);
    expect(outcome.results[0]?.error).toMatch(/deadline passed/);
    const unknown = setup([{ id: 'a', provider: 'nope', action: 'x', params: {} } as PlanStep]);
    expect((await unknown.engine.execute(unknown.wide)).results[0]?.error).toBe(
      'Unknown provider or action nope.x',
    );
  });

  it('refuses a Retry-After beyond the backoff limit instead of retrying early', async () => {
    const { engine, calls, wide } = setup(
      [step('a', 'scripted')],
      [
        async () => {
          throw new RetryableProviderError('HTTP 429', 429, 3_600_000);
        },
      ],
    );
    const outcome = await engine.execute(wide);
    expect(outcome.results[0]?.error).toMatch(/asked to wait 3600000 ms/);
    expect(calls).toHaveLength(1);
  });
});
