import { settingsView } from '../shared/gateway/automation-settings';
import { gateway } from '../shared/gateway/gateway';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

const gw = gateway();

/** The caller's automation settings (seed 000); created disabled on first read. */
export const handler = http(async ({ identity }) => {
  await gw.gate.assertAvailable(identity.userId);
  return ok(settingsView(await gw.settings.getOrCreate(identity.userId)));
});
