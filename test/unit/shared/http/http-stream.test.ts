import { Writable } from 'node:stream';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import * as z from 'zod';
import {
  installAwsLambdaGlobals,
  LocalResponseStream,
  type StreamPrelude,
} from '../../../../infra/local/awslambda-globals';
import { UpstreamError } from '../../../../shared/errors';
import { httpStream, type StreamResponse } from '../../../../shared/http/http-stream';
import type { HttpResponse } from '../../../../shared/http/response';

/**
 * The `awslambda` object outlives a test file within a jest worker, and the streaming
 * members are installed only once, bound to the first file's stream class; drop them so
 * this file's install is its own (and again at the end, for the next file).
 */
function resetStreamingGlobals(): void {
  const lambda = (globalThis as { awslambda?: Record<string, unknown> }).awslambda;
  delete lambda?.streamifyResponse;
  delete lambda?.HttpResponseStream;
}
resetStreamingGlobals();
installAwsLambdaGlobals();
afterAll(resetStreamingGlobals);

const context = { awsRequestId: 'aws-req' } as Context;

function event(overrides: Partial<APIGatewayProxyEvent> = {}): APIGatewayProxyEvent {
  return {
    resource: '/api/v1/chat/completions',
    path: '/api/v1/chat/completions',
    httpMethod: 'POST',
    headers: { 'Content-Type': 'application/json' },
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body: JSON.stringify({ model: 'm' }),
    isBase64Encoded: false,
    requestContext: { requestId: 'req-1', authorizer: { userId: 'u1', keyId: 'k1' } },
    ...overrides,
  } as unknown as APIGatewayProxyEvent;
}

/** Runs a streaming handler into memory: the prelude, then every byte written. */
async function run(
  handler: ReturnType<typeof httpStream>,
  ev: APIGatewayProxyEvent,
  sink: Writable = new Writable({ write: (_c, _e, cb) => cb() }),
) {
  const chunks: string[] = [];
  let prelude: StreamPrelude | undefined;
  const target = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString());
      sink.write(chunk, cb);
    },
  });
  // A socket that dies reports it once, to its owner; here nobody else listens.
  target.on('error', () => undefined);
  sink.on('error', () => undefined);
  const stream = new LocalResponseStream((p) => (prelude = p), target);
  await handler(ev, stream, context);
  return { prelude, body: chunks.join('') };
}

const Body = z.object({ model: z.string() });

