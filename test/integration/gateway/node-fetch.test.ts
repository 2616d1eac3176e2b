import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeFetch } from '../../../shared/gateway/backends/node-fetch';

describe('the gateway’s fetch over node:http', () => {
  let server: Server;
  let base: string;
  const fetch = createNodeFetch(4);

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.url === '/empty') return void res.writeHead(204).end();
        if (req.url === '/hang') return; // never answers
        if (req.url === '/cut') {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write('data: 1\n\n');
          setTimeout(() => res.socket?.destroy(), 20);
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
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends method, headers and body and returns a WHATWG Response', async () => {
    const res = await fetch(`${base}/echo`, {
      method: 'post',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer x' },
      body: '{"a":1}',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-multi')).toBe('a, b');
    const echoed = (await res.json()) as { method: string; headers: Record<string, string>; body: string };
    expect(echoed).toMatchObject({ method: 'POST', body: '{"a":1}', headers: { authorization: 'Bearer x' } });
  });

  it('accepts a URL object and byte bodies, and gives null-body statuses no body', async () => {
    const bytes = await fetch(new URL(`${base}/echo`), {
      method: 'PUT',
      body: new TextEncoder().encode('hé'),
    });
    expect(((await bytes.json()) as { body: string }).body).toBe('hé');
    const empty = await fetch(`${base}/empty`);
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it('refuses body types the SDK never sends', async () => {
    await expect(fetch(`${base}/echo`, { method: 'POST', body: new URLSearchParams('a=1') })).rejects.toThrow(
      TypeError,
    );
  });

  it('aborts on the signal, and reports refused connections and cut streams as errors', async () => {
    const controller = new AbortController();
    const pending = fetch(`${base}/hang`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });

    await expect(fetch('http://127.0.0.1:1/')).rejects.toThrow(/ECONNREFUSED/);

    const cut = await fetch(`${base}/cut`);
    await expect(cut.text()).rejects.toThrow();
  });
});
