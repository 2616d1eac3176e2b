import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_EMAIL } from '../../../infra/local/demo-user';
import { LOCAL_TABLE_NAME, localPaths } from '../../../infra/local/local-paths';
import { createDocumentClient } from '../../../shared/clients/dynamodb';
import { UserRepository } from '../../../shared/identity/user-repository';
import { RUN_ABANDONED } from '../../../shared/runs/run-sweeper';
import type { RunRecord } from '../../../shared/runs/run-types';
import {
  recordedRead,
  recordedStep,
  startStepRecorder,
  type StepRecorder,
} from '../../support/fakes/step-recorder';
import { callApi } from '../../support/http';
import { startCli, stopCli, type StartedCli } from '../../support/npm-start';
import { javaProcessesMentioning } from '../../support/run-tool';
import { startRunLoad, type RunTarget } from './run-load';
import { lateOrMissing, settledRuns } from './run-settling';

/*
 * `npm start` is killed with SIGKILL while webhook and run-now runs are in flight, then
 * started again on the same data directory. Every run a caller was told about must end
 * `success` or `failed` within RUN_MAX_DURATION_MS plus two sweeps of being acknowledged,
 * none may be lost, and no write may reach its upstream twice. Reads may: a run whose
 * remaining steps are all idempotent is resumed from the step that was in flight.
 *
 * No sweeper runs while the stack is down, so the bound can only hold if the outage fits
 * in a run's maximum duration: 30 s leaves room for the restart (6 to 8 s alone on a
 * two-core machine, up to 16 s while the rest of the suite runs; printed), a lease and the
 * steps a resumed run still has to take.
 */
