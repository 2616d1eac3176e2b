import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createUpstreamTransport } from '../../../shared/gateway/backends/upstream-transport';

describe('the gateway’s upstream transport over node:http', () => {
  let server: Server;
  let base: string;
  const transport = createUpstreamTransport(4);
  let opened = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.url === '/hang') return; // never answers
        if (req.url === '/cut') {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write('data: 1\n\n');
          setTimeout(() => res.socket?.destroy(), 20);
          return;
        }
        if (req.url === '/endless') {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          const timer = setInterval(() => res.write('data: tick\n\n'), 5);
          res.on('close', () => clearInterval(timer));
          return;
        }
        res.writeHead(201, [
          ['content-type', 'application/json'],
          ['x-multi', 'a'],
          ['x-multi', 'b'],
        ]);
        res.end(
          JSON.stringify({
            method: req.method,
            headers: req.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      });
    });
    server.on('connection', () => (opened += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends method, headers and body, and answers with status, headers and the text', async () => {
    const res = await transport(`${base}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: '{"a":"é"}',
    });
    expect(res.status).toBe(201);
    expect(res.headers().get('x-multi')).toBe('a, b');
    expect(JSON.parse(await res.text())).toMatchObject({
      method: 'POST',
      body: '{"a":"é"}',
      headers: { authorization: 'Bearer x' },
    });
  });

  it('reuses its connections', async () => {
    await (await transport(`${base}/echo`, { method: 'GET', headers: {} })).text();
    const before = opened;
    for (let i = 0; i < 5; i++)
      await (await transport(`${base}/echo`, { method: 'GET', headers: {} })).text();
    expect(opened).toBe(before);
  });

  it('streams the body, and closes the connection when the reader stops early', async () => {
    const res = await transport(`${base}/endless`, { method: 'GET', headers: {} });
    const closed = new Promise<void>((resolve) => (res.body as NodeJS.ReadableStream).once('close', resolve));
    let pieces = 0;
    for await (const _piece of res.body) if (++pieces === 3) break;
    await closed;
    expect(pieces).toBe(3);
  });

  it('aborts on the signal, and reports refused connections and cut streams as errors', async () => {
    const controller = new AbortController();
    const pending = transport(`${base}/hang`, { method: 'GET', headers: {}, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });

    await expect(transport('http://127.0.0.1:1/', { method: 'GET', headers: {} })).rejects.toThrow(
      /ECONNREFUSED/,
    );

    const cut = await transport(`${base}/cut`, { method: 'GET', headers: {} });
    await expect(cut.text()).rejects.toThrow();
  });
});
