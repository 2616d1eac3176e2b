import { GuardedHttp, OutboundBlockedError } from '../../../../shared/net/outbound-http';
import { systemResolver, type HostResolver } from '../../../../shared/net/outbound-http';
import { RetryableProviderError } from '../../../../shared/providers/types';
import type { FakeServer } from '../../../support/fakes/fake-server';
import { startHttpFake } from '../../../support/fakes/http-fake';
import { startTlsFake } from '../../../support/fakes/tls-fake';

let fake: FakeServer;
beforeAll(async () => {
  fake = await startHttpFake();
});
afterAll(() => fake.close());

/**
 * A resolver for names that exist only in this test (there is no real DNS here);
 * `localhost` goes to the system resolver (/etc/hosts), as in production.
 */
function fakeDns(table: Record<string, string[]>, calls: string[] = []): HostResolver {
  return async (hostname) => {
    calls.push(hostname);
    if (hostname === 'localhost') return systemResolver(hostname);
    const addresses = table[hostname];
    if (!addresses)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

const json = (body: string) => JSON.parse(body) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the SSRF corpus, with an empty allowlist', () => {
  const client = new GuardedHttp({
    allowCidrs: '',
    resolve: fakeDns({
      'internal.example.test': ['10.0.0.7'],
      'mixed.example.test': ['93.184.216.34', '192.168.0.9'],
    }),
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a non-public address \(linkLocal\)/],
    ['http://127.0.0.1/', /non-public address \(loopback\)/],
    ['http://localhost/', /localhost resolves to a non-public address \(loopback\)/],
    ['http://0.0.0.0/', /\(unspecified\)/],
    ['http://[::1]/', /\(loopback\)/],
    ['http://[::ffff:169.254.169.254]/', /\(ipv4Mapped:linkLocal\)/],
    ['http://[64:ff9b::a9fe:a9fe]/', /\(rfc6052:linkLocal\)/],
    ['http://[2002:a9fe:a9fe::]/', /\(6to4:linkLocal\)/],
    ['http://2130706433/', /127\.0\.0\.1 is a non-public address/],
    ['http://0177.0.0.1/', /127\.0\.0\.1 is a non-public address/],
    ['http://0x7f.0.0.1/', /127\.0\.0\.1 is a non-public address/],
    ['http://0x7f000001/', /127\.0\.0\.1 is a non-public address/],
    ['http://127.1/', /127\.0\.0\.1 is a non-public address/],
    ['http://0xa9fea9fe/', /169\.254\.169\.254 is a non-public address/],
    ['file:///etc/passwd', /scheme file is not allowed/],
    ['gopher://127.0.0.1:70/_GET', /scheme gopher is not allowed/],
    ['ftp://example.com/', /scheme ftp is not allowed/],
    ['http://good@evil.example/', /user information/],
    ['http://user:pass@8.8.8.8/', /user information/],
    ['http://internal.example.test/', /internal\.example\.test resolves to a non-public address \(private\)/],
    ['http://mixed.example.test/', /mixed\.example\.test resolves to a non-public address \(private\)/],
    ['not a url', /not a valid absolute URL/],
  ])('blocks %s', async (url, message) => {
    const attempt = client.request({ method: 'GET', url });
    await expect(attempt).rejects.toBeInstanceOf(OutboundBlockedError);
    await expect(client.request({ method: 'GET', url })).rejects.toThrow(message);
  });

  it('blocks the loopback fake itself: deny is the default', async () => {
    await expect(client.request({ method: 'GET', url: `${fake.url}/echo` })).rejects.toThrow(/loopback/);
  });

  it('never echoes the resolved address of a name', async () => {
    await expect(client.request({ method: 'GET', url: 'http://internal.example.test/' })).rejects.not.toThrow(
      /10\.0\.0\.7/,
    );
  });

  it('reports a name that does not exist as such, not as retryable', async () => {
    const attempt = client.request({ method: 'GET', url: 'http://nowhere.example.test/' });
    await expect(attempt).rejects.toThrow('Could not resolve host nowhere.example.test');
    await expect(
      client.request({ method: 'GET', url: 'http://nowhere.example.test/' }),
    ).rejects.not.toBeInstanceOf(RetryableProviderError);
  });
});

