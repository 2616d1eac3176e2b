import { isolatedEnv } from '../gateway/isolated-env';
const restoreEnv = isolatedEnv({});

import type { LocalStack } from '../../../infra/local/local-stack';
import { callApi } from '../../support/http';
import { startTestStack } from '../../support/local-stack';

/*
 * What a run costs in DynamoDB requests, as the handlers send them (the SDK client every
 * function shares), for runs shorter than the lease: a webhook-triggered run at most 4
 * (the webhook and its plan in one read, the run, its claim, its end), run-now at most 3
 * (the plan, the run, its end). The lease must not make runs dearer.
 */
let stack: LocalStack;
let counted: Map<string, number> | undefined;

beforeAll(async () => {
  stack = await startTestStack();
  // Loaded only now, as the handlers load it: the client they all share.
  const { documentClient } = await import('../../../shared/clients/dynamodb');
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName).replace(/Command$/, '');
      counted?.set(name, (counted.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
}, 60_000);

afterAll(async () => {
  await stack.stop();
  restoreEnv();
});

async function requestsOf(action: () => Promise<unknown>): Promise<Record<string, number>> {
  counted = new Map();
  await action();
  await stack.adapters.drain();
  const result = Object.fromEntries(counted);
  counted = undefined;
  return result;
}

const steps = [
  { id: 'shape', provider: 'data', action: 'transform', params: { value: { n: 1 } } },
  {
    id: 'check',
    provider: 'data',
    action: 'condition',
    params: { left: 1, op: 'eq', right: 1, on_false: 'stop' },
  },
  { id: 'out', provider: 'data', action: 'pick', params: { from: { a: 1 }, paths: ['a'] } },
];

it('a webhook run costs 4 DynamoDB requests and a run-now 3', async () => {
  const key = stack.demo.key;
  const plan = await callApi(stack.apiUrl, key, '/api/execution-plans', 'POST', { name: 'cost', steps });
  const hook = await callApi(stack.apiUrl, key, `/api/execution-plans/${plan.body.id}/webhook`, 'POST', {
    require_signature: false,
  });
  const fire = () => fetch(`${stack.apiUrl}${hook.body.url}`, { method: 'POST', body: '{"n":1}' });
  const runNow = () => callApi(stack.apiUrl, key, '/api/execute-plan', 'POST', { plan_id: plan.body.id });
  // The authorizer's key lookup is cached after the first call: warm it, and the containers.
  await fire();
  await runNow();
  await stack.adapters.drain();

  expect(await requestsOf(fire)).toEqual({ BatchGetItem: 1, PutItem: 1, UpdateItem: 2 });
  const answer = { status: 0 };
  expect(
    await requestsOf(async () => {
      answer.status = (await runNow()).status;
    }),
  ).toEqual({ GetItem: 1, PutItem: 1, UpdateItem: 1 });
  expect(answer.status).toBe(200);
}, 60_000);
