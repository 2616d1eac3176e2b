import { resend } from '../../../../../../shared/providers/catalog/email/resend';
import {
  bearerOf,
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Resend's Emails API as documented (resend.com/docs/api-reference/emails): `Authorization:
 * Bearer re_…`, POST /emails with `from`, `to` (string or array), `subject`, `html`/`text`,
 * snake_case `reply_to`, an optional `Idempotency-Key` header; 200 `{"id":"…"}`. GET
 * /emails/{id} returns the e-mail with `last_event`. Errors are
 * `{"statusCode":422,"name":"validation_error","message":"…"}` (401 missing_api_key,
 * 403 invalid_api_key, 404 not_found).
 */
const KEY = 're_test_0123456789abcdef';
const ID = '49a3999c-0ce1-4ea6-ab68-afcd6dc2e794';

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    const key = bearerOf(req);
    if (!key)
      return sendJson(res, 401, {
        statusCode: 401,
        name: 'missing_api_key',
        message:
          'Missing API key in the authorization header. Include the following header in the request: Authorization: Bearer YOUR_API_KEY',
      });
    if (key !== KEY)
      return sendJson(res, 403, { statusCode: 403, name: 'invalid_api_key', message: 'API key is invalid' });
    if (req.method === 'POST' && req.path === '/emails') {
      if (req.headers['content-type'] !== 'application/json')
        return sendJson(res, 422, { statusCode: 422, name: 'validation_error', message: 'Invalid body' });
      const body = jsonBody<{ from?: string; to?: unknown; subject?: string }>(req);
      if (typeof body.from !== 'string' || !/@/.test(body.from))
        return sendJson(res, 422, {
          statusCode: 422,
          name: 'validation_error',
          message:
            'Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.',
        });
      return sendJson(res, 200, { id: ID });
    }
    if (req.method === 'GET' && req.path === `/emails/${ID}`)
      return sendJson(res, 200, {
        object: 'email',
        id: ID,
        to: ['ada@example.com'],
        from: 'Acme <hello@acme.com>',
        created_at: '2026-12-03 12:00:00.000000+00',
        subject: 'Hello',
        last_event: 'delivered',
      });
    return sendJson(res, 404, { statusCode: 404, name: 'not_found', message: 'Email not found' });
  });
});
afterAll(() => fake.close());

it('sends an e-mail with an idempotency key and returns its id', async () => {
  const provider = wireProvider(resend, fake);
  const result = await runAction(
    provider,
    'send_email',
    {
      from: 'Acme <hello@acme.com>',
      to: ['ada@example.com'],
      subject: 'Hello',
      html: '<p>Hi</p>',
      reply_to: ['help@acme.com'],
      tags: [{ name: 'category', value: 'welcome' }],
    },
    { credential: KEY },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/emails' });
  expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
  expect(sent.headers['idempotency-key']).toMatch(/^flowgate-[0-9a-f]{64}$/);
  expect(jsonBody(sent)).toEqual({
    from: 'Acme <hello@acme.com>',
    to: ['ada@example.com'],
    subject: 'Hello',
    html: '<p>Hi</p>',
    reply_to: ['help@acme.com'],
    tags: [{ name: 'category', value: 'welcome' }],
  });
  expect(result).toEqual({ success: true, output: ID, message: `Resend accepted e-mail ${ID}` });
});

it('retrieves an e-mail and its last event', async () => {
  const provider = wireProvider(resend, fake);
  const result = await runAction(provider, 'get_email', { email_id: ID }, { credential: KEY });
  expect(fake.last()).toMatchObject({ method: 'GET', path: `/emails/${ID}`, body: '' });
  expect(result).toEqual({
    success: true,
    output: {
      id: ID,
      to: ['ada@example.com'],
      subject: 'Hello',
      last_event: 'delivered',
      created_at: '2026-12-03 12:00:00.000000+00',
    },
    message: `E-mail ${ID}: delivered`,
  });
});

it("reports Resend's validation message and an invalid key", async () => {
  const provider = wireProvider(resend, fake);
  const invalid = await runAction(
    provider,
    'send_email',
    { from: 'nobody', to: ['ada@example.com'], subject: 'x', text: 'x' },
    { credential: KEY },
  );
  expect(invalid).toMatchObject({
    success: false,
    message:
      'Resend responded 422: Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.',
  });
  const denied = await runAction(provider, 'get_email', { email_id: ID }, { credential: 're_wrong' });
  expect(denied).toMatchObject({ success: false, message: 'Resend responded 403: API key is invalid' });
});
