import type { Writable } from 'node:stream';

declare const awslambda: {
  streamifyResponse(fn: (event: unknown, stream: Writable) => Promise<void>): unknown;
  HttpResponseStream: {
    from(stream: Writable, prelude: { statusCode: number; headers: Record<string, string> }): Writable;
  };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Test route: streams five ticks 200 ms apart, written exactly as a production
 * streaming handler does, through the `awslambda` globals.
 */
export const handler = awslambda.streamifyResponse(async (_event, responseStream) => {
  const stream = awslambda.HttpResponseStream.from(responseStream, {
    statusCode: 200,
    headers: { 'Content-Type': 'text/event-stream' },
  });
  for (let i = 0; i < 5; i++) {
    stream.write(`data: tick ${i} at ${Date.now()}\n\n`);
    await sleep(200);
  }
  stream.end();
});
