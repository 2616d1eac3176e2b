import { gateway } from '../shared/gateway/gateway';
import { noActiveSession } from '../shared/gateway/sessions/session-errors';
import { ROUTED_MODEL_HEADER, sessionView } from '../shared/gateway/sessions/session-view';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

const gw = gateway();

/** The calling key's active model session, or 404. */
export const handler = http(async ({ identity, setHeader }) => {
  const session = await gw.sessions.current(identity.keyId, { consistent: true, bypassCache: true });
  if (!session) throw noActiveSession();
  setHeader(ROUTED_MODEL_HEADER, session.targetId);
  return ok(sessionView(session));
});
