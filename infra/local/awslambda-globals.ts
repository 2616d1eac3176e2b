import { Writable } from 'node:stream';

/**
 * The `awslambda` global that the Node.js Lambda runtime provides to response-streaming
 * handlers, reproduced so the same handler code streams locally and in AWS.
 */
export const STREAMING_HANDLER = Symbol.for('flowgate.streamingHandler');

export interface StreamPrelude {
  statusCode?: number;
  headers?: Record<string, string>;
  cookies?: string[];
}

export type StreamingHandler = ((
  event: unknown,
  responseStream: Writable,
  context: unknown,
) => Promise<void>) & {
  [STREAMING_HANDLER]?: true;
};

/**
 * The stream handed to a streaming handler. It forwards every write straight to the
 * HTTP response, so bytes leave as soon as the handler writes them. A write is done once
 * the sink has taken it (or, when the sink is full, once it drains), so a response the
 * handler writes and ends in one go leaves as one packet; with `endSink` ending this
 * stream ends the sink too.
 */
export class LocalResponseStream extends Writable {
  prelude: StreamPrelude | undefined;
  /** Whether any body byte has been written, which also sends the headers. */
  wroteBody = false;

  constructor(
    private readonly onPrelude: (prelude: StreamPrelude) => void,
    private readonly sink: Writable,
    private readonly endSink = false,
  ) {
    super();
    // The client going away closes this stream too (what a handler watches for), and a
    // write still waiting for the sink to drain is done then.
    sink.once('close', () => {
      if (!this.writableEnded) this.destroy();
    });
  }

  setPrelude(prelude: StreamPrelude): void {
    if (this.prelude) return;
    this.prelude = prelude;
    this.onPrelude(prelude);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.setPrelude({ statusCode: 200, headers: { 'content-type': 'application/octet-stream' } });
    this.wroteBody = true;
    if (this.sink.write(chunk)) return callback();
    const done = () => {
      this.sink.off('drain', done);
      this.sink.off('close', done);
      callback();
    };
    this.sink.on('drain', done);
    this.sink.on('close', done);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.setPrelude({ statusCode: 200, headers: { 'content-type': 'application/octet-stream' } });
    if (this.endSink) this.sink.end(() => callback());
    else callback();
  }
}

export function installAwsLambdaGlobals(): void {
  // The AWS SDK's invoke store may already have created an `awslambda` object of its
  // own, so the streaming members are added to it rather than replacing it.
  const g = globalThis as { awslambda?: Record<string, unknown> };
  const target = (g.awslambda ??= {});
  if (typeof target.streamifyResponse === 'function') return;
  Object.assign(target, {
    streamifyResponse<T extends StreamingHandler>(handler: T): T {
      handler[STREAMING_HANDLER] = true;
      return handler;
    },
    HttpResponseStream: {
      from(stream: Writable, prelude: StreamPrelude): Writable {
        // Duck-typed: the globals outlive a jest module registry, so `instanceof` against
        // another registry's class would fail.
        const local = stream as Partial<LocalResponseStream>;
        if (typeof local.setPrelude === 'function') local.setPrelude(prelude);
        return stream;
      },
    },
  });
}

export function isStreamingHandler(fn: unknown): fn is StreamingHandler {
  return typeof fn === 'function' && (fn as StreamingHandler)[STREAMING_HANDLER] === true;
}
