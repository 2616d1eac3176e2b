import { sendJson, sendText, startFakeServer, type FakeServer } from './fake-server';

/**
 * A generic HTTP service for the guard and the http/webhook/custom providers:
 *   /echo...           JSON of what arrived (method, path, query, headers, body)
 *   /text              a text/plain body
 *   /status/<n>        that status, with an optional Retry-After from ?retry_after=
 *   /redirect?to=&status=   a redirect to `to` (301/302/303/307/308)
 *   /big?bytes=        a body of that many bytes (?declared=0 omits content-length)
 *   /slow?ms=          answers after that long
 */
export async function startHttpFake(): Promise<FakeServer> {
  return startFakeServer(async (req, res) => {
    const q = req.query;
    if (req.path === '/text') return sendText(res, 200, 'plain words');
    const status = /^\/status\/(\d{3})$/.exec(req.path);
    if (status) {
      const headers: Record<string, string> = q.get('retry_after')
        ? { 'retry-after': q.get('retry_after')! }
        : {};
      return sendJson(res, Number(status[1]), { error: `status ${status[1]}` }, headers);
    }
    if (req.path === '/redirect') {
      res.writeHead(Number(q.get('status') ?? 302), { location: q.get('to') ?? '/echo' });
      return res.end();
    }
    if (req.path === '/big') {
      const bytes = Number(q.get('bytes') ?? 0);
      if (q.get('declared') === '0') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        for (let sent = 0; sent < bytes; sent += 1024) res.write('x'.repeat(Math.min(1024, bytes - sent)));
        return res.end();
      }
      return sendText(res, 200, 'x'.repeat(bytes));
    }
    if (req.path === '/slow') {
      // The timer goes when the client gives up, so nothing outlives the test.
      const timer = setTimeout(() => sendJson(res, 200, { slow: true }), Number(q.get('ms') ?? 1000));
      res.on('close', () => clearTimeout(timer));
      return;
    }
    return sendJson(res, 200, {
      method: req.method,
      path: req.path,
      query: Object.fromEntries(q),
      headers: req.headers,
      body: req.body,
    });
  });
}
