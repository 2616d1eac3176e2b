import type * as z from 'zod';
import { httpStream, type StreamingLambdaHandler } from '../http/http-stream';
import { CHAT_MAX_BODY_BYTES, type GatewayRequest } from './chat/chat-request';
import { gateway } from './gateway';
import { forward } from './forward';
import type { Operation } from './operations';

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
 * The handler of one forwarded OpenAI endpoint, on a response-streaming Lambda. The
 * upstream's JSON answer is passed through byte for byte; a stream passes through event
 * by event. Metrics are written when the response is complete; usage, limits and the
 * session's use once the client has it all.
 */
export function openAiHandler(
  operation: Operation,
  options: { schema: { body: z.ZodType<GatewayRequest> } },
): StreamingLambdaHandler {
  const gw = gateway();
  return httpStream(
    async ({ body, identity, log, requestId, setHeader }) => {
      const { result, metrics, finish } = await forward(gw, operation, {
        identity,
        body,
        log,
        requestId,
        setHeader,
      });
      if (result.kind === 'json') {
        metrics.flush();
        return {
          statusCode: 200,
          headers: { 'Content-Type': 'application/json' },
          stream: single(result.text),
          afterResponse: finish,
        };
      }
      return {
        statusCode: 200,
        stream: thenRun(result.stream, () => metrics.flush()),
        afterResponse: finish,
      };
    },
    { schema: options.schema, maxBodyBytes: CHAT_MAX_BODY_BYTES },
  );
}
