import { isolatedEnv } from '../gateway/isolated-env';
// Read when the shared runtime loads: short leases and sweeps, so a lost executor is found fast.
const RUN_MAX_DURATION_MS = 30_000;
const SWEEP_MS = 1000;
const restoreEnv = isolatedEnv({
  RUN_LEASE_MS: '3000',
  RUN_SWEEP_INTERVAL_MS: String(SWEEP_MS),
  RUN_MAX_DURATION_MS: String(RUN_MAX_DURATION_MS),
});

import { startDynamoDbLocal, type DynamoDbLocal } from '../../../infra/local/dynamodb-local';
import type { LocalStack } from '../../../infra/local/local-stack';
import { callApi } from '../../support/http';
import { startTestStack } from '../../support/local-stack';
import { recordedStep, startStepRecorder, type StepRecorder } from '../../support/fakes/step-recorder';
import { lateOrMissing, settledRuns } from './run-settling';

/*
 * DynamoDB stops answering for 10 s (SIGSTOP of DynamoDB Local, its own instance here)
 * while webhook runs are being accepted and executed. Every run a caller was told about
 * (202 with a run id) must end `success` or `failed` within RUN_MAX_DURATION_MS plus two
 * sweeps, none may be lost, and none may run a step twice. A caller that was not told
 * (the table was away too long) gets a 503 with Retry-After, never a 500.
 */
const RUNS = 200;

let ddb: DynamoDbLocal;
let stack: LocalStack;
let recorder: StepRecorder;

beforeAll(async () => {
  ddb = await startDynamoDbLocal();
  recorder = await startStepRecorder(50);
  stack = await startTestStack({ dynamodbEndpoint: ddb.endpoint, tableName: 'flowgate-pause', sweep: true });
}, 60_000);

afterAll(async () => {
  if (ddb?.pid) process.kill(ddb.pid, 'SIGCONT');
  await stack?.stop();
  await recorder?.close();
  await ddb?.stop();
  restoreEnv();
});

it('settles every accepted webhook run after a 10 s table pause, running no step twice', async () => {
  const key = stack.demo.key;
  const plan = await callApi(stack.apiUrl, key, '/api/execution-plans', 'POST', {
    name: 'pause',
    steps: [recordedStep(recorder, 'one'), recordedStep(recorder, 'two')],
  });
  expect(plan.status).toBe(201);
  const hook = await callApi(stack.apiUrl, key, `/api/execution-plans/${plan.body.id}/webhook`, 'POST', {
    require_signature: false,
  });
  expect(hook.status).toBe(201);

  const accepted = new Map<string, number>();
  const statuses: number[] = [];
  let next = 0;
  const fire = async () => {
    while (next < RUNS) {
      next++;
      const res = await fetch(`${stack.apiUrl}${hook.body.url}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"n":1}',
      });
      statuses.push(res.status);
      const body = (await res.json()) as { run_id?: string };
      if (res.status === 202 && body.run_id) accepted.set(body.run_id, Date.now());
      else expect([res.status, res.headers.get('retry-after')]).toEqual([503, expect.any(String)]);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const load = Promise.all(Array.from({ length: 8 }, fire));
  await new Promise((r) => setTimeout(r, 500));
  process.kill(ddb.pid!, 'SIGSTOP');
  await new Promise((r) => setTimeout(r, 10_000));
  process.kill(ddb.pid!, 'SIGCONT');
  await load;

  expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
  expect(accepted.size).toBeGreaterThan(RUNS / 2);
  // Loaded only now: the shared runtime reads its configuration (the stack's table) on load.
  const { createDocumentClient } = await import('../../../shared/clients/dynamodb');
  const client = createDocumentClient({ endpoint: ddb.endpoint });
  const runs = await settledRuns({
    deps: { client, tableName: 'flowgate-pause' },
    userId: stack.demo.userId,
    planId: plan.body.id,
    deadline: Math.max(...accepted.values()) + RUN_MAX_DURATION_MS + 2 * SWEEP_MS,
  });
  client.destroy();
  expect(lateOrMissing(accepted, runs, RUN_MAX_DURATION_MS + 2 * SWEEP_MS)).toEqual([]);
  // Runs created by requests that were answered 503 were settled too: nothing is left hanging.
  expect([...runs.values()].filter((r) => r.status !== 'success' && r.status !== 'failed')).toEqual([]);
  expect(recorder.repeated()).toEqual([]);
  const ended = [...runs.values()];
  process.stdout.write(
    `table pause: ${accepted.size} accepted, ${statuses.filter((s) => s === 503).length} answered 503, ` +
      `${ended.filter((r) => r.status === 'success').length} success, ` +
      `${ended.filter((r) => r.errorCode === 'run_abandoned').length} abandoned, ` +
      `${ended.filter((r) => r.status === 'failed' && r.errorCode !== 'run_abandoned').length} failed otherwise\n`,
  );
}, 120_000);
