import { settingsView } from '../shared/gateway/automation-settings';
import { SettingsUpdateBody } from '../shared/gateway/automation-settings-body';
import { gateway } from '../shared/gateway/gateway';
import { RequestMetrics } from '../shared/gateway/metrics';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

const gw = gateway();

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
  { schema: { body: SettingsUpdateBody } },
);
