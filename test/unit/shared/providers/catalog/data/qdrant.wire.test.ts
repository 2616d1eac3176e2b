import { qdrant } from '../../../../../../shared/providers/catalog/data/qdrant';
import {
  jsonBody,
  sendJson,
  sendText,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Qdrant's REST API as documented (api.qdrant.tech/api-reference): the key in the `api-key`
 * header, JSON bodies, answers wrapped as {result, status, time}, and errors as
 * {status: {error}} (a 401 with a plain-text body when the key is wrong).
 */
const KEY = 'qdrant-key-0123456789';
const CREDENTIAL = JSON.stringify({
  cluster_host: 'abc-123.eu-central-1-0.aws.cloud.qdrant.io:6333',
  api_key: KEY,
});
const POINTS = [
  { id: 1, payload: { city: 'Berlin' } },
  { id: 2, payload: { city: 'Paris' } },
  { id: 3, payload: { city: 'Rome' } },
];
const ok = (result: unknown) => ({ result, status: 'ok', time: 0.0012 });

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers['api-key'] !== KEY) return sendText(res, 401, 'Invalid api-key');
    const match = /^\/collections\/([^/]+)\/points(\/[a-z]+)?$/.exec(req.path);
    if (!match) return sendJson(res, 404, { status: { error: 'Not found' }, time: 0 });
    const [, collection, action] = match;
    if (collection !== 'docs')
      return sendJson(res, 404, {
        status: { error: `Not found: Collection \`${collection}\` doesn't exist!` },
        time: 0.0001,
      });
    if (req.headers['content-type'] !== 'application/json')
      return sendJson(res, 400, { status: { error: 'Content type must be application/json' }, time: 0 });
    const body = jsonBody(req);
    if (req.method === 'PUT' && action === undefined) {
      if (!Array.isArray(body.points))
        return sendJson(res, 422, {
          status: { error: 'Format error in JSON body: missing field `points`' },
          time: 0,
        });
      return sendJson(
        res,
        200,
        ok({ operation_id: 7, status: req.query.get('wait') === 'true' ? 'completed' : 'acknowledged' }),
      );
    }
    if (req.method === 'POST' && action === '/scroll') {
      const limit = Number(body.limit ?? 10);
      const start = body.offset === undefined ? 0 : POINTS.findIndex((p) => p.id === body.offset);
      const page = POINTS.slice(start, start + limit);
      const next = POINTS[start + limit]?.id ?? null;
      return sendJson(res, 200, ok({ points: page, next_page_offset: next }));
    }
    if (req.method === 'POST' && action === '/query')
      return sendJson(
        res,
        200,
        ok({ points: [{ id: 2, version: 3, score: 0.91, payload: { city: 'Paris' } }] }),
      );
    return sendJson(res, 404, { status: { error: 'Not found' }, time: 0 });
  });
});
afterAll(() => fake.close());

it('upserts points with PUT and the api-key header', async () => {
  const result = await runAction(
    wireProvider(qdrant, fake),
    'upsert_points',
    {
      collection_name: 'docs',
      points: [{ id: 1, vector: [0.1, 0.2], payload: { city: 'Berlin' } }],
      wait: true,
    },
    { credential: CREDENTIAL },
  );
  const request = fake.last();
  expect(request).toMatchObject({ method: 'PUT', path: '/collections/docs/points', rawQuery: 'wait=true' });
  expect(request.headers['api-key']).toBe(KEY);
  expect(jsonBody(request)).toEqual({ points: [{ id: 1, vector: [0.1, 0.2], payload: { city: 'Berlin' } }] });
  expect(result).toEqual({
    success: true,
    output: { operation_id: 7, status: 'completed' },
    message: 'Points completed',
  });
});

it('queries the nearest points', async () => {
  const result = await runAction(
    wireProvider(qdrant, fake),
    'query_points',
    { collection_name: 'docs', query: [0.2, 0.1], limit: 1, with_payload: true },
    { credential: CREDENTIAL },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/collections/docs/points/query' });
  expect(jsonBody(fake.last())).toEqual({ query: [0.2, 0.1], limit: 1, with_payload: true });
  expect(result.output).toEqual([{ id: 2, version: 3, score: 0.91, payload: { city: 'Paris' } }]);
});

it('scrolls page by page, sending next_page_offset back as the body offset', async () => {
  fake.requests.length = 0;
  const result = await runAction(
    wireProvider(qdrant, fake),
    'scroll_points',
    { collection_name: 'docs', limit: 2, with_payload: true, max_pages: 5 },
    { credential: CREDENTIAL },
  );
  expect(fake.requests.map((r) => jsonBody(r))).toEqual([
    { limit: 2, with_payload: true },
    { limit: 2, with_payload: true, offset: 3 },
  ]);
  expect(result).toMatchObject({
    success: true,
    output: { items: POINTS, pages: 2, has_more: false },
    message: 'Qdrant: 3 items from 2 pages',
  });
});

it("reports Qdrant's status.error for a missing collection, and a wrong key", async () => {
  const missing = await runAction(
    wireProvider(qdrant, fake),
    'count_points',
    { collection_name: 'missing' },
    { credential: CREDENTIAL },
  );
  expect(missing).toMatchObject({
    success: false,
    message: "Qdrant responded 404: Not found: Collection `missing` doesn't exist!",
  });
  const denied = await runAction(
    wireProvider(qdrant, fake),
    'count_points',
    { collection_name: 'docs' },
    { credential: JSON.stringify({ cluster_host: 'abc.cloud.qdrant.io:6333', api_key: 'wrong' }) },
  );
  expect(denied).toMatchObject({ success: false, message: 'Qdrant responded 401: Invalid api-key' });
});
