import { bitly } from '../../../../../../shared/providers/catalog/utility/bitly';
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
 * Bitly's API v4 as documented (dev.bitly.com/api-reference): a bearer access token, JSON
 * bodies, POST /v4/shorten `{long_url}` answering `{link, id, long_url, created_at}`,
 * GET /v4/bitlinks/{bitlink}/clicks/summary, and `{message, description, resource}` on a refusal.
 */
const TOKEN = 'bitly-access-token-0123456789';
let fake: FakeServer;

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (bearerOf(req) !== TOKEN)
      return sendJson(res, 403, {
        message: 'FORBIDDEN',
        description: 'You are currently forbidden to access this resource.',
      });
    if (req.method === 'POST' && (req.path === '/v4/shorten' || req.path === '/v4/expand')) {
      if (req.headers['content-type'] !== 'application/json')
        return sendJson(res, 422, {
          message: 'UNPROCESSABLE_ENTITY',
          description: 'The JSON value provided is invalid.',
        });
      const body = jsonBody<{ long_url?: string; bitlink_id?: string; domain?: string }>(req);
      if (req.path === '/v4/expand')
        return sendJson(res, 200, {
          id: body.bitlink_id,
          link: `https://${body.bitlink_id}`,
          long_url: 'https://example.com/a/very/long/path',
          created_at: '2026-12-01T10:00:00+0000',
        });
      if (!body.long_url?.startsWith('http'))
        return sendJson(res, 400, {
          message: 'INVALID_ARG_LONG_URL',
          resource: 'bitlinks',
          description: 'The value provided is invalid.',
        });
      return sendJson(res, 200, {
        id: `${body.domain ?? 'bit.ly'}/3xYz12A`,
        link: `https://${body.domain ?? 'bit.ly'}/3xYz12A`,
        long_url: body.long_url,
        created_at: '2026-12-03T12:00:00+0000',
        archived: false,
        tags: [],
      });
    }
    if (req.method === 'GET' && req.path === '/v4/bitlinks/bit.ly/3xYz12A/clicks/summary')
      return sendJson(res, 200, {
        total_clicks: 128,
        units: Number(req.query.get('units')),
        unit: req.query.get('unit'),
      });
    return sendJson(res, 404, { message: 'NOT_FOUND', description: 'The requested resource was not found.' });
  });
});
afterAll(() => fake.close());

it('shortens a URL with a bearer token', async () => {
  const provider = wireProvider(bitly, fake);
  const result = await runAction(
    provider,
    'shorten',
    { long_url: 'https://example.com/a/very/long/path?utm=1' },
    { credential: TOKEN },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/v4/shorten' });
  expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(jsonBody(sent)).toEqual({ long_url: 'https://example.com/a/very/long/path?utm=1' });
  expect(result).toEqual({
    success: true,
    output: {
      link: 'https://bit.ly/3xYz12A',
      id: 'bit.ly/3xYz12A',
      long_url: 'https://example.com/a/very/long/path?utm=1',
    },
    message: 'Shortened to https://bit.ly/3xYz12A',
  });
});

it('expands a Bitlink and reads its clicks', async () => {
  const provider = wireProvider(bitly, fake);
  const expanded = await runAction(
    provider,
    'expand',
    { bitlink_id: 'bit.ly/3xYz12A' },
    { credential: TOKEN },
  );
  expect(jsonBody(fake.last())).toEqual({ bitlink_id: 'bit.ly/3xYz12A' });
  expect(expanded).toMatchObject({
    success: true,
    output: { long_url: 'https://example.com/a/very/long/path' },
    message: 'https://bit.ly/3xYz12A → https://example.com/a/very/long/path',
  });
  const clicks = await runAction(
    provider,
    'get_clicks_summary',
    { domain: 'bit.ly', hash: '3xYz12A', unit: 'day', units: 30 },
    { credential: TOKEN },
  );
  expect(fake.last()).toMatchObject({
    method: 'GET',
    path: '/v4/bitlinks/bit.ly/3xYz12A/clicks/summary',
    rawQuery: 'unit=day&units=30',
  });
  expect(clicks).toMatchObject({ success: true, message: '128 clicks' });
});

it("reports Bitly's description on a refusal", async () => {
  const provider = wireProvider(bitly, fake);
  const denied = await runAction(
    provider,
    'shorten',
    { long_url: 'https://example.com' },
    { credential: 'wrong' },
  );
  expect(denied).toMatchObject({
    success: false,
    message: 'Bitly responded 403: You are currently forbidden to access this resource.',
  });
});
