import { klaviyo } from '../../../../../../shared/providers/catalog/marketing/klaviyo';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Klaviyo's REST API as documented (developers.klaviyo.com/en/reference): `Authorization:
 * Klaviyo-API-Key pk_…`, a required dated `revision` header, JSON:API bodies
 * `{"data":{"type":"profile","attributes":{…}}}`; POST /api/profiles answers 201 with the
 * profile, 409 `duplicate_profile` when it exists; GET /api/profiles pages with a full
 * `links.next` URL (`page[cursor]`); POST /api/events answers 202 with no body. Errors are
 * `{"errors":[{"id","status","code","title","detail","source"}]}`.
 */
const KEY = 'pk_0123456789abcdef0123456789abcdef01';
const error = (status: number, code: string, title: string, detail: string) => ({
  errors: [
    {
      id: 'e4eebb08-b055-4a6f-bb13-c8cb69c9eb94',
      status,
      code,
      title,
      detail,
      source: { pointer: '/data/' },
    },
  ],
});
const profile = (id: string, email: string) => ({
  type: 'profile',
  id,
  attributes: { email, created: '2026-12-03T12:00:00+00:00' },
  links: { self: `https://a.klaviyo.com/api/profiles/${id}/` },
});

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers.authorization !== `Klaviyo-API-Key ${KEY}`)
      return sendJson(
        res,
        401,
        error(
          401,
          'not_authenticated',
          'Authentication credentials were not provided.',
          'Missing or invalid private key.',
        ),
      );
    if (!/^\d{4}-\d{2}-\d{2}(\.pre)?$/.test(String(req.headers.revision ?? '')))
      return sendJson(res, 400, error(400, 'invalid', 'Invalid input.', 'A revision header is required.'));
    if (req.method === 'POST' && req.path === '/api/profiles') {
      const body = jsonBody<{ data?: { type?: string; attributes?: { email?: string } } }>(req);
      if (body.data?.type !== 'profile')
        return sendJson(
          res,
          409,
          error(409, 'conflict', 'Conflict.', 'The type in the request body does not match the endpoint.'),
        );
      if (body.data.attributes?.email === 'taken@example.com')
        return sendJson(
          res,
          409,
          error(
            409,
            'duplicate_profile',
            'Conflict.',
            'A profile already exists with one of these identifiers.',
          ),
        );
      return sendJson(res, 201, { data: profile('01JEXAMPLEPROFILE', body.data.attributes?.email ?? '') });
    }
    if (req.method === 'GET' && req.path === '/api/profiles') {
      if (req.query.get('page[cursor]') === 'bmV4dA')
        return sendJson(res, 200, {
          data: [profile('P3', 'c@example.com')],
          links: { self: 'x', next: null, prev: 'y' },
        });
      return sendJson(res, 200, {
        data: [profile('P1', 'a@example.com'), profile('P2', 'b@example.com')],
        links: {
          self: `http://${req.headers.host}/api/profiles?page[size]=2`,
          next: `http://${req.headers.host}/api/profiles?page%5Bsize%5D=2&page%5Bcursor%5D=bmV4dA`,
          prev: null,
        },
      });
    }
    if (req.method === 'POST' && req.path === '/api/events') {
      res.writeHead(202);
      return res.end();
    }
    return sendJson(
      res,
      404,
      error(404, 'not_found', 'Not found.', 'The requested resource does not exist.'),
    );
  });
});
afterAll(() => fake.close());

it('creates a profile with the key header, revision and a JSON:API body', async () => {
  const provider = wireProvider(klaviyo, fake);
  const result = await runAction(
    provider,
    'create_profile',
    { email: 'ada@example.com', first_name: 'Ada', properties: { plan: 'pro' } },
    { credential: KEY },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/api/profiles' });
  expect(sent.headers.revision).toBe('2025-01-15');
  expect(sent.headers.accept).toBe('application/vnd.api+json');
  expect(jsonBody(sent)).toEqual({
    data: {
      type: 'profile',
      attributes: { email: 'ada@example.com', first_name: 'Ada', properties: { plan: 'pro' } },
    },
  });
  expect(result).toEqual({
    success: true,
    output: { id: '01JEXAMPLEPROFILE', email: 'ada@example.com', created: '2026-12-03T12:00:00+00:00' },
    message: 'Created profile 01JEXAMPLEPROFILE',
  });
});

it('records an event with nested metric and profile objects (202, no body)', async () => {
  const provider = wireProvider(klaviyo, fake);
  const result = await runAction(
    provider,
    'create_event',
    { metric_name: 'Placed Order', email: 'ada@example.com', properties: { order_id: 'A1' }, value: 9.99 },
    { credential: KEY },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/api/events' });
  expect(jsonBody(fake.last())).toEqual({
    data: {
      type: 'event',
      attributes: {
        metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } },
        profile: { data: { type: 'profile', attributes: { email: 'ada@example.com' } } },
        properties: { order_id: 'A1' },
        value: 9.99,
      },
    },
  });
  expect(result).toEqual({ success: true, output: null, message: 'Klaviyo accepted the event' });
});

it('follows links.next to the last page', async () => {
  const provider = wireProvider(klaviyo, fake);
  const result = await runAction(
    provider,
    'list_profiles',
    { page_size: 2, max_pages: 5 },
    { credential: KEY },
  );
  const [first, second] = fake.requests.slice(-2);
  expect(first!.rawQuery).toBe('page%5Bsize%5D=2');
  expect(second!.query.get('page[cursor]')).toBe('bmV4dA');
  expect(second!.headers.authorization).toBe(`Klaviyo-API-Key ${KEY}`);
  expect(second!.headers.revision).toBe('2025-01-15');
  expect(result).toMatchObject({ success: true, output: { pages: 2, has_more: false } });
  expect((result.output as { items: { id: string }[] }).items.map((p) => p.id)).toEqual(['P1', 'P2', 'P3']);
});

it("reports the first error's detail", async () => {
  const provider = wireProvider(klaviyo, fake);
  const duplicate = await runAction(
    provider,
    'create_profile',
    { email: 'taken@example.com' },
    { credential: KEY },
  );
  expect(duplicate).toMatchObject({
    success: false,
    output: { status: 409 },
    message: 'Klaviyo responded 409: A profile already exists with one of these identifiers.',
  });
  const denied = await runAction(provider, 'list_profiles', {}, { credential: 'pk_wrong' });
  expect(denied).toMatchObject({
    success: false,
    message: 'Klaviyo responded 401: Missing or invalid private key.',
  });
});
