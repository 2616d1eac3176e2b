import { gateway } from '../shared/gateway/gateway';
import { noActiveSession } from '../shared/gateway/sessions/session-errors';
import { ROUTED_MODEL_HEADER, sessionListView } from '../shared/gateway/sessions/session-view';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

const gw = gateway();

/** The calling key's active model sessions (one per target model), or 404. */
export const handler = http(async ({ identity, setHeader }) => {
  const sessions = await gw.sessions.list(identity.keyId);
  if (sessions.length === 0) throw noActiveSession();
  setHeader(ROUTED_MODEL_HEADER, sessions[0]!.targetId);
  return ok(sessionListView(sessions));
});
