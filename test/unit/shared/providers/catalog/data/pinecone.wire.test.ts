import { pinecone } from '../../../../../../shared/providers/catalog/data/pinecone';
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
 * Pinecone's data plane as documented (docs.pinecone.io/reference/api/…/data-plane): the
 * index host as the origin, the key in `Api-Key`, a dated `X-Pinecone-API-Version`, camelCase
 * JSON (topK, upsertedCount), list pages chained by pagination.next → paginationToken, and
 * errors as {code, message, details} (401 with a plain "Unauthorized").
 */
const KEY = 'pcsk_test_0123456789';
const CREDENTIAL = JSON.stringify({ index_host: 'docs-abc123.svc.us-east-1-aws.pinecone.io', api_key: KEY });
const IDS = ['doc1#1', 'doc1#2', 'doc1#3'];

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers['api-key'] !== KEY) return sendText(res, 401, 'Unauthorized');
    if (!/^\d{4}-\d{2}$/.test(String(req.headers['x-pinecone-api-version'])))
      return sendJson(res, 400, { code: 3, message: 'Missing X-Pinecone-API-Version', details: [] });
    if (req.method === 'POST' && req.path === '/vectors/upsert') {
      const body = jsonBody<{ vectors?: unknown[] }>(req);
      if (!Array.isArray(body.vectors) || body.vectors.length === 0)
        return sendJson(res, 400, { code: 3, message: 'No vectors provided', details: [] });
      return sendJson(res, 200, { upsertedCount: body.vectors.length });
    }
    if (req.method === 'GET' && req.path === '/vectors/list') {
      const token = req.query.get('paginationToken');
      const start = token ? Number(Buffer.from(token, 'base64').toString()) : 0;
      const limit = Number(req.query.get('limit') ?? 100);
      const prefix = req.query.get('prefix') ?? '';
      const matching = IDS.filter((id) => id.startsWith(prefix));
      const next =
        start + limit < matching.length ? Buffer.from(String(start + limit)).toString('base64') : undefined;
      return sendJson(res, 200, {
        vectors: matching.slice(start, start + limit).map((id) => ({ id })),
        ...(next ? { pagination: { next } } : {}),
        namespace: req.query.get('namespace') ?? '',
        usage: { readUnits: 1 },
      });
    }
    return sendJson(res, 404, { code: 5, message: 'Not Found', details: [] });
  });
});
afterAll(() => fake.close());

it('upserts vectors with the key and the API version', async () => {
  const result = await runAction(
    wireProvider(pinecone, fake),
    'upsert_vectors',
    { vectors: [{ id: 'vec1', values: [0.1, 0.2], metadata: { genre: 'drama' } }], namespace: 'films' },
    { credential: CREDENTIAL },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/vectors/upsert' });
  expect(fake.last().headers['x-pinecone-api-version']).toBe('2025-10');
  expect(jsonBody(fake.last())).toEqual({
    vectors: [{ id: 'vec1', values: [0.1, 0.2], metadata: { genre: 'drama' } }],
    namespace: 'films',
  });
  expect(result).toEqual({ success: true, output: { upserted_count: 1 }, message: 'Upserted 1 vectors' });
});

it('lists ids page by page with paginationToken', async () => {
  fake.requests.length = 0;
  const result = await runAction(
    wireProvider(pinecone, fake),
    'list_vector_ids',
    { prefix: 'doc1#', limit: 2, namespace: 'films', max_pages: 4 },
    { credential: CREDENTIAL },
  );
  expect(fake.requests.map((r) => r.rawQuery)).toEqual([
    'prefix=doc1%23&limit=2&namespace=films',
    // The token (base64 "2" = Mg==) is URL-encoded like any query value.
    'prefix=doc1%23&limit=2&namespace=films&paginationToken=Mg%3D%3D',
  ]);
  expect(result).toEqual({
    success: true,
    output: { items: IDS.map((id) => ({ id })), pages: 2, has_more: false },
    message: 'Pinecone: 3 items from 2 pages',
  });
});

it("reports Pinecone's message, and a wrong key", async () => {
  const bad = await runAction(
    wireProvider(pinecone, fake),
    'query',
    { top_k: 3, vector: [0.1] },
    { credential: CREDENTIAL },
  );
  expect(bad).toMatchObject({ success: false, message: 'Pinecone responded 404: Not Found' });
  const denied = await runAction(
    wireProvider(pinecone, fake),
    'fetch_vectors',
    { ids: ['a'] },
    {
      credential: JSON.stringify({
        index_host: 'docs-abc123.svc.us-east-1-aws.pinecone.io',
        api_key: 'nope',
      }),
    },
  );
  expect(denied).toMatchObject({ success: false, message: 'Pinecone responded 401: Unauthorized' });
});