describe('GuardedHttp against an allowlisted loopback fake', () => {
  const client = new GuardedHttp({ allowCidrs: '127.0.0.0/8' });

  it('sends method, path, query, headers and body as given', async () => {
    const res = await client.request({
      method: 'put',
      url: `${fake.url}/echo/a?x=1`,
      headers: {
        'X-Custom': 'v',
        'Content-Type': 'text/plain',
        Host: 'spoofed.example',
        'Content-Length': '999',
      },
      body: 'héllo',
    });
    expect(res.status).toBe(200);
    const seen = json(res.body);
    expect(seen).toMatchObject({ method: 'PUT', path: '/echo/a', query: { x: '1' }, body: 'héllo' });
    expect(seen.headers).toMatchObject({
      'x-custom': 'v',
      'content-type': 'text/plain',
      'content-length': String(Buffer.byteLength('héllo')),
      host: `127.0.0.1:${fake.port}`,
      'user-agent': 'Flowgate/1.0 (+automation)',
    });
    expect(res.headers['content-type']).toBe('application/json');
  });

  it('pins the connection to the checked address: the name is resolved once and sent as Host', async () => {
    const calls: string[] = [];
    const pinned = new GuardedHttp({
      allowCidrs: '127.0.0.0/8',
      resolve: fakeDns({ 'api.example.test': ['127.0.0.1'] }, calls),
    });
    const res = await pinned.request({ method: 'GET', url: `http://api.example.test:${fake.port}/echo` });
    expect(json(res.body).headers.host).toBe(`api.example.test:${fake.port}`);
    expect(calls).toEqual(['api.example.test']);
  });

  it('follows redirects and re-checks every hop', async () => {
    const to = encodeURIComponent(`${fake.url}/echo/final`);
    const res = await client.request({ method: 'GET', url: `${fake.url}/redirect?to=${to}` });
    expect(json(res.body).path).toBe('/echo/final');
  });

  it('blocks a redirect from an allowed host to an internal address', async () => {
    const to = encodeURIComponent('http://169.254.169.254/latest/meta-data/iam/');
    const before = fake.requests.length;
    await expect(client.request({ method: 'GET', url: `${fake.url}/redirect?to=${to}` })).rejects.toThrow(
      /169\.254\.169\.254 is a non-public address/,
    );
    expect(fake.requests.length).toBe(before + 1);
  });

  it('blocks a redirect to a name that resolves privately, and to another scheme', async () => {
    const viaDns = new GuardedHttp({
      allowCidrs: '127.0.0.0/8',
      resolve: fakeDns({ 'db.internal': ['10.0.0.9'] }),
    });
    const toName = encodeURIComponent('http://db.internal/');
    await expect(viaDns.request({ method: 'GET', url: `${fake.url}/redirect?to=${toName}` })).rejects.toThrow(
      /db\.internal resolves to a non-public address/,
    );
    const toFile = encodeURIComponent('file:///etc/passwd');
    await expect(client.request({ method: 'GET', url: `${fake.url}/redirect?to=${toFile}` })).rejects.toThrow(
      /scheme file/,
    );
  });

  it('stops after five redirects', async () => {
    let url = `${fake.url}/echo/end`;
    for (let i = 0; i < 6; i++) url = `${fake.url}/redirect?to=${encodeURIComponent(url)}`;
    await expect(client.request({ method: 'GET', url })).rejects.toThrow('more than 5 redirects');
    let five = `${fake.url}/echo/end`;
    for (let i = 0; i < 5; i++) five = `${fake.url}/redirect?to=${encodeURIComponent(five)}`;
    expect(json((await client.request({ method: 'GET', url: five })).body).path).toBe('/echo/end');
  });

  it('turns a POST into a GET on 303 and keeps it on 307', async () => {
    const to = encodeURIComponent(`${fake.url}/echo/next`);
    const see = await client.request({
      method: 'POST',
      url: `${fake.url}/redirect?status=303&to=${to}`,
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(json(see.body)).toMatchObject({ method: 'GET', body: '' });
    expect(json(see.body).headers['content-type']).toBeUndefined();
    const temp = await client.request({
      method: 'POST',
      url: `${fake.url}/redirect?status=307&to=${to}`,
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(json(temp.body)).toMatchObject({ method: 'POST', body: '{"a":1}' });
  });

  it('drops credentials on a redirect to another origin but keeps them on the same origin', async () => {
    const headers = {
      authorization: 'Bearer secret-token',
      'x-api-key': 'k-123',
      accept: 'application/json',
    };
    const same = encodeURIComponent(`${fake.url}/echo/same`);
    const kept = json(
      (await client.request({ method: 'GET', url: `${fake.url}/redirect?to=${same}`, headers })).body,
    );
    expect(kept.headers).toMatchObject({ authorization: 'Bearer secret-token', 'x-api-key': 'k-123' });
    // Same server, other origin (localhost instead of 127.0.0.1).
    const other = encodeURIComponent(`http://localhost:${fake.port}/echo/other`);
    const dropped = json(
      (await client.request({ method: 'GET', url: `${fake.url}/redirect?to=${other}`, headers })).body,
    );
    expect(dropped.path).toBe('/echo/other');
    expect(dropped.headers.authorization).toBeUndefined();
    expect(dropped.headers['x-api-key']).toBeUndefined();
    expect(dropped.headers.accept).toBe('application/json');
  });

  it('throws RetryableProviderError for 5xx and 429 (with Retry-After), and returns 4xx', async () => {
    const err = await client
      .request({ method: 'GET', url: `${fake.url}/status/503` })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableProviderError);
    expect(err).toMatchObject({ status: 503, message: expect.stringContaining('127.0.0.1 responded 503') });
    const limited = await client
      .request({ method: 'GET', url: `${fake.url}/status/429?retry_after=7` })
      .catch((e: unknown) => e);
    expect(limited).toMatchObject({ name: 'RetryableProviderError', status: 429, retryAfterMs: 7000 });
    const notFound = await client.request({ method: 'GET', url: `${fake.url}/status/404` });
    expect(notFound.status).toBe(404);
  });

  it('throws RetryableProviderError for a refused connection', async () => {
    const closed = await startHttpFake();
    const url = `${closed.url}/echo`;
    await closed.close();
    await expect(client.request({ method: 'GET', url })).rejects.toMatchObject({
      name: 'RetryableProviderError',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('caps the response size, declared or streamed', async () => {
    const small = new GuardedHttp({ allowCidrs: '127.0.0.0/8', maxResponseBytes: 10_000 });
    expect((await small.request({ method: 'GET', url: `${fake.url}/big?bytes=10000` })).body).toHaveLength(
      10_000,
    );
    await expect(small.request({ method: 'GET', url: `${fake.url}/big?bytes=10001` })).rejects.toThrow(
      'Response body exceeds 10000 bytes',
    );
    await expect(
      small.request({ method: 'GET', url: `${fake.url}/big?bytes=50000&declared=0` }),
    ).rejects.toThrow('Response body exceeds 10000 bytes');
  });

  it('caps the total time, as a retryable failure', async () => {
    const quick = new GuardedHttp({ allowCidrs: '127.0.0.0/8', timeoutMs: 50 });
    await expect(quick.request({ method: 'GET', url: `${fake.url}/slow?ms=2000` })).rejects.toMatchObject({
      name: 'RetryableProviderError',
      message: 'Request to 127.0.0.1 timed out after 50 ms',
    });
  });

  it("stops when the caller's signal aborts, without calling it retryable", async () => {
    const controller = new AbortController();
    const pending = client.request({
      method: 'GET',
      url: `${fake.url}/slow?ms=2000`,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('step deadline')), 20);
    await expect(pending).rejects.toThrow('step deadline');
  });
});

describe('GuardedHttp over TLS', () => {
  it('keeps the host name for SNI while connecting to the pinned address, and refuses an untrusted certificate', async () => {
    const tls = await startTlsFake();
    try {
      const client = new GuardedHttp({
        allowCidrs: '127.0.0.0/8',
        resolve: fakeDns({ 'api.example.test': ['127.0.0.1'] }),
      });
      const err = await client
        .request({ method: 'GET', url: `https://api.example.test:${tls.port}/` })
        .catch((e: unknown) => e);
      expect(tls.serverNames).toEqual(['api.example.test']);
      expect(err).toMatchObject({ name: 'OutboundTlsError' });
      expect((err as Error).message).toMatch(/^TLS certificate of api\.example\.test was refused \(\w+\)$/);
      expect(err).not.toBeInstanceOf(RetryableProviderError);
    } finally {
      await tls.close();
    }
  });
});
