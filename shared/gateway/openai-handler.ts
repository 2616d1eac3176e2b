import type * as z from 'zod';
import { httpStream, type StreamingLambdaHandler } from '../http/http-stream';
import { CHAT_MAX_BODY_BYTES, type GatewayRequest } from './chat/chat-request';
import { gateway } from './gateway';
import { forward } from './forward';
import type { Operation } from './operations';

async function* single(text: string): AsyncGenerator<string> {
  yield text;
}

/** The stream, then `last` before it ends, however it ends (the client gone included). */
async function* endingWith(
  stream: AsyncGenerator<string>,
  last: () => Promise<void>,
): AsyncGenerator<string> {
  try {
    yield* stream;
  } finally {
    await last();
  }
}

/**
 * The handler of one forwarded OpenAI endpoint, on a response-streaming Lambda. The
 * upstream's JSON answer is passed through byte for byte; a stream passes through event
 * by event. The key's limits are settled as the response ends, and a stream's metrics
 * written; usage, the session's use and a JSON answer's metrics are recorded once the
 * client has it all.
 */
export function openAiHandler(
  operation: Operation,
  options: { schema: { body: z.ZodType<GatewayRequest> } },
): StreamingLambdaHandler {
  const gw = gateway();
  return httpStream(
    async ({ body, identity, log, requestId, setHeader }) => {
      const { result, metrics, settle, finish } = await forward(gw, operation, {
        identity,
        body,
        log,
        requestId,
        setHeader,
      });
      if (result.kind === 'json') {
        return {
          statusCode: 200,
          headers: { 'Content-Type': 'application/json' },
          stream: endingWith(single(result.text), settle),
          // Off the answer's path: the metrics line is a write to the log.
          afterResponse: async () => {
            metrics.flush();
            await finish();
          },
        };
      }
      return {
        statusCode: 200,
        stream: endingWith(result.stream, async () => {
          metrics.flush();
          await settle();
        }),
        afterResponse: finish,
      };
    },
    { schema: options.schema, maxBodyBytes: CHAT_MAX_BODY_BYTES },
  );
}