describe('httpStream', () => {
  it('streams each piece with SSE headers, the request id and headers the handler set', async () => {
    const handler = httpStream(
      async ({ body, setHeader }) => {
        setHeader('X-Flowgate-Routed-Model', `target-of-${body.model}`);
        async function* pieces() {
          yield 'data: 1\n\n';
          yield 'data: 2\n\n';
        }
        return { statusCode: 200, stream: pieces() } satisfies StreamResponse;
      },
      { schema: { body: Body } },
    );
    const { prelude, body } = await run(handler, event());
    expect(prelude).toEqual({
      statusCode: 200,
      headers: expect.objectContaining({
        'Content-Type': 'text/event-stream; charset=utf-8',
        'X-Request-Id': 'req-1',
        'X-Flowgate-Routed-Model': 'target-of-m',
      }),
    });
    expect(body).toBe('data: 1\n\ndata: 2\n\n');
  });

  it('runs afterResponse once the whole body is written, and only logs its failure', async () => {
    const order: string[] = [];
    let writtenWhenCalled = '';
    const sink = new Writable({
      write(chunk: Buffer, _e, cb) {
        // The end of the response is an empty write.
        order.push(chunk.length ? `wrote ${chunk.toString().trim()}` : 'ended');
        cb();
      },
    });
    const handler = httpStream(async () => {
      async function* pieces() {
        yield 'data: 1\n\n';
        yield 'data: 2\n\n';
      }
      return {
        statusCode: 200,
        stream: pieces(),
        afterResponse: async () => {
          writtenWhenCalled = order.join(',');
          order.push('after');
          throw new Error('bookkeeping failed');
        },
      } satisfies StreamResponse;
    });
    const { prelude, body } = await run(handler, event(), sink);
    expect(prelude?.statusCode).toBe(200);
    expect(body).toBe('data: 1\n\ndata: 2\n\n');
    expect(writtenWhenCalled).toBe('wrote data: 1,wrote data: 2,ended');
    expect(order.at(-1)).toBe('after');
  });

  it('sends a plain response as one JSON body', async () => {
    const handler = httpStream(async (): Promise<HttpResponse> => ({ statusCode: 201, body: { ok: true } }));
    const { prelude, body } = await run(handler, event());
    expect(prelude?.statusCode).toBe(201);
    expect(prelude?.headers?.['Content-Type']).toBe('application/json');
    expect(JSON.parse(body)).toEqual({ ok: true });
  });

  it('renders an error thrown before the first byte with its status, OpenAI-shaped on gateway paths', async () => {
    const handler = httpStream(async ({ setHeader }) => {
      setHeader('X-Flowgate-Routed-Model', 'direct/gpt-4o');
      throw new UpstreamError('The model upstream failed', 'upstream_error');
    });
    const { prelude, body } = await run(handler, event());
    expect(prelude?.statusCode).toBe(502);
    expect(prelude?.headers?.['X-Flowgate-Routed-Model']).toBe('direct/gpt-4o');
    expect(JSON.parse(body)).toEqual({
      error: {
        message: 'The model upstream failed',
        type: 'upstream_error',
        param: null,
        code: 'upstream_error',
      },
    });
  });

  it('validates the body (400) and requires the authorizer identity (401)', async () => {
    const handler = httpStream(async () => ({ statusCode: 204 }), { schema: { body: Body } });
    const bad = await run(handler, event({ body: '{"model":4}' }));
    expect(bad.prelude?.statusCode).toBe(400);
    expect(JSON.parse(bad.body).error).toMatchObject({ param: 'model', type: 'invalid_request_error' });
    const anonymous = await run(
      handler,
      event({ requestContext: { requestId: 'r' } } as Partial<APIGatewayProxyEvent>),
    );
    expect(anonymous.prelude?.statusCode).toBe(401);
    const tooBig = await run(
      httpStream(async () => ({ statusCode: 204 }), { maxBodyBytes: 1024 }),
      event({ body: 'x'.repeat(2048) }),
    );
    expect(tooBig.prelude?.statusCode).toBe(413);
  });

  it('hides an unexpected error as a bare 500', async () => {
    const handler = httpStream(async () => {
      throw new Error('database password is hunter2');
    });
    const { prelude, body } = await run(handler, event({ resource: '/api/other', path: '/api/other' }));
    expect(prelude?.statusCode).toBe(500);
    expect(body).not.toContain('hunter2');
    expect(JSON.parse(body).error.code).toBe('internal_error');
  });

  it('ends the stream if the producer throws after the first byte (the status is already sent)', async () => {
    const handler = httpStream(async () => {
      async function* pieces() {
        yield 'data: 1\n\n';
        throw new Error('bug');
      }
      return { statusCode: 200, stream: pieces() };
    });
    const { prelude, body } = await run(handler, event());
    expect(prelude?.statusCode).toBe(200);
    expect(body).toBe('data: 1\n\n');
  });

  it('stops the producer (running its finally) when the client goes away', async () => {
    let cleanedUp = false;
    let produced = 0;
    const handler = httpStream(async () => {
      async function* pieces() {
        try {
          for (;;) {
            produced += 1;
            yield `data: ${produced}\n\n`;
            await new Promise((resolve) => setImmediate(resolve));
          }
        } finally {
          cleanedUp = true;
        }
      }
      return { statusCode: 200, stream: pieces() };
    });
    let writes = 0;
    const dying = new Writable({
      write(_chunk, _enc, cb) {
        writes += 1;
        cb(writes >= 3 ? new Error('socket closed') : null);
      },
    });
    await run(handler, event(), dying);
    expect(cleanedUp).toBe(true);
    expect(produced).toBeLessThan(10);
  });
});
