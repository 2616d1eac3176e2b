import { isolatedEnv } from './isolated-env';
// Before the runtime loads: strict routing, and the rollout flag read on every request
// (its 30 s cache bound is a unit test) so a change is visible at once.
const restoreEnv = isolatedEnv({
  AUTOMATION_FEATURE_ENABLED: 'true',
  MODEL_ROUTING_STRICT: 'true',
  ROLLOUT_FLAG_CACHE_SECONDS: '0',
});

import type { LocalStack } from '../../../infra/local/local-stack';
import { jsonOf } from '../../support/http';
import { startTestStack } from '../../support/local-stack';
import { call, captureEmf, createUser, enableAutomation, failureOf, sdk, user } from './support';

describe('strict model routing and the automation rollout (e2e)', () => {
  let stack: LocalStack;
  let restoreStdout: () => void;
  const setFlag = async (percent: number, allow: string[]) => {
    const { RolloutFlagRepository } = await import('../../../shared/gateway/rollout-flag');
    const { testRepositoryDeps } = await import('../../support/identity');
    await new RolloutFlagRepository(testRepositoryDeps()).set({ percent, allow });
  };
  const clearFlag = async () => {
    const { RolloutFlagRepository } = await import('../../../shared/gateway/rollout-flag');
    const { testRepositoryDeps } = await import('../../support/identity');
    await new RolloutFlagRepository(testRepositoryDeps()).clear();
  };

  beforeAll(async () => {
    restoreStdout = captureEmf();
    stack = await startTestStack();
  }, 30_000);
  afterAll(async () => {
    await clearFlag();
    await stack.stop();
    restoreStdout();
    restoreEnv();
  });

  it('an unknown model is a 404 model_not_found naming the closest models', async () => {
    const { key } = await createUser('strict');
    await enableAutomation(stack, key);
    const client = sdk(stack, key);
    const err = await failureOf(
      client.chat.completions.create({ model: 'gpt-4-turbo', messages: user('x') }),
    );
    expect(err.status).toBe(404);
    expect(err.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'model_not_found',
      param: 'model',
    });
    // (Parsed JSON lives in another realm: compare contents, not Array identity.)
    expect(JSON.stringify((err.error as { details: unknown }).details)).toMatch(
      /"suggestions":\[.*"gpt-4".*\]/,
    );
    expect(err.message).toMatch(/The model 'gpt-4-turbo' does not exist.*Did you mean: gpt-4/);
    const ok = await client.chat.completions.create({ model: 'gpt-4o', messages: user('known') });
    expect(ok.choices[0]?.message.content).toBe('Echo: known');
    const session = await call(stack, key, 'POST', '/api/v1/session/modelsession?model_id=llama-4', {});
    expect(session.status).toBe(404);
    expect((await jsonOf(session)).error.code).toBe('model_not_found');
  });

  it('rollout: internal users first, others get a distinct message, then everyone; rollback is one flag change', async () => {
    const internal = await createUser('internal');
    const outsider = await createUser('outsider');
    await enableAutomation(stack, internal.key);
    await enableAutomation(stack, outsider.key);

    await setFlag(0, [internal.user.userId]);
    const allowed = await sdk(stack, internal.key).chat.completions.create({
      model: 'gpt-4o',
      messages: user('in'),
    });
    expect(allowed.choices[0]?.message.content).toBe('Echo: in');

    const refused = await failureOf(
      sdk(stack, outsider.key).chat.completions.create({ model: 'gpt-4o', messages: user('out') }),
    );
    expect(refused.status).toBe(400);
    expect(refused.type).toBe('session_not_found');
    expect(refused.message).toMatch(/Automation is not yet available for this account/);
    const settings = await call(stack, outsider.key, 'GET', '/api/v1/automation/settings');
    expect(settings.status).toBe(400);
    expect((await jsonOf(settings)).error).toMatchObject({
      code: 'automation_not_available',
      message: 'Automation is not yet available for this account',
    });

    await setFlag(100, []);
    const everyone = await sdk(stack, outsider.key).chat.completions.create({
      model: 'gpt-4o',
      messages: user('now'),
    });
    expect(everyone.choices[0]?.message.content).toBe('Echo: now');

    // Rollback: no new automatic sessions; the ones already open keep serving.
    await setFlag(0, []);
    const fresh = await createUser('after-rollback');
    const freshErr = await failureOf(
      sdk(stack, fresh.key).chat.completions.create({ model: 'gpt-4o', messages: user('x') }),
    );
    expect(freshErr.status).toBe(400);
    const existing = await sdk(stack, outsider.key).chat.completions.create({
      model: 'gpt-4o',
      messages: user('still'),
    });
    expect(existing.choices[0]?.message.content).toBe('Echo: still');
  });
});
