import * as z from 'zod';
import {
  SESSION_DURATION_MAX,
  SESSION_DURATION_MIN,
  settingsView,
} from '../shared/gateway/automation-settings';
import { gateway } from '../shared/gateway/gateway';
import { RequestMetrics } from '../shared/gateway/metrics';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

const gw = gateway();

const Body = z
  .strictObject({
    is_enabled: z.boolean().optional(),
    session_duration: z.number().int().min(SESSION_DURATION_MIN).max(SESSION_DURATION_MAX).optional(),
  })
  .refine((b) => b.is_enabled !== undefined || b.session_duration !== undefined, {
    message: 'give is_enabled, session_duration or both',
  });

/** Turns automation on or off for the caller and sets the length of automatic sessions. */
export const handler = http(
  async ({ body, identity, log }) => {
    await gw.gate.assertAvailable(identity.userId);
    const updated = await gw.settings.update(identity.userId, {
      isEnabled: body.is_enabled,
      sessionDuration: body.session_duration,
    });
    log.info('automation settings updated', {
      isEnabled: updated.isEnabled,
      sessionDuration: updated.sessionDuration,
    });
    // Adoption is counted as flips: CloudWatch cannot count users, but it can sum changes.
    if (updated.isEnabled !== updated.wasEnabled) {
      const metrics = new RequestMetrics();
      metrics.automationSwitched(updated.isEnabled ? 'enabled' : 'disabled');
      metrics.flush();
    }
    return ok(settingsView(updated));
  },
  { schema: { body: Body } },
);
