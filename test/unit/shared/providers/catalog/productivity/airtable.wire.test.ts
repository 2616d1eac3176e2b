import { airtable } from '../../../../../../shared/providers/catalog/productivity/airtable';
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
 * Airtable's Web API as documented (airtable.com/developers/web/api): a personal access token
 * as a bearer token; POST /v0/{baseId}/{table} with {"fields": {...}, "typecast"} creates one
 * record; GET /v0/{baseId}/{table} lists records a page (pageSize ≤ 100) at a time, and while
 * more remain the answer carries an `offset` to send back as the `offset` query parameter.
 * Errors: {"error": {"type": "...", "message": "..."}} (401 AUTHENTICATION_REQUIRED, 422 …).
 */
const TOKEN = 'patAbCdEf012345.0123456789abcdef0123456789abcdef';
const BASE = 'appAbCdEfGh012345';
const records = Array.from({ length: 5 }, (_, i) => ({
  id: `rec${String(i).padStart(14, 'x')}`,
  createdTime: '2026-12-01T10:00:00.000Z',
  fields: { Name: `Row ${i}` },
}));

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (bearerOf(req) !== TOKEN)
      return sendJson(res, 401, {
        error: { type: 'AUTHENTICATION_REQUIRED', message: 'Authentication required' },
      });
    if (req.path !== `/v0/${BASE}/Tasks`) return sendJson(res, 404, { error: 'NOT_FOUND' });
    if (req.method === 'POST') {
      if (req.headers['content-type'] !== 'application/json')
        return sendJson(res, 415, { error: { type: 'INVALID_REQUEST_UNKNOWN', message: 'JSON expected' } });
      const body = jsonBody<{ fields?: Record<string, unknown> }>(req);
      if (!body.fields || typeof body.fields !== 'object')
        return sendJson(res, 422, {
          error: {
            type: 'INVALID_REQUEST_MISSING_FIELDS',
            message: 'Could not find field "fields" in the request body',
          },
        });
      if ('Unknown' in body.fields)
        return sendJson(res, 422, {
          error: { type: 'UNKNOWN_FIELD_NAME', message: 'Unknown field name: "Unknown"' },
        });
      return sendJson(res, 200, {
        id: 'recNEW0000000000a',
        createdTime: '2026-12-03T12:00:00.000Z',
        fields: body.fields,
      });
    }
    if (req.method === 'GET') {
      const size = Number(req.query.get('pageSize') ?? 100);
      const start = Number(req.query.get('offset')?.replace('itr', '') ?? 0);
      const page = records.slice(start, start + size);
      const next = start + size < records.length ? { offset: `itr${start + size}` } : {};
      return sendJson(res, 200, { records: page, ...next });
    }
    return sendJson(res, 404, { error: 'NOT_FOUND' });
  });
});
afterAll(() => fake.close());

it('creates a record with its fields in the body', async () => {
  const provider = wireProvider(airtable, fake);
  const result = await runAction(
    provider,
    'create_record',
    { base_id: BASE, table: 'Tasks', fields: { Name: 'Ada', Status: 'Todo' }, typecast: true },
    { credential: TOKEN },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: `/v0/${BASE}/Tasks` });
  expect(fake.last().headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(jsonBody(fake.last())).toEqual({ fields: { Name: 'Ada', Status: 'Todo' }, typecast: true });
  expect(result).toEqual({
    success: true,
    output: {
      id: 'recNEW0000000000a',
      created_time: '2026-12-03T12:00:00.000Z',
      fields: { Name: 'Ada', Status: 'Todo' },
    },
    message: 'Created record recNEW0000000000a',
  });
});

it('follows the offset of each page', async () => {
  const provider = wireProvider(airtable, fake);
  const before = fake.requests.length;
  const result = await runAction(
    provider,
    'list_records',
    { base_id: BASE, table: 'Tasks', page_size: 2, filter_by_formula: '{Status}="Todo"', max_pages: 5 },
    { credential: TOKEN },
  );
  const sent = fake.requests.slice(before);
  expect(sent.map((r) => r.query.get('offset'))).toEqual([null, 'itr2', 'itr4']);
  expect(sent.every((r) => r.query.get('pageSize') === '2')).toBe(true);
  expect(sent[0]!.query.get('filterByFormula')).toBe('{Status}="Todo"');
  expect(result).toEqual({
    success: true,
    output: { items: records, pages: 3, has_more: false },
    message: 'Airtable: 5 items from 3 pages',
  });
});

it('stops at max_pages and says more remain', async () => {
  const provider = wireProvider(airtable, fake);
  const result = await runAction(
    provider,
    'list_records',
    { base_id: BASE, table: 'Tasks', page_size: 2 },
    { credential: TOKEN },
  );
  expect(result.output).toEqual({ items: records.slice(0, 2), pages: 1, has_more: true });
});

it("reports Airtable's error message", async () => {
  const provider = wireProvider(airtable, fake);
  const bad = await runAction(
    provider,
    'create_record',
    { base_id: BASE, table: 'Tasks', fields: { Unknown: 1 } },
    { credential: TOKEN },
  );
  expect(bad).toMatchObject({
    success: false,
    message: 'Airtable responded 422: Unknown field name: "Unknown"',
  });
  const denied = await runAction(
    provider,
    'get_record',
    { base_id: BASE, table: 'Tasks', record_id: records[0]!.id },
    {
      credential: 'patWRONG',
    },
  );
  expect(denied).toMatchObject({
    success: false,
    message: 'Airtable responded 401: Authentication required',
  });
});
