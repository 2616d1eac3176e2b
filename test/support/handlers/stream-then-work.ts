import type { Writable } from 'node:stream';

declare const awslambda: {
  streamifyResponse(
    fn: (event: { queryStringParameters?: Record<string, string> }, stream: Writable) => Promise<void>,
  ): unknown;
  HttpResponseStream: {
    from(stream: Writable, prelude: { statusCode: number; headers: Record<string, string> }): Writable;
  };
};

/** Where the test reads when the handler's after-response work finished. */
const WORK_DONE = Symbol.for('flowgate.test.streamThenWork.doneAt');

/**
 * Test route: answers and ends its stream at once, then goes on working for `?ms=`
 * (as the gateway's usage bookkeeping does after a response).
 */
export const handler = awslambda.streamifyResponse(async (event, responseStream) => {
  const stream = awslambda.HttpResponseStream.from(responseStream, {
    statusCode: 200,
    headers: { 'Content-Type': 'text/plain' },
  });
  stream.end('answered');
  await new Promise((resolve) => setTimeout(resolve, Number(event.queryStringParameters?.ms ?? 0)));
  (globalThis as Record<symbol, number>)[WORK_DONE] = Date.now();
});
