import { gateway } from '../shared/gateway/gateway';
import { RequestMetrics, routeCounted } from '../shared/gateway/metrics';
import { CloseSessionQuery } from '../shared/gateway/sessions/session-schemas';
import { ROUTED_MODEL_HEADER } from '../shared/gateway/sessions/session-view';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

const gw = gateway();

/**
 * Closes the calling key's sessions, upstream too: all of them, or the one for
 * `?model_id=` (by the target it routes to), or the one `?session_id=` names.
 */
export const handler = http(
  async ({ identity, log, query, setHeader }) => {
    const metrics = new RequestMetrics();
    try {
      let targetId: string | undefined;
      if (query.model_id !== undefined) {
        targetId = routeCounted(gw.router, query.model_id, metrics).target.id;
        setHeader(ROUTED_MODEL_HEADER, targetId);
      }
      const closed = await gw.sessions.close(
        identity,
        { targetId, sessionId: query.session_id },
        { log, metrics },
      );
      const [latest] = closed;
      return ok({
        success: true,
        message:
          closed.length === 1
            ? 'Session closed successfully'
            : `${closed.length} sessions closed successfully`,
        session_id: latest!.session.sessionId,
        upstream_closed: closed.every((c) => c.upstreamClosed),
        closed: closed.map(({ session, upstreamClosed }) => ({
          session_id: session.sessionId,
          model: session.requestedModel,
          target: session.targetId,
          upstream_closed: upstreamClosed,
        })),
      });
    } finally {
      metrics.flush();
    }
  },
  { schema: { query: CloseSessionQuery } },
);
