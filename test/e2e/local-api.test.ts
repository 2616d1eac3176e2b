import { request } from 'node:http';
import type { LocalStack } from '../../infra/local/local-stack';
import { jsonOf } from '../support/http';
import { startTestStack } from '../support/local-stack';
import { routesWithTestRoutes } from '../support/test-routes';

/** Raw node:http, so repeated header lines reach the server as separate lines. */
function rawRequest(
  url: string,
  init: { method: string; headers: Record<string, string | string[]>; body?: Buffer },
) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const req = request(url, { method: init.method, headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('local API server (e2e)', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startTestStack({ routes: routesWithTestRoutes });
  });
  afterAll(() => stack.stop());

  it('hands the handler the exact REST-proxy event API Gateway builds', async () => {
    const res = await rawRequest(`${stack.apiUrl}/test/echo/abc%20def?tag=a&tag=b&single=x`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${stack.demo.key}`,
        'Content-Type': 'application/json',
        'X-Multi': ['1', '2'],
      },
      body: Buffer.from(JSON.stringify({ hello: 'world' })),
    });
    expect(res.status).toBe(200);
    expect(res.headers['x-echo']).toBe('one, two');
    const { event, remainingMs } = JSON.parse(res.body.toString());
    expect(event).toMatchObject({
      resource: '/test/echo/{item_id}',
      path: '/test/echo/abc%20def',
      httpMethod: 'POST',
      pathParameters: { item_id: 'abc def' },
      queryStringParameters: { tag: 'b', single: 'x' },
      multiValueQueryStringParameters: { tag: ['a', 'b'], single: ['x'] },
      stageVariables: null,
      body: '{"hello":"world"}',
      isBase64Encoded: false,
    });
    expect(event.headers['X-Multi']).toBe('2');
    expect(event.multiValueHeaders['X-Multi']).toEqual(['1', '2']);
    expect(event.requestContext).toMatchObject({
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      stage: 'local',
      resourcePath: '/test/echo/{item_id}',
      httpMethod: 'POST',
      identity: { sourceIp: '127.0.0.1' },
      authorizer: {
        userId: stack.demo.userId,
        principalId: stack.demo.userId,
        keyId: expect.stringMatching(/^key_/),
      },
    });
    expect(remainingMs).toBeGreaterThan(9000);
    expect(remainingMs).toBeLessThanOrEqual(10_000);
  });

  it('passes a greedy path parameter and no authorizer context on public routes', async () => {
    const res = await fetch(`${stack.apiUrl}/test/public/a/b/c`);
    const { event } = await jsonOf(res);
    expect(event.pathParameters).toEqual({ proxy: 'a/b/c' });
    expect(event.queryStringParameters).toBeNull();
    expect(event.requestContext.authorizer).toBeNull();
    expect(event.body).toBeNull();
  });

  it('base64-encodes binary bodies both ways', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 255]);
    const res = await fetch(`${stack.apiUrl}/test/binary`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: bytes,
    });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from([255, 251, 250, 2, 1, 0]));
  });

  it('runs the authorizer before apiKey routes only', async () => {
    expect((await fetch(`${stack.apiUrl}/test/echo/x`, { method: 'POST' })).status).toBe(401);
    const wrong = await fetch(`${stack.apiUrl}/test/echo/x`, {
      method: 'POST',
      headers: { Authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
    expect((await jsonOf(wrong)).error.code).toBe('invalid_api_key');
    expect((await fetch(`${stack.apiUrl}/test/public/x`)).status).toBe(200);
  });

  it('streams: the first chunk arrives long before the handler finishes', async () => {
    const started = performance.now();
    const res = await fetch(`${stack.apiUrl}/test/stream`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const arrivals: number[] = [];
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      arrivals.push(performance.now() - started);
      text += Buffer.from(value).toString();
    }
    const total = performance.now() - started;
    expect(text.match(/data: tick \d/g)).toEqual([
      'data: tick 0',
      'data: tick 1',
      'data: tick 2',
      'data: tick 3',
      'data: tick 4',
    ]);
    // The handler sleeps 200 ms between ticks. A buffered response would deliver every
    // byte at the end; streamed, the first tick arrives about 800 ms before the last.
    expect(total).toBeGreaterThanOrEqual(950);
    expect(arrivals.length).toBeGreaterThanOrEqual(4);
    expect(arrivals[arrivals.length - 1]! - arrivals[0]!).toBeGreaterThanOrEqual(500);
  });

  it("enforces API Gateway's 10 MB payload limit", async () => {
    const justUnder = Buffer.alloc(10 * 1024 * 1024 - 16, 7);
    const ok = await fetch(`${stack.apiUrl}/test/binary`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: justUnder,
    });
    expect(ok.status).toBe(200);
    expect((await ok.arrayBuffer()).byteLength).toBe(justUnder.length);

    const over = await fetch(`${stack.apiUrl}/test/binary`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: Buffer.alloc(10 * 1024 * 1024 + 1, 7),
    });
    expect(over.status).toBe(413);
    expect((await jsonOf(over)).error.code).toBe('payload_too_large');
  }, 30_000);

  it('answers 504 when a handler outlives the integration timeout', async () => {
    const res = await fetch(`${stack.apiUrl}/test/slow`);
    expect(res.status).toBe(504);
    expect((await jsonOf(res)).error).toMatchObject({
      code: 'integration_timeout',
      message: 'Endpoint request timed out',
    });
  });

  it('answers CORS preflight requests', async () => {
    const res = await fetch(`${stack.apiUrl}/api/v1/auth/keys`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('Authorization');
  });
});
