import type { Writable } from 'node:stream';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import {
  buildRequest,
  logFailure,
  startRequest,
  type HttpOptions,
  type HttpRequest,
  type Parsed,
  type Schema,
} from './http';
import { errorStyleFor, renderError } from './render-error';
import type { Identity } from './request';
import type { HttpResponse } from './response';

/** A response whose body is written piece by piece as the handler produces it. */
export interface StreamResponse {
  statusCode: number;
  headers?: Record<string, string>;
  /** Each piece is written (and flushed to the client) as soon as it is yielded. */
  stream: AsyncIterable<string>;
  /**
   * Bookkeeping for once the client has the whole response (the invocation waits for it,
   * the client does not). A failure is logged, never sent: the response is already gone.
   */
  afterResponse?: () => Promise<void>;
}

export type StreamingHttpRequest<B, Q, P> = HttpRequest<B, Q, P, Identity>;

export type StreamingHandlerFn<B, Q, P> = (
  request: StreamingHttpRequest<B, Q, P>,
) => Promise<HttpResponse | StreamResponse>;

export type StreamingLambdaHandler = (
  event: APIGatewayProxyEvent,
  responseStream: Writable,
  context: Context,
) => Promise<void>;

/** The Lambda runtime's `awslambda` global (typed by @types/aws-lambda); the local stack installs one too. */
function runtime(): typeof awslambda {
  if (typeof awslambda === 'undefined' || typeof awslambda.streamifyResponse !== 'function')
    throw new Error("Response streaming needs the Lambda runtime's `awslambda` global");
  return awslambda;
}

export function isStreamResponse(value: HttpResponse | StreamResponse): value is StreamResponse {
  return 'stream' in value;
}

function endWith(out: Writable, body?: string): Promise<void> {
  return new Promise((resolve) => {
    out.once('error', () => resolve());
    out.end(body ?? '', () => resolve());
  });
}

/**
 * Writes every piece, respecting backpressure. Stops early (which runs the producer's
 * `finally`, where it aborts its upstream) when the client goes away.
 */
async function pump(pieces: AsyncIterable<string>, out: Writable): Promise<'completed' | 'client-gone'> {
  let gone = false;
  const onGone = () => {
    gone = true;
  };
  out.on('error', onGone);
  out.on('close', onGone);
  try {
    for await (const piece of pieces) {
      if (gone) return 'client-gone';
      if (!out.write(piece)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            out.off('drain', done);
            out.off('close', done);
            resolve();
          };
          out.on('drain', done);
          out.on('close', done);
        });
      }
    }
    return gone ? 'client-gone' : 'completed';
  } finally {
    out.off('close', onGone);
    // A late socket error must not become an unhandled 'error' event.
    out.off('error', onGone);
    out.on('error', () => undefined);
  }
}

/**
 * The streaming counterpart of http(): the same request preparation, validation, logging
 * and error rendering, for a Lambda in response-streaming mode. A handler returns either
 * a plain HttpResponse (sent as one JSON body) or a StreamResponse. Anything thrown
 * before the first byte is rendered with its real status; once streaming has started
 * the status is fixed, so producers end with an in-band error event instead.
 */
export function httpStream<
  B extends Schema = undefined,
  Q extends Schema = undefined,
  P extends Schema = undefined,
>(
  fn: StreamingHandlerFn<Parsed<B>, Parsed<Q>, Parsed<P>>,
  options: HttpOptions<B, Q, P> = {},
): StreamingLambdaHandler {
  const lambda = runtime();
  const handler: StreamingLambdaHandler = async (event, responseStream, context) => {
    const start = startRequest(event, context);
    let streaming = false;
    try {
      const request = buildRequest(event, context, start, {
        ...options,
        auth: 'apiKey',
      }) as StreamingHttpRequest<Parsed<B>, Parsed<Q>, Parsed<P>>;
      const result = await fn(request);
      if (isStreamResponse(result)) {
        const out = lambda.HttpResponseStream.from(responseStream, {
          statusCode: result.statusCode,
          headers: {
            'Content-Type': 'text/event-stream; charset=utf-8',
            'Cache-Control': 'no-cache',
            ...start.headers,
            ...result.headers,
          },
        });
        streaming = true;
        const outcome = await pump(result.stream, out);
        if (outcome === 'completed') await endWith(out);
        start.log.info('request completed', {
          status: result.statusCode,
          streamed: true,
          clientGone: outcome === 'client-gone',
          durationMs: Date.now() - start.started,
        });
        await result
          .afterResponse?.()
          .catch((err: unknown) => start.log.warn('after-response work failed', { error: err as Error }));
        return;
      }
      const hasBody = result.body !== undefined && result.statusCode !== 204;
      const out = lambda.HttpResponseStream.from(responseStream, {
        statusCode: result.statusCode,
        headers: {
          ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
          ...start.headers,
          ...result.headers,
        },
      });
      await endWith(out, hasBody ? JSON.stringify(result.body) : '');
      start.log.info('request completed', {
        status: result.statusCode,
        durationMs: Date.now() - start.started,
      });
    } catch (err) {
      logFailure(start, err);
      // The status line is gone already: all that is left is to close the stream.
      if (streaming) return void responseStream.end();
      const rendered = renderError(
        err,
        errorStyleFor(event.resource ?? event.path ?? ''),
        start.headers,
        start.requestId,
      );
      const out = lambda.HttpResponseStream.from(responseStream, {
        statusCode: rendered.statusCode,
        headers: rendered.headers as Record<string, string>,
      });
      await endWith(out, rendered.body);
    }
  };
  return lambda.streamifyResponse(handler) as StreamingLambdaHandler;
}
