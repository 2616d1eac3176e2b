import { env } from '../shared/config/env';
import { gateway } from '../shared/gateway/gateway';
import { RequestMetrics, routeCounted } from '../shared/gateway/metrics';
import { OpenSessionBody, OpenSessionQuery } from '../shared/gateway/sessions/session-schemas';
import { ROUTED_MODEL_HEADER, sessionView } from '../shared/gateway/sessions/session-view';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

const gw = gateway();

/** Opens a model session for the calling key; its previous session for the same target model is closed. */
export const handler = http(
  async ({ query, body, identity, log, setHeader }) => {
    const metrics = new RequestMetrics();
    try {
      const routed = routeCounted(gw.router, query.model_id, metrics);
      setHeader(ROUTED_MODEL_HEADER, routed.target.id);
      const session = await gw.sessions.openExplicit(
        identity,
        routed.target,
        query.model_id,
        body.sessionDuration ?? env.DEFAULT_SESSION_EXPIRATION,
        { log, metrics },
      );
      return ok(sessionView(session));
    } finally {
      metrics.flush();
    }
  },
  { schema: { query: OpenSessionQuery, body: OpenSessionBody } },
);
