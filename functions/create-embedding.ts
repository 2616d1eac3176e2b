import { CHAT_MAX_BODY_BYTES, EmbeddingsRequestSchema } from '../shared/gateway/chat/chat-request';
import { forward } from '../shared/gateway/forward';
import { gateway } from '../shared/gateway/gateway';
import { EMBEDDINGS } from '../shared/gateway/operations';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

const gw = gateway();

/**
 * `POST /api/v1/embeddings`: never streamed, so a plain (buffered) function. The upstream's
 * answer is passed on as it parsed (numbers and base64 strings unchanged). A buffered
 * function has no after-response step: the bookkeeping is done before it answers.
 */
export const handler = http(
  async ({ body, identity, log, requestId, setHeader }) => {
    const { result, metrics, settle, finish } = await forward(gw, EMBEDDINGS, {
      identity,
      body,
      log,
      requestId,
      setHeader,
    });
    metrics.flush();
    if (result.kind !== 'json') throw new Error('An embeddings answer came back as a stream');
    await Promise.all([settle(), finish()]);
    return ok(JSON.parse(result.text));
  },
  { schema: { body: EmbeddingsRequestSchema }, maxBodyBytes: CHAT_MAX_BODY_BYTES },
);
