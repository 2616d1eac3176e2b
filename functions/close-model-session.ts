import { gateway } from '../shared/gateway/gateway';
import { RequestMetrics } from '../shared/gateway/metrics';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

const gw = gateway();

/** Closes the calling key's active session, upstream too. */
export const handler = http(async ({ identity, log }) => {
  const metrics = new RequestMetrics();
  try {
    const { session, upstreamClosed } = await gw.sessions.close(identity, { log, metrics });
    return ok({
      success: true,
      message: 'Session closed successfully',
      session_id: session.sessionId,
      upstream_closed: upstreamClosed,
    });
  } finally {
    metrics.flush();
  }
});