const LEASE_MS = 2000;
const SWEEP_MS = 1000;
const RUN_MAX_DURATION_MS = 30_000;
const WITHIN_MS = RUN_MAX_DURATION_MS + 2 * SWEEP_MS;
const STEP_DELAY_MS = 300;
const STACK_ENV = {
  RUN_LEASE_MS: String(LEASE_MS),
  RUN_SWEEP_INTERVAL_MS: String(SWEEP_MS),
  RUN_MAX_DURATION_MS: String(RUN_MAX_DURATION_MS),
  // Run now answers after 1 s at most: the five-write plan is handed off (202), the read plan ends (200).
  RUN_SYNC_BUDGET_MS: '1000',
  OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8,::1/128',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Resolves once a write and a read have both just reached the recorder: their answers are
 * at least half a step away, so a kill now lands while both steps are unrecorded.
 */
async function whenBothMidStep(recorder: StepRecorder, enough: () => boolean): Promise<void> {
  const fresh = (method: string) =>
    [...recorder.inFlight].some(
      ([key, at]) => key.startsWith(`${method} `) && Date.now() - at < STEP_DELAY_MS / 2,
    );
  const giveUp = Date.now() + 20_000;
  while (!(enough() && fresh('POST') && fresh('GET'))) {
    if (Date.now() > giveUp) throw new Error('no write and read were in flight together within 20 s');
    await sleep(2);
  }
}

async function untilNoJavaOn(dataDir: string): Promise<string[]> {
  const giveUp = Date.now() + 15_000;
  while (javaProcessesMentioning(dataDir).length > 0 && Date.now() < giveUp) await sleep(100);
  return javaProcessesMentioning(dataDir);
}

describe('npm start killed with SIGKILL mid-load, then restarted on the same data directory', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flowgate-crash-'));
  let recorder: StepRecorder;
  let first: StartedCli | undefined;
  let second: StartedCli | undefined;

  beforeAll(async () => {
    recorder = await startStepRecorder(STEP_DELAY_MS);
    first = await startCli(dataDir, STACK_ENV);
  }, 120_000);

  afterAll(async () => {
    for (const cli of [first, second])
      if (cli?.child.exitCode === null && !cli.child.signalCode) await stopCli(cli);
    await recorder?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('settles every acknowledged run in time, losing none and repeating no write', async () => {
    const { apiUrl, key } = first!;
    const plan = async (name: string, steps: unknown[]) => {
      const created = await callApi(apiUrl, key, '/api/execution-plans', 'POST', { name, steps });
      expect(created.status).toBe(201);
      const hook = await callApi(apiUrl, key, `/api/execution-plans/${created.body.id}/webhook`, 'POST', {
        require_signature: false,
      });
      expect(hook.status).toBe(201);
      return { planId: created.body.id as string, hookPath: hook.body.url as string };
    };
    const writes = await plan(
      'writes',
      ['w1', 'w2', 'w3', 'w4', 'w5'].map((id) => recordedStep(recorder, id)),
    );
    const reads = await plan('reads', [
      recordedRead(recorder, 'r1'),
      {
        id: 'shape',
        provider: 'data',
        action: 'transform',
        params: { value: { got: '{{steps.r1.output.body.key}}' } },
      },
      recordedRead(recorder, 'r2'),
    ]);
    const targets: RunTarget[] = [
      { kind: 'webhook', ...writes },
      { kind: 'webhook', ...reads },
      { kind: 'run-now', ...writes },
      { kind: 'run-now', ...reads },
    ];

    const load = startRunLoad({ apiUrl, key, targets, workers: 8, pauseMs: 30 });
    await whenBothMidStep(recorder, () => load.accepted.size >= 20);
    first!.child.kill('SIGKILL');
    const killedAt = Date.now();
    await load.stop();
    expect(await first!.exited).toBeNull();
    // The watchdog stops DynamoDB Local once its parent is gone; the dead stack's lock stays behind.
    expect(await untilNoJavaOn(dataDir)).toEqual([]);
    expect(existsSync(localPaths(dataDir).lock)).toBe(true);

    second = await startCli(dataDir, STACK_ENV);
    const restartMs = Date.now() - killedAt;
    expect(second.key).toBe(first!.key);

    const client = createDocumentClient({ endpoint: `http://127.0.0.1:${second.dynamodbPort}` });
    const deps = { client, tableName: LOCAL_TABLE_NAME };
    const demo = await new UserRepository(deps).findByEmail(DEMO_EMAIL);
    const deadline = Math.max(...load.accepted.values()) + WITHIN_MS;
    const runs = new Map<string, RunRecord>();
    for (const { planId } of [writes, reads]) {
      for (const [id, run] of await settledRuns({ deps, userId: demo!.userId, planId, deadline }))
        runs.set(id, run);
    }
    client.destroy();

    const ended = [...runs.values()];
    const endedAfterKill = (r: RunRecord) => !r.completedAt || Date.parse(r.completedAt) > killedAt;
    const inFlightAtKill = [...load.accepted.keys()].filter(
      (id) => !runs.get(id) || endedAfterKill(runs.get(id)!),
    );
    const abandoned = ended.filter((r) => r.errorCode === RUN_ABANDONED);
    const resumed = ended.filter((r) => r.errorCode !== RUN_ABANDONED && endedAfterKill(r));
    const slowest = Math.max(
      ...[...load.accepted]
        .map(([id, at]) => Date.parse(runs.get(id)?.completedAt ?? '') - at)
        .filter(Number.isFinite),
    );
    process.stdout.write(
      `crash-restart: ${load.accepted.size} accepted (${[...load.answers].map(([a, n]) => `${n} ${a}`).join(', ')}), ` +
        `${inFlightAtKill.length} of them in flight at the kill, ${load.unanswered} cut off; restart took ${restartMs} ms; ` +
        `the slowest ended ${slowest} ms after it was acknowledged; ` +
        `${ended.length} runs: ${ended.filter((r) => r.status === 'success').length} success, ` +
        `${abandoned.length} abandoned, ${resumed.length} resumed; ` +
        `writes repeated ${recorder.repeated().length}, reads repeated ${recorder.repeatedReads().length}\n`,
    );

    expect(load.unexpected).toEqual([]);
    expect(inFlightAtKill.length).toBeGreaterThan(0);
    expect(lateOrMissing(load.accepted, runs, WITHIN_MS)).toEqual([]);
    // Runs whose request the kill cut off were settled too: nothing is left hanging.
    expect(ended.filter((r) => r.status !== 'success' && r.status !== 'failed')).toEqual([]);
    expect(recorder.repeated()).toEqual([]);
    // The write that was mid-step ended its run as abandoned; the read that was mid-step was
    // resumed, ran again, and its run succeeded. A run of only idempotent steps is never abandoned.
    expect(abandoned.length).toBeGreaterThan(0);
    expect(resumed.filter((r) => r.planId === reads.planId && r.status === 'success').length).toBeGreaterThan(
      0,
    );
    expect(recorder.repeatedReads().length).toBeGreaterThan(0);
    expect(abandoned.filter((r) => r.planId === reads.planId)).toEqual([]);

    // Each sweep settled what it found: none failed on a run (it would log an error).
    expect(second.output()).not.toContain('"level":"error"');
    expect(await stopCli(second)).toBe(0);
    expect(javaProcessesMentioning(dataDir)).toEqual([]);
  }, 120_000);
});
