import * as z from 'zod';
import { env } from '../shared/config/env';
import { SESSION_DURATION_MAX, SESSION_DURATION_MIN } from '../shared/gateway/automation-settings';
import { gateway } from '../shared/gateway/gateway';
import { RequestMetrics, routeCounted } from '../shared/gateway/metrics';
import { ROUTED_MODEL_HEADER, sessionView } from '../shared/gateway/sessions/session-view';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

const gw = gateway();

const Query = z.object({ model_id: z.string().trim().min(1).max(256) });
const Body = z.strictObject({
  sessionDuration: z.number().int().min(SESSION_DURATION_MIN).max(SESSION_DURATION_MAX).optional(),
});

/** Opens a model session for the calling key; the key's previous session is closed. */
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
  { schema: { query: Query, body: Body } },
);
