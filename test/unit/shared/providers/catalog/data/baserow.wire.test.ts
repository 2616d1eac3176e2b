import { baserow } from '../../../../../../shared/providers/catalog/data/baserow';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Baserow's database REST API as documented (baserow.io/user-docs/database-api and the
 * generated API docs): `Authorization: Token <database token>`, trailing slashes, rows as
 * {count, next, previous, results} with `next` a full URL, and errors as {error, detail}.
 */
const TOKEN = 'baserow-db-token-0123456789';
const ROWS = [
  { id: 1, order: '1.00000000000000000000', Name: 'Ada' },
  { id: 2, order: '2.00000000000000000000', Name: 'Grace' },
  { id: 3, order: '3.00000000000000000000', Name: 'Edsger' },
];

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers.authorization !== `Token ${TOKEN}`)
      return sendJson(res, 401, {
        error: 'ERROR_TOKEN_DOES_NOT_EXIST',
        detail: 'The provided token does not exist.',
      });
    const match = /^\/api\/database\/rows\/table\/(\d+)\/(batch\/)?$/.exec(req.path);
    if (!match || match[1] !== '42')
      return sendJson(res, 404, {
        error: 'ERROR_TABLE_DOES_NOT_EXIST',
        detail: 'The requested table does not exist.',
      });
    if (req.query.get('user_field_names') !== 'true')
      return sendJson(res, 400, {
        error: 'ERROR_EXPECTED_FIELD_NAMES',
        detail: 'test fake: field names expected',
      });
    if (req.method === 'GET' && !match[2]) {
      const size = Number(req.query.get('size') ?? 100);
      const page = Number(req.query.get('page') ?? 1);
      const results = ROWS.slice((page - 1) * size, page * size);
      const next =
        page * size < ROWS.length
          ? // The vendor's own origin: the fake stands in for api.baserow.io.
            `http://${req.headers.host}/api/database/rows/table/42/?page=${page + 1}&size=${size}&user_field_names=true`
          : null;
      return sendJson(res, 200, { count: ROWS.length, next, previous: null, results });
    }
    if (req.method === 'POST' && match[2]) {
      if (req.headers['content-type'] !== 'application/json')
        return sendJson(res, 415, { error: 'ERROR_UNSUPPORTED_MEDIA_TYPE', detail: 'JSON expected' });
      const { items } = jsonBody<{ items: Record<string, unknown>[] }>(req);
      return sendJson(res, 200, {
        items: items.map((item, i) => ({ id: 10 + i, order: `${10 + i}.0`, ...item })),
      });
    }
    return sendJson(res, 405, { error: 'ERROR_METHOD_NOT_ALLOWED', detail: 'Method not allowed.' });
  });
});
afterAll(() => fake.close());

it('lists rows and follows the next URL', async () => {
  fake.requests.length = 0;
  const result = await runAction(
    wireProvider(baserow, fake),
    'list_rows',
    { table_id: 42, size: 2, search: 'a', max_pages: 3 },
    { credential: TOKEN },
  );
  expect(fake.requests.map((r) => `${r.method} ${r.path}?${r.rawQuery}`)).toEqual([
    'GET /api/database/rows/table/42/?user_field_names=true&search=a&size=2',
    'GET /api/database/rows/table/42/?page=2&size=2&user_field_names=true',
  ]);
  expect(fake.requests[1]!.headers.authorization).toBe(`Token ${TOKEN}`);
  expect(result).toEqual({
    success: true,
    output: { items: ROWS, pages: 2, has_more: false },
    message: 'Baserow: 3 items from 2 pages',
  });
});

it('creates rows in a batch with the field names', async () => {
  const result = await runAction(
    wireProvider(baserow, fake),
    'create_rows',
    { table_id: 42, items: [{ Name: 'Barbara' }] },
    { credential: TOKEN },
  );
  expect(fake.last()).toMatchObject({
    method: 'POST',
    path: '/api/database/rows/table/42/batch/',
    rawQuery: 'user_field_names=true',
  });
  expect(jsonBody(fake.last())).toEqual({ items: [{ Name: 'Barbara' }] });
  expect(result).toEqual({
    success: true,
    output: [{ id: 10, order: '10.0', Name: 'Barbara' }],
    message: 'Created the rows',
  });
});

it("reports Baserow's detail for a missing table and a wrong token", async () => {
  const missing = await runAction(
    wireProvider(baserow, fake),
    'get_row',
    { table_id: 7, row_id: 1 },
    { credential: TOKEN },
  );
  expect(missing).toMatchObject({
    success: false,
    message: 'Baserow responded 404: The requested table does not exist.',
  });
  const denied = await runAction(
    wireProvider(baserow, fake),
    'list_rows',
    { table_id: 42 },
    { credential: 'nope-token' },
  );
  expect(denied).toMatchObject({
    success: false,
    message: 'Baserow responded 401: The provided token does not exist.',
  });
});
