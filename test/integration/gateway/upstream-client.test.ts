import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  APIConnectionError,
  APIError,
  APIUserAbortError,
  BadRequestError,
  InternalServerError,
  RateLimitError,
} from 'openai';
import { createUpstreamTransport } from '../../../shared/gateway/backends/upstream-transport';
import { UpstreamClient } from '../../../shared/gateway/backends/upstream-client';

interface Seen {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe('the gateway’s upstream client', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];
  const transport = createUpstreamTransport(4);
  const client = () => new UpstreamClient(`${base}/v1/`, transport);
  const signal = () => new AbortController().signal;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({
          method: req.method,
          url: req.url,
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        });
        const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
          res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
        switch (req.url) {
          case '/v1/ok':
            return json(200, { id: 'x', echoed: Buffer.concat(chunks).toString() });
          case '/v1/empty':
            return void res.writeHead(200).end();
          case '/v1/text':
            return void res.writeHead(200, { 'content-type': 'text/plain' }).end('not json');
          case '/v1/bad':
            return json(400, {
              error: { message: 'messages is required', code: 'missing', param: 'messages' },
            });
          case '/v1/busy':
            return json(429, { error: { message: 'slow down' } }, { 'retry-after': '7' });
          case '/v1/broken':
            return void res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
          case '/v1/hang':
            return; // never answers
          default:
            return json(404, { error: { message: 'no route' } });
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('POSTs the body as JSON with the given headers under the base path, and hands back a 2xx unread', async () => {
    const response = await client().post('/ok', {
      body: { model: 'm', messages: [{ role: 'user', content: 'é' }] },
      headers: { authorization: 'Bearer k', session_id: 's1' },
      signal: signal(),
    });
    expect(response.status).toBe(200);
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/ok' });
    expect(JSON.parse(request.body)).toEqual({ model: 'm', messages: [{ role: 'user', content: 'é' }] });
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: 'Bearer k',
      session_id: 's1',
    });
    expect(JSON.parse(await response.text())).toMatchObject({ id: 'x' });
  });

  it('sends no body when there is none', async () => {
    await client().post('/ok', { headers: {}, signal: signal() });
    expect(seen.at(-1)!.body).toBe('');
  });

  it('throws the SDK error class of the status, with the upstream’s error object and headers', async () => {
    const bad = await client()
      .post('/bad', { body: {}, headers: {}, signal: signal() })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(BadRequestError);
    expect(bad).toMatchObject({ status: 400, code: 'missing', param: 'messages' });
    expect((bad as APIError).error).toEqual({
      message: 'messages is required',
      code: 'missing',
      param: 'messages',
    });

    const busy = await client()
      .post('/busy', { body: {}, headers: {}, signal: signal() })
      .catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(RateLimitError);
    expect((busy as APIError).headers?.get('retry-after')).toBe('7');
  });

  it('keeps a body that is not JSON as the error’s message', async () => {
    const broken = await client()
      .post('/broken', { body: {}, headers: {}, signal: signal() })
      .catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(InternalServerError);
    expect(broken).toMatchObject({ status: 502, error: undefined });
    expect((broken as Error).message).toContain('<h1>Bad gateway</h1>');
  });

  it('reports an abort as the SDK’s abort error and an unreachable upstream as a connection error', async () => {
    const controller = new AbortController();
    const pending = client().post('/hang', { body: {}, headers: {}, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await new UpstreamClient(`http://127.0.0.1:${port}`, transport)
      .post('/x', { body: {}, headers: {}, signal: signal() })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(APIConnectionError);
    expect((refused as Error).cause).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('postForJson parses the answer, is undefined for an empty one, and throws a SyntaxError for text', async () => {
    const post = { body: { a: 1 }, headers: {}, signal: signal() };
    expect(await client().postForJson('/ok', post)).toEqual({ id: 'x', echoed: '{"a":1}' });
    expect(await client().postForJson('/empty', post)).toBeUndefined();
    await expect(client().postForJson('/text', post)).rejects.toThrow(SyntaxError);
  });
});
