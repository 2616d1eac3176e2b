import { CHAT_MAX_BODY_BYTES, ChatRequestSchema } from '../shared/gateway/chat/chat-request';
import { gateway } from '../shared/gateway/gateway';
import { RequestMetrics } from '../shared/gateway/metrics';
import { ROUTED_MODEL_HEADER } from '../shared/gateway/sessions/session-view';
import { httpStream } from '../shared/http/http-stream';

const gw = gateway();

async function* single(text: string): AsyncGenerator<string> {
  yield text;
}

async function* thenRun(stream: AsyncGenerator<string>, after: () => void): AsyncGenerator<string> {
  try {
    yield* stream;
  } finally {
    after();
  }
}

/**
 * OpenAI-compatible chat completions, streaming or not, on a response-streaming Lambda.
 * The upstream's JSON answer is passed through byte for byte; a stream passes through
 * event by event. Metrics are written when the response is complete.
 */
export const handler = httpStream(
  async ({ body, identity, log, requestId, setHeader }) => {
    const metrics = new RequestMetrics();
    try {
      const result = await gw.chat.complete({
        identity,
        request: body,
        log,
        metrics,
        requestId,
        onRouted: (routed) => setHeader(ROUTED_MODEL_HEADER, routed.target.id),
      });
      // Once the answer is out: the session's use, which keeps it from being closed as idle.
      const afterResponse = () => gw.sessions.recordUse(result.session);
      if (result.kind === 'json') {
        metrics.flush();
        return {
          statusCode: 200,
          headers: { 'Content-Type': 'application/json' },
          stream: single(result.text),
          afterResponse,
        };
      }
      return { statusCode: 200, stream: thenRun(result.stream, () => metrics.flush()), afterResponse };
    } catch (err) {
      metrics.flush();
      throw err;
    }
  },
  { schema: { body: ChatRequestSchema }, maxBodyBytes: CHAT_MAX_BODY_BYTES },
);
