import { isolatedEnv } from '../gateway/isolated-env';
const restoreEnv = isolatedEnv({});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../../infra/local/dynamodb-local';
import type { LocalStack } from '../../../infra/local/local-stack';
import { callApi } from '../../support/http';
import { startTestStack } from '../../support/local-stack';
import { recordedStep, startStepRecorder, type StepRecorder } from '../../support/fakes/step-recorder';

/*
 * The table is gone (DynamoDB Local stopped): run-now, a webhook, a list and a request
 * with a key the authorizer has not cached all answer 503 with Retry-After and a JSON
 * error, never 500; and once the table is back nothing half-written is found and the same
 * requests work.
 */
const TABLE = 'flowgate-down';
const dataDir = mkdtempSync(path.join(tmpdir(), 'flowgate-down-'));
let ddb: DynamoDbLocal;
let stack: LocalStack;
let recorder: StepRecorder;

beforeAll(async () => {
  ddb = await startDynamoDbLocal({ dataDir });
  recorder = await startStepRecorder();
  stack = await startTestStack({ dynamodbEndpoint: ddb.endpoint, tableName: TABLE });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await recorder?.close();
  await ddb?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  restoreEnv();
});

it('answers 503 with Retry-After while the table is down, writes nothing, and recovers', async () => {
  const key = stack.demo.key;
  const plan = await callApi(stack.apiUrl, key, '/api/execution-plans', 'POST', {
    name: 'down',
    steps: [recordedStep(recorder, 'one')],
  });
  expect(plan.status).toBe(201);
  const hook = await callApi(stack.apiUrl, key, `/api/execution-plans/${plan.body.id}/webhook`, 'POST', {
    require_signature: false,
  });
  const fresh = await callApi(stack.apiUrl, key, '/api/v1/auth/keys', 'POST', { name: 'not cached yet' });
  expect(fresh.status).toBe(201);

  await ddb.stop();
  const answers = await Promise.all([
    fetch(`${stack.apiUrl}/api/execute-plan`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ plan_id: plan.body.id }),
    }),
    fetch(`${stack.apiUrl}${hook.body.url}`, { method: 'POST', body: '{}' }),
    fetch(`${stack.apiUrl}/api/execution-plans`, { headers: { Authorization: `Bearer ${key}` } }),
    fetch(`${stack.apiUrl}/api/execution-plans`, { headers: { Authorization: `Bearer ${fresh.body.key}` } }),
  ]);
  for (const res of answers) {
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect([res.status, res.headers.get('retry-after'), body.error.code]).toEqual([
      503,
      expect.stringMatching(/^\d+$/),
      'service_unavailable',
    ]);
    expect(body.error.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|dynamo/i);
  }

  ddb = await startDynamoDbLocal({ dataDir, port: ddb.port });
  const runs = await callApi(stack.apiUrl, key, `/api/execution-logs?plan_id=${plan.body.id}`);
  expect(runs.status).toBe(200);
  expect(runs.body.logs).toEqual([]);
  expect(recorder.counts.size).toBe(0);
  const again = await callApi(stack.apiUrl, key, '/api/execute-plan', 'POST', { plan_id: plan.body.id });
  expect([again.status, again.body.status]).toEqual([200, 'success']);
}, 90_000);
