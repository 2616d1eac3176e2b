import { isolatedEnv } from '../gateway/isolated-env';
// Before the runtime loads: the system switch off, as it is by default in AWS.
const restoreEnv = isolatedEnv({ AUTOMATION_FEATURE_ENABLED: 'false' });

import type { LocalStack } from '../../../infra/local/local-stack';
import { startTestStack } from '../../support/local-stack';
import { captureEmf } from '../gateway/support';
import { JOURNEY_CHECKS, leftovers, runSmoke } from './smoke-support';

/**
 * A deployed stage may have automation switched off system-wide. The smoke reports that as
 * a finding, not a failure, and chats on the session it opens itself.
 */
describe('npm run smoke with AUTOMATION_FEATURE_ENABLED=false (e2e)', () => {
  let stack: LocalStack;
  let restoreStdout: () => void;

  beforeAll(async () => {
    restoreStdout = captureEmf();
    stack = await startTestStack({ tableName: 'flowgate-smoke-switch-off' });
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
    restoreStdout();
    restoreEnv();
  });

  it('passes, with the switch as an info line and chat on an explicitly opened session', async () => {
    const run = await runSmoke(stack.apiUrl, stack.demo.key);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    // Nothing in the settings changed, so there is nothing to put back.
    expect(run.checks.map((c) => `${c.outcome} ${c.name}`)).toEqual([
      ...JOURNEY_CHECKS.map((name) => `${name === 'automation.settings' ? 'info' : 'ok'} ${name}`),
      'ok cleanup.plan',
      'ok cleanup.key',
    ]);
    expect(run.checks.find((c) => c.name === 'automation.settings')!.text).toBe(
      'info automation.settings: Automation feature is currently disabled system-wide (400 automation_disabled); ' +
        'chat runs on an explicitly opened session',
    );
    expect(run.stdout).toMatch(/^smoke passed: 24 checks ok, 1 info, in \d+\.\d s$/m);
    expect(await leftovers(stack.apiUrl, stack.demo.key, 'smoke-')).toEqual([]);
  }, 60_000);
});
