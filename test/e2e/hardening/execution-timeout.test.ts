import { randomBytes } from 'node:crypto';
import { isolatedEnv } from '../gateway/isolated-env';
// Read when the shared runtime loads. A table of this file's own: a sweep covers every run
// in its table, and other files leave runs in the shared one.
const TABLE_NAME = `flowgate-timeout-${randomBytes(4).toString('hex')}`;
const RUN_ENV = {
  TABLE_NAME,
  // Longer than the stall below, so the sweeper only ever finds a dead invocation's run, as
  // in AWS, where an invocation renews its lease until the moment it is killed.
  RUN_LEASE_MS: '6000',
  RUN_MAX_DURATION_MS: '20000',
  RUN_SWEEP_INTERVAL_MS: '500',
  OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8,::1/128',
};
const restoreEnv = isolatedEnv(RUN_ENV);

import { ensureTable } from '../../../infra/local/dynamodb-local';
import { LocalKms } from '../../../infra/local/local-kms';
import { SweepTimer } from '../../../infra/local/sweep-timer';
import { documentClient } from '../../../shared/clients/dynamodb';
import { engineRuntime } from '../../../shared/engine/runtime';
import type { PlanStep } from '../../../shared/plans/plan-schema';
import { RUN_ABANDONED } from '../../../shared/runs/run-sweeper';
import type { RunRecord } from '../../../shared/runs/run-types';
import { installAdapters } from '../../../shared/runtime/adapters';
import { invokeExecution, type ExecutionInvocation } from '../../support/execution-process';
import {
  recordedRead,
  recordedStep,
  startStepRecorder,
  type StepRecorder,
} from '../../support/fakes/step-recorder';
import { lateOrMissing } from './run-settling';

/*
 * A Lambda-style timeout of the execution function in the middle of a run: the handler
 * runs in a child process that is killed with SIGKILL at the instant its context says it
 * times out, with a step in flight. The engine never starts an attempt that could outlast
 * its window, so an invocation only reaches its timeout mid-step when it stalls (CPU
 * starvation, a long pause); SIGSTOP is that stall. The sweeper, on its timer in this
 * process, then settles the run: abandoned when the step that may have run is a write,
 * resumed (in a new invocation) when every step from it on is idempotent. Either way the
 * run ends within RUN_MAX_DURATION_MS plus two sweeps of being accepted, and no write
 * reaches its upstream twice.
 */
const TIMEOUT_MS = 6000;
const SWEEP_MS = Number(RUN_ENV.RUN_SWEEP_INTERVAL_MS);
const WITHIN_MS = Number(RUN_ENV.RUN_MAX_DURATION_MS) + 2 * SWEEP_MS;
// Longer than the 1 s between progress writes, so a finished step is recorded before the next starts.
const STEP_DELAY_MS = 1200;
const CHILD_ENV = { ...RUN_ENV, DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT };

let recorder: StepRecorder;
const sweeper = new SweepTimer(SWEEP_MS);
const invocations: ExecutionInvocation[] = [];
/** Lambda's asynchronous invoke: every invocation, the first and each hand-off, gets the same timeout. */
const invoke = (payload: unknown): void =>
  void invocations.push(
    invokeExecution(payload, { timeoutMs: TIMEOUT_MS, env: CHILD_ENV, onInvoke: invoke }),
  );

installAdapters({
  keyManagement: () => LocalKms.inMemory(),
  executionInvoker: () => ({ invoke: async (payload) => invoke(payload) }),
});

beforeAll(async () => {
  await ensureTable(process.env.DYNAMODB_ENDPOINT as string, TABLE_NAME);
  recorder = await startStepRecorder(STEP_DELAY_MS);
});

afterEach(async () => {
  await sweeper.stop();
  for (const invocation of invocations.splice(0)) {
    invocation.child.kill('SIGKILL');
    await invocation.ended;
  }
});

afterAll(async () => {
  await recorder?.close();
  documentClient().destroy();
  restoreEnv();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/*
 * Every step sets a timeout that fits in the invocation's window (TIMEOUT_MS less the 2 s
 * safety margin): the engine never starts an attempt that could outlast it, and hands the
 * run on instead; with the default 10 s a step would never start in a 6 s invocation.
 */
const timed = (step: object): PlanStep => ({ ...step, timeout_ms: 1500 }) as PlanStep;

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, giveUpAt: number) {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > giveUpAt) throw new Error(`gave up waiting for ${what}`);
    await sleep(5);
  }
}

/**
 * Accepts a run the way a webhook does (queued, then handed to the execution function),
 * stalls its invocation once `stallAt` (`<method> <step id>`) has reached the recorder and
 * the steps before it are recorded, and returns the run once the sweeper has settled it.
 */
