import { BadRequestError } from '../errors';
import { isInRollout, type RolloutFlag } from './rollout-flag';

/** Seed messages, kept verbatim. */
export const SYSTEM_DISABLED_MESSAGE = 'Automation feature is currently disabled system-wide';
export const NO_SESSION_MESSAGE = 'No session ID provided in request and no active session found for API key';
/** A user outside the rollout is told so, distinctly from "automation is off". */
export const NOT_IN_ROLLOUT_MESSAGE = 'Automation is not yet available for this account';

export type AutomationAccess = 'available' | 'system_disabled' | 'not_in_rollout';

/**
 * The two-level control of seed 001/002: the system switch (AUTOMATION_FEATURE_ENABLED),
 * then the rollout flag (allowlist plus percentage). The user's own setting comes after
 * both, in the settings record.
 */
export class AutomationGate {
  constructor(
    private readonly systemEnabled: boolean,
    private readonly flag: { get(): Promise<RolloutFlag | undefined> },
  ) {}

  async access(userId: string): Promise<AutomationAccess> {
    if (!this.systemEnabled) return 'system_disabled';
    return isInRollout(await this.flag.get(), userId) ? 'available' : 'not_in_rollout';
  }

  /** For the settings routes: 400 unless the user may use automation at all. */
  async assertAvailable(userId: string): Promise<void> {
    const access = await this.access(userId);
    if (access === 'system_disabled')
      throw new BadRequestError(SYSTEM_DISABLED_MESSAGE, 'automation_disabled');
    if (access === 'not_in_rollout')
      throw new BadRequestError(NOT_IN_ROLLOUT_MESSAGE, 'automation_not_available');
  }
}

/** Chat without a session, when none may be opened automatically (OpenAI error type `session_not_found`). */
export function noSessionError(access: AutomationAccess | 'user_disabled'): BadRequestError {
  if (access === 'not_in_rollout')
    return new BadRequestError(
      `${NO_SESSION_MESSAGE}. ${NOT_IN_ROLLOUT_MESSAGE}.`,
      'automation_not_available',
      {
        openaiType: 'session_not_found',
      },
    );
  return new BadRequestError(NO_SESSION_MESSAGE, 'session_not_found', { openaiType: 'session_not_found' });
}
