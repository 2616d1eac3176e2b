import { mastodon } from '../../../../../../shared/providers/catalog/social/mastodon';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Mastodon's REST API as documented (docs.joinmastodon.org/methods/statuses, /accounts):
 * https://{instance}/api/v1, `Authorization: Bearer <token>`; POST /statuses takes the status
 * params (JSON accepted) and an optional `Idempotency-Key` header, answering the Status entity;
 * errors are {"error": "…"} (401 "The access token is invalid", 422 validation failures);
 * GET /accounts/:id/statuses answers an array, paged by a `Link` header with rel="next"/"prev".
 */
const TOKEN = 'mastodon-access-token-0123456789';
const CREDENTIAL = JSON.stringify({ instance: 'mastodon.example', token: TOKEN });
const status = (id: string, content = `<p>status ${id}</p>`) => ({
  id,
  created_at: '2026-12-03T12:00:00.000Z',
  visibility: 'unlisted',
  url: `https://mastodon.example/@ada/${id}`,
  content,
});

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${TOKEN}`)
      return sendJson(res, 401, { error: 'The access token is invalid' });
    if (req.method === 'POST' && req.path === '/api/v1/statuses') {
      const body = jsonBody<{ status?: string; media_ids?: string[] }>(req);
      if (!body.status && !body.media_ids?.length)
        return sendJson(res, 422, { error: "Validation failed: Text can't be blank" });
      return sendJson(res, 200, {
        ...status('109000000000000001', `<p>${body.status}</p>`),
        visibility: 'unlisted',
      });
    }
    if (req.method === 'DELETE' && req.path === '/api/v1/statuses/109000000000000001')
      return sendJson(res, 200, { ...status('109000000000000001'), text: 'hello fediverse' });
    if (req.method === 'GET' && req.path === '/api/v1/accounts/42/statuses') {
      const self = `http://${req.headers.host}/api/v1/accounts/42/statuses`;
      if (req.query.get('max_id') === '7')
        return sendJson(res, 200, [status('6'), status('5')], {
          link: `<${self}?max_id=5>; rel="next", <${self}?min_id=6>; rel="prev"`,
        });
      return sendJson(res, 200, [status('9'), status('8'), status('7')], {
        link: `<${self}?limit=3&max_id=7>; rel="next", <${self}?min_id=9>; rel="prev"`,
      });
    }
    return sendJson(res, 404, { error: 'Record not found' });
  });
});
afterAll(() => fake.close());

it('posts a status with an Idempotency-Key that is the same when the step is retried', async () => {
  const provider = wireProvider(mastodon, fake);
  const params = { status: 'hello fediverse', visibility: 'unlisted', language: 'en' };
  const result = await runAction(provider, 'post_status', params, { credential: CREDENTIAL });
  const first = fake.last();
  expect(first).toMatchObject({ method: 'POST', path: '/api/v1/statuses' });
  expect(first.headers['content-type']).toBe('application/json');
  expect(jsonBody(first)).toEqual({ status: 'hello fediverse', visibility: 'unlisted', language: 'en' });
  const key = first.headers['idempotency-key'];
  expect(key).toMatch(/^flowgate-[0-9a-f]{64}$/);
  await runAction(provider, 'post_status', params, { credential: CREDENTIAL });
  expect(fake.last().headers['idempotency-key']).toBe(key);
  await runAction(provider, 'post_status', params, { credential: CREDENTIAL, stepId: 'step-2' });
  expect(fake.last().headers['idempotency-key']).not.toBe(key);
  expect(result).toEqual({
    success: true,
    output: {
      id: '109000000000000001',
      url: 'https://mastodon.example/@ada/109000000000000001',
      created_at: '2026-12-03T12:00:00.000Z',
      visibility: 'unlisted',
    },
    message: 'Posted https://mastodon.example/@ada/109000000000000001',
  });
});

it('deletes a status and outputs its source text', async () => {
  const provider = wireProvider(mastodon, fake);
  const result = await runAction(
    provider,
    'delete_status',
    { id: '109000000000000001' },
    { credential: CREDENTIAL },
  );
  expect(fake.last()).toMatchObject({
    method: 'DELETE',
    path: '/api/v1/statuses/109000000000000001',
    body: '',
  });
  expect(result).toEqual({
    success: true,
    output: { id: '109000000000000001', text: 'hello fediverse' },
    message: 'Deleted status 109000000000000001',
  });
});

it('follows the Link header through an account’s statuses', async () => {
  const provider = wireProvider(mastodon, fake);
  const result = await runAction(
    provider,
    'account_statuses',
    { account_id: '42', limit: 3, exclude_replies: true, max_pages: 2 },
    { credential: CREDENTIAL },
  );
  const [first, second] = fake.requests.slice(-2);
  expect(first).toMatchObject({ method: 'GET', path: '/api/v1/accounts/42/statuses' });
  expect(first!.rawQuery).toBe('limit=3&exclude_replies=true');
  expect(second!.rawQuery).toBe('limit=3&max_id=7');
  expect(second!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(result).toMatchObject({
    success: true,
    output: {
      pages: 2,
      has_more: true,
      items: [{ id: '9' }, { id: '8' }, { id: '7' }, { id: '6' }, { id: '5' }],
    },
    message: 'Mastodon: 5 items from 2 pages',
  });
});

it("reports Mastodon's error on a blank status and on a bad token", async () => {
  const provider = wireProvider(mastodon, fake);
  const blank = await runAction(provider, 'post_status', { status: '' }, { credential: CREDENTIAL });
  expect(blank).toMatchObject({
    success: false,
    message: "Mastodon responded 422: Validation failed: Text can't be blank",
  });
  const wrong = await runAction(
    provider,
    'get_status',
    { id: '1' },
    { credential: JSON.stringify({ instance: 'mastodon.example', token: 'revoked' }) },
  );
  expect(wrong).toMatchObject({
    success: false,
    message: 'Mastodon responded 401: The access token is invalid',
  });
});