async function timedOutMidStep(steps: PlanStep[], stallAt: string) {
  const { runs, runRepository } = engineRuntime();
  const userId = `u-${randomBytes(6).toString('hex')}`;
  sweeper.start();
  const { runId } = await runs.enqueue({ userId, steps, trigger: { type: 'webhook' } });
  const acceptedAt = Date.now();
  const first = invocations[0]!;
  const timesOutAt = await first.invoked;
  const [method, stepId] = stallAt.split(' ');
  const stepIndex = steps.findIndex((s) => s.id === stepId);
  await until(
    `${stallAt} in flight`,
    () => recorder.inFlight.has(`${method} ${runId}/${stepId}`) || undefined,
    timesOutAt,
  );
  first.child.kill('SIGSTOP');
  const before = await runRepository.get(userId, runId);
  expect(before?.results.map((r) => r.status)).toEqual(steps.slice(0, stepIndex).map(() => 'success'));

  const killed = await first.ended;
  const killedAt = Date.now();
  expect(killed).toMatchObject({ timedOut: true });
  expect(killed.result).toBeUndefined();
  expect(killedAt).toBeGreaterThanOrEqual(timesOutAt);

  const terminal = (run: RunRecord | undefined) => run?.status === 'success' || run?.status === 'failed';
  const run = await until(
    'the run to end',
    async () => {
      const found = await runRepository.get(userId, runId);
      return terminal(found) ? found : undefined;
    },
    acceptedAt + WITHIN_MS,
  );
  const later = await Promise.all(invocations.slice(1).map((i) => i.ended));
  // The lease outlived the stall: whatever the sweeper started, it started on a dead invocation's run.
  for (const timesOut of await Promise.all(invocations.slice(1).map((i) => i.invoked)))
    expect(timesOut - TIMEOUT_MS).toBeGreaterThan(killedAt);
  expect(lateOrMissing(new Map([[runId, acceptedAt]]), new Map([[runId, run]]), WITHIN_MS)).toEqual([]);
  process.stdout.write(
    `execution timeout at ${stallAt}: killed ${killedAt - acceptedAt} ms after acceptance, run ${run.status}` +
      `${run.errorCode ? ` (${run.errorCode})` : ''} ${Date.parse(run.completedAt!) - acceptedAt} ms after, ` +
      `${later.length} later invocation(s)\n`,
  );
  return { run, killedAt, later };
}

const key = (run: RunRecord, stepId: string) => `${run.runId}/${stepId}`;

it('abandons the run when its invocation times out during a write, which reached the upstream once', async () => {
  const steps = [
    timed(recordedRead(recorder, 'r1')),
    timed(recordedStep(recorder, 'w1')),
    timed(recordedStep(recorder, 'w2')),
  ];
  const { run, killedAt, later } = await timedOutMidStep(steps, 'POST w1');
  expect(run).toMatchObject({ status: 'failed', errorCode: RUN_ABANDONED });
  expect(run.error).toBe(
    'The run was abandoned: its executor stopped while step w1 may have been running, and http.request is not safe to run twice',
  );
  // w2 is not known to have run or not (progress is recorded after steps): it says it may have.
  expect(run.results.map((r) => `${r.id}:${r.status}`)).toEqual(['r1:success', 'w1:failed', 'w2:failed']);
  expect(Date.parse(run.completedAt!)).toBeGreaterThan(killedAt);
  expect(later).toEqual([]);
  expect([
    recorder.reads.get(key(run, 'r1')),
    recorder.counts.get(key(run, 'w1')),
    recorder.counts.get(key(run, 'w2')),
  ]).toEqual([1, 1, undefined]);
}, 60_000);

it('resumes the run in a new invocation when every step from the one in flight is idempotent, repeating no write', async () => {
  const steps = [
    timed(recordedStep(recorder, 'w1')),
    timed(recordedRead(recorder, 'r1')),
    timed({
      id: 'shape',
      provider: 'data',
      action: 'transform',
      params: { value: { got: '{{steps.r1.output.body.key}}' } },
    }),
    timed(recordedRead(recorder, 'r2')),
  ];
  const { run, killedAt, later } = await timedOutMidStep(steps, 'GET r1');
  expect(run).toMatchObject({ status: 'success', invocations: 2 });
  expect(run.results.map((r) => `${r.id}:${r.status}`)).toEqual([
    'w1:success',
    'r1:success',
    'shape:success',
    'r2:success',
  ]);
  expect(run.results[2]?.output).toEqual({ got: key(run, 'r1') });
  expect(later).toEqual([
    expect.objectContaining({
      timedOut: false,
      result: { source: 'flowgate.run', runId: run.runId, claimed: true, status: 'success' },
    }),
  ]);
  expect(Date.parse(run.completedAt!)).toBeGreaterThan(killedAt);
  expect(recorder.counts.get(key(run, 'w1'))).toBe(1);
  expect([recorder.reads.get(key(run, 'r1')), recorder.reads.get(key(run, 'r2'))]).toEqual([2, 1]);
  expect(recorder.repeated()).toEqual([]);
}, 60_000);
