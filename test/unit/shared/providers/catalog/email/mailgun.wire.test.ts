import { mailgun } from '../../../../../../shared/providers/catalog/email/mailgun';
import { credentialFields } from '../../../../../../shared/providers/manifest/manifest-auth';
import { parseManifest } from '../../../../../../shared/providers/manifest/manifest-provider';
import { buildRequest } from '../../../../../../shared/providers/manifest/manifest-request';
import {
  sendJson,
  sendText,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Mailgun's Messages and Events API as documented (documentation.mailgun.com): HTTP basic
 * auth with the user `api` and the API key as password; POST /v3/{domain}/messages takes a
 * form body (from, to, subject, text/html, o:/h:/t: options) and answers
 * `{"id":"<…>","message":"Queued. Thank you."}`; a wrong key gets a plain-text 401
 * "Forbidden"; a bad request gets 400 `{"message":"…"}`. GET /v3/{domain}/events answers
 * `{"items":[…],"paging":{"next":"https://api.mailgun.net/v3/…"}}` (here the fake's own host).
 */
const KEY = 'key-0123456789abcdef0123456789abcdef';
const CREDENTIAL = JSON.stringify({ api_key: KEY });
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers.authorization !== basic('api', KEY)) return sendText(res, 401, 'Forbidden');
    if (req.method === 'POST' && req.path === '/v3/mg.example.com/messages') {
      if (req.headers['content-type'] !== 'application/x-www-form-urlencoded')
        return sendJson(res, 400, { message: 'expected a form body' });
      const form = new URLSearchParams(req.body);
      if (!form.get('from')) return sendJson(res, 400, { message: 'from parameter is missing' });
      if (!form.get('text') && !form.get('html') && !form.get('template'))
        return sendJson(res, 400, {
          message: "Need at least one of 'text', 'html' or 'template' parameters specified",
        });
      return sendJson(res, 200, {
        id: '<20261203120000.1.ABCDEF@mg.example.com>',
        message: 'Queued. Thank you.',
      });
    }
    if (req.method === 'GET' && req.path === '/v3/mg.example.com/events') {
      const page = req.query.get('page');
      if (page === 'two')
        return sendJson(res, 200, {
          items: [{ id: 'ev3', event: 'failed' }],
          paging: { next: `http://${req.headers.host}/v3/mg.example.com/events/three` },
        });
      return sendJson(res, 200, {
        items: [
          { id: 'ev1', event: 'failed' },
          { id: 'ev2', event: 'failed' },
        ],
        paging: { next: `http://${req.headers.host}/v3/mg.example.com/events?page=two` },
      });
    }
    return sendJson(res, 404, { message: 'Domain not found: ' + req.path });
  });
});
afterAll(() => fake.close());

it('sends a form-encoded message with basic auth api:key', async () => {
  const provider = wireProvider(mailgun, fake);
  const result = await runAction(
    provider,
    'send_message',
    {
      domain: 'mg.example.com',
      from: 'Ada <ada@mg.example.com>',
      to: 'bob@example.com, carol@example.com',
      subject: 'Hello',
      text: 'Plain body',
      tag: 'welcome',
      reply_to: 'help@example.com',
    },
    { credential: CREDENTIAL },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/v3/mg.example.com/messages' });
  expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded');
  expect(Object.fromEntries(new URLSearchParams(sent.body))).toEqual({
    from: 'Ada <ada@mg.example.com>',
    to: 'bob@example.com, carol@example.com',
    subject: 'Hello',
    text: 'Plain body',
    'o:tag': 'welcome',
    'h:Reply-To': 'help@example.com',
  });
  expect(result).toEqual({
    success: true,
    output: { id: '<20261203120000.1.ABCDEF@mg.example.com>', message: 'Queued. Thank you.' },
    message: 'Mailgun: Queued. Thank you.',
  });
});

it('builds the EU host from the region field', () => {
  // The fake replaces the origin, so the host is checked on the request the manifest builds.
  const parsed = parseManifest(mailgun);
  const fields = credentialFields(
    'mailgun',
    parsed.auth,
    JSON.stringify({ api_key: KEY, region: 'api.eu.mailgun.net' }),
  );
  const request = buildRequest({
    manifest: parsed,
    action: parsed.actions.send_message!,
    params: { domain: 'mg.example.com', from: 'a@mg.example.com', to: 'b@example.com', text: 'x' },
    fields,
    runId: 'run-1',
    stepId: 'step-1',
  });
  expect(request.url).toBe('https://api.eu.mailgun.net/v3/mg.example.com/messages');
  expect(request.headers.authorization).toBe(basic('api', KEY));
});

it("reports Mailgun's message on a 400", async () => {
  const provider = wireProvider(mailgun, fake);
  const bad = await runAction(
    provider,
    'send_message',
    { domain: 'mg.example.com', from: 'ada@mg.example.com', to: 'bob@example.com', subject: 'No body' },
    { credential: CREDENTIAL },
  );
  expect(bad).toMatchObject({
    success: false,
    message: "Mailgun responded 400: Need at least one of 'text', 'html' or 'template' parameters specified",
  });
});

it('fails with the plain-text 401 on a wrong key', async () => {
  const provider = wireProvider(mailgun, fake);
  const bad = await runAction(
    provider,
    'send_message',
    { domain: 'mg.example.com', from: 'a@mg.example.com', to: 'b@example.com', text: 'x' },
    { credential: JSON.stringify({ api_key: 'key-wrong' }) },
  );
  expect(bad).toMatchObject({ success: false, message: 'Mailgun responded 401: Forbidden' });
});

it('rejects a region that is not one of Mailgun’s hosts before any request', async () => {
  const provider = wireProvider(mailgun, fake);
  const before = fake.requests.length;
  await expect(
    runAction(
      provider,
      'send_message',
      { domain: 'mg.example.com', from: 'a@mg.example.com', to: 'b@example.com', text: 'x' },
      { credential: JSON.stringify({ api_key: KEY, region: 'evil.example.com' }) },
    ),
  ).rejects.toThrow(/unknown region/);
  expect(fake.requests.length).toBe(before);
});

it('follows paging.next through the events pages', async () => {
  const provider = wireProvider(mailgun, fake);
  const result = await runAction(
    provider,
    'list_events',
    { domain: 'mg.example.com', event: 'failed', limit: 2, max_pages: 2 },
    { credential: CREDENTIAL },
  );
  const [first, second] = fake.requests.slice(-2);
  expect(first).toMatchObject({ method: 'GET', path: '/v3/mg.example.com/events' });
  expect(first!.rawQuery).toBe('event=failed&limit=2');
  expect(second).toMatchObject({ path: '/v3/mg.example.com/events' });
  expect(second!.query.get('page')).toBe('two');
  expect(second!.headers.authorization).toBe(basic('api', KEY));
  expect(result).toEqual({
    success: true,
    output: {
      items: [
        { id: 'ev1', event: 'failed' },
        { id: 'ev2', event: 'failed' },
        { id: 'ev3', event: 'failed' },
      ],
      pages: 2,
      has_more: true,
    },
    message: 'Mailgun: 3 items from 2 pages',
  });
});
