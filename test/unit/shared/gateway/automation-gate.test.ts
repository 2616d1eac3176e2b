import {
  AutomationGate,
  NO_SESSION_MESSAGE,
  noSessionError,
  NOT_IN_ROLLOUT_MESSAGE,
  SYSTEM_DISABLED_MESSAGE,
} from '../../../../shared/gateway/automation-gate';
import { rolloutBucket, type RolloutFlag } from '../../../../shared/gateway/rollout-flag';

const flagOf = (percent: number, allow: string[] = []) => ({
  get: async (): Promise<RolloutFlag> => ({ percent, allow, updatedAt: 'x', version: 1 }),
});
const noFlag = { get: async () => undefined };
// A user whose bucket is known, so the percentages below are exact.
const user = 'user-for-gate-tests';
const bucket = rolloutBucket(user);

describe('AutomationGate', () => {
  it('the system switch comes first', async () => {
    const gate = new AutomationGate(false, noFlag);
    expect(await gate.access(user)).toBe('system_disabled');
    await expect(gate.assertAvailable(user)).rejects.toMatchObject({
      statusCode: 400,
      message: SYSTEM_DISABLED_MESSAGE,
    });
  });

  it('then the rollout flag: allowlist or bucket under the percentage; no flag admits everyone', async () => {
    expect(await new AutomationGate(true, noFlag).access(user)).toBe('available');
    expect(await new AutomationGate(true, flagOf(bucket + 1)).access(user)).toBe('available');
    expect(await new AutomationGate(true, flagOf(bucket)).access(user)).toBe('not_in_rollout');
    expect(await new AutomationGate(true, flagOf(0, [user])).access(user)).toBe('available');
    await expect(new AutomationGate(true, flagOf(0)).assertAvailable(user)).rejects.toMatchObject({
      statusCode: 400,
      code: 'automation_not_available',
      message: NOT_IN_ROLLOUT_MESSAGE,
    });
    await expect(new AutomationGate(true, noFlag).assertAvailable(user)).resolves.toBeUndefined();
  });

  it('chat without a session: the seed message, and a distinct one outside the rollout', () => {
    expect(noSessionError('user_disabled')).toMatchObject({
      statusCode: 400,
      code: 'session_not_found',
      openaiType: 'session_not_found',
      message: NO_SESSION_MESSAGE,
    });
    expect(noSessionError('system_disabled').message).toBe(NO_SESSION_MESSAGE);
    const outside = noSessionError('not_in_rollout');
    expect(outside).toMatchObject({
      statusCode: 400,
      openaiType: 'session_not_found',
      code: 'automation_not_available',
    });
    expect(outside.message).toBe(`${NO_SESSION_MESSAGE}. ${NOT_IN_ROLLOUT_MESSAGE}.`);
  });
});
