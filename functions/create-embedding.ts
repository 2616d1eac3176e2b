import { CHAT_MAX_BODY_BYTES, EmbeddingsRequestSchema } from '../shared/gateway/chat/chat-request';
import { gateway } from '../shared/gateway/gateway';
import { RequestMetrics } from '../shared/gateway/metrics';
import { EMBEDDINGS } from '../shared/gateway/operations';
import { ROUTED_MODEL_HEADER } from '../shared/gateway/sessions/session-view';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

const gw = gateway();

/**
 * `POST /api/v1/embeddings`: never streamed, so a plain (buffered) function. The upstream's
 * answer is passed on as it parsed (numbers and base64 strings unchanged).
 */
export const handler = http(
  async ({ body, identity, log, requestId, setHeader }) => {
    const metrics = new RequestMetrics();
    try {
      const result = await gw.chat.complete({
        identity,
        request: body,
        operation: EMBEDDINGS,
        log,
        metrics,
        requestId,
        onRouted: (routed) => setHeader(ROUTED_MODEL_HEADER, routed.target.id),
      });
      if (result.kind !== 'json') throw new Error('An embeddings answer came back as a stream');
      // Rarely a write (once a minute per session and container): it keeps the session from idling out.
      await gw.sessions
        .recordUse(result.session)
        .catch((err: unknown) => log.warn('recording the model session use failed', { error: err as Error }));
      return ok(JSON.parse(result.text));
    } finally {
      metrics.flush();
    }
  },
  { schema: { body: EmbeddingsRequestSchema }, maxBodyBytes: CHAT_MAX_BODY_BYTES },
);
