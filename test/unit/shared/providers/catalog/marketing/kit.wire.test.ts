import { kit } from '../../../../../../shared/providers/catalog/marketing/kit';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Kit API v4 as documented (developers.kit.com/api-reference): the key in `X-Kit-Api-Key`;
 * POST /v4/subscribers upserts `{email_address, first_name, state, fields}` and answers
 * `{"subscriber":{…}}` (201 new, 200 existing); GET /v4/subscribers answers
 * `{"subscribers":[…],"pagination":{has_next_page,end_cursor,…}}` and takes `after`;
 * POST /v4/tags/{id}/subscribers tags by `email_address`. Errors are `{"errors":["…"]}`
 * (401 "The access token is invalid", 422 for invalid input).
 */
const KEY = 'kit_0123456789abcdef0123456789abcdef';
const subscriber = (email: string, first = 'Ada') => ({
  id: 3087,
  first_name: first,
  email_address: email,
  state: 'active',
  created_at: '2026-12-03T12:00:00Z',
  fields: {},
});

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers['x-kit-api-key'] !== KEY)
      return sendJson(res, 401, { errors: ['The access token is invalid'] });
    if (req.method === 'POST' && req.path === '/v4/subscribers') {
      const body = jsonBody<{ email_address?: string; first_name?: string }>(req);
      if (!body.email_address || !body.email_address.includes('@'))
        return sendJson(res, 422, { errors: ['Email address is invalid'] });
      return sendJson(res, 201, { subscriber: subscriber(body.email_address, body.first_name) });
    }
    if (req.method === 'GET' && req.path === '/v4/subscribers')
      return sendJson(res, 200, {
        subscribers: [subscriber('ada@example.com')],
        pagination: {
          has_previous_page: false,
          has_next_page: true,
          start_cursor: 'WzE0XQ==',
          end_cursor: 'WzE0XQ==',
          per_page: Number(req.query.get('per_page') ?? 500),
        },
      });
    if (req.method === 'POST' && req.path === '/v4/tags/55/subscribers') {
      const body = jsonBody<{ email_address?: string }>(req);
      if (body.email_address !== 'ada@example.com') return sendJson(res, 404, { errors: ['Not Found'] });
      return sendJson(res, 201, {
        subscriber: { ...subscriber('ada@example.com'), tagged_at: '2026-12-03T12:01:00Z' },
      });
    }
    return sendJson(res, 404, { errors: ['Not Found'] });
  });
});
afterAll(() => fake.close());

it('creates a subscriber with the key header and snake_case body', async () => {
  const provider = wireProvider(kit, fake);
  const result = await runAction(
    provider,
    'create_subscriber',
    { email: 'ada@example.com', first_name: 'Ada', fields: { last_name: 'Lovelace' } },
    { credential: KEY },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/v4/subscribers' });
  expect(fake.last().headers.authorization).toBeUndefined();
  expect(jsonBody(fake.last())).toEqual({
    email_address: 'ada@example.com',
    first_name: 'Ada',
    fields: { last_name: 'Lovelace' },
  });
  expect(result).toEqual({
    success: true,
    output: subscriber('ada@example.com'),
    message: 'Subscriber 3087: ada@example.com',
  });
});

it('lists subscribers with the after cursor and keeps the pagination block', async () => {
  const provider = wireProvider(kit, fake);
  const result = await runAction(
    provider,
    'list_subscribers',
    { status: 'active', after: 'WzEzXQ==', per_page: 1 },
    { credential: KEY },
  );
  expect(fake.last().path).toBe('/v4/subscribers');
  expect(fake.last().rawQuery).toBe('status=active&after=WzEzXQ%3D%3D&per_page=1');
  expect(result).toMatchObject({
    success: true,
    output: {
      subscribers: [subscriber('ada@example.com')],
      pagination: { has_next_page: true, end_cursor: 'WzE0XQ==', per_page: 1 },
    },
  });
});

it('tags a subscriber by e-mail address', async () => {
  const provider = wireProvider(kit, fake);
  const result = await runAction(
    provider,
    'tag_subscriber',
    { tag_id: 55, email: 'ada@example.com' },
    { credential: KEY },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/v4/tags/55/subscribers' });
  expect(jsonBody(fake.last())).toEqual({ email_address: 'ada@example.com' });
  expect(result).toMatchObject({ success: true, message: 'Tagged ada@example.com' });
});

it("reports Kit's first error", async () => {
  const provider = wireProvider(kit, fake);
  const denied = await runAction(
    provider,
    'create_subscriber',
    { email: 'ada@example.com' },
    { credential: 'kit_wrong' },
  );
  expect(denied).toMatchObject({
    success: false,
    message: 'Kit (ConvertKit) responded 401: The access token is invalid',
  });
  const missing = await runAction(
    provider,
    'tag_subscriber',
    { tag_id: 55, email: 'nobody@example.com' },
    { credential: KEY },
  );
  expect(missing).toMatchObject({ success: false, message: 'Kit (ConvertKit) responded 404: Not Found' });
});
