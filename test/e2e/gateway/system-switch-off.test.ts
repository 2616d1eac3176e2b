import { isolatedEnv } from './isolated-env';
// The seed's deployment step "API with the feature flag disabled" (before the runtime loads).
const restoreEnv = isolatedEnv({ AUTOMATION_FEATURE_ENABLED: 'false' });

import type { LocalStack } from '../../../infra/local/local-stack';
import { jsonOf } from '../../support/http';
import { startTestStack } from '../../support/local-stack';
import { call, captureEmf, createUser, failureOf, sdk, user } from './support';

describe('gateway with AUTOMATION_FEATURE_ENABLED=false (e2e)', () => {
  let stack: LocalStack;
  let restoreStdout: () => void;

  beforeAll(async () => {
    restoreStdout = captureEmf();
    stack = await startTestStack();
  }, 30_000);
  afterAll(async () => {
    await stack.stop();
    restoreStdout();
    restoreEnv();
  });

  it('the settings routes answer 400 with the seed’s message', async () => {
    const { key } = await createUser('switch-off');
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', { is_enabled: true }],
    ] as const) {
      const res = await call(stack, key, method, '/api/v1/automation/settings', body);
      expect(res.status).toBe(400);
      expect(await jsonOf(res)).toEqual({
        error: {
          code: 'automation_disabled',
          message: 'Automation feature is currently disabled system-wide',
          details: null,
        },
      });
    }
  });

  it('chat never opens a session by itself: 400 session_not_found', async () => {
    const { key } = await createUser('switch-off');
    const opens = stack.stubs!.morpheus.opens;
    const err = await failureOf(
      sdk(stack, key).chat.completions.create({ model: 'gpt-4', messages: user('hi') }),
    );
    expect(err.status).toBe(400);
    expect(err.type).toBe('session_not_found');
    expect(err.message).toMatch(/No session ID provided in request and no active session found for API key/);
    expect(stack.stubs!.morpheus.opens).toBe(opens);
  });

  it('explicit sessions keep working (the pre-automation flow)', async () => {
    const { key } = await createUser('switch-off');
    const opened = await call(stack, key, 'POST', '/api/v1/session/modelsession?model_id=gpt-4', {
      sessionDuration: 300,
    });
    expect(opened.status).toBe(200);
    const answer = await sdk(stack, key).chat.completions.create({
      model: 'gpt-4',
      messages: user('manual'),
    });
    expect(answer.choices[0]?.message.content).toBe('Echo: manual');
  });
});
