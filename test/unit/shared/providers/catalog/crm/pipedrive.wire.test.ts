import { pipedrive } from '../../../../../../shared/providers/catalog/crm/pipedrive';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Pipedrive's API v2 as documented (developers.pipedrive.com): the personal API token in the
 * `x-api-token` header, `{success, data, additional_data}` answers with a `next_cursor`, and
 * `{success: false, error, error_info}` when something is refused.
 */
const TOKEN = '659c9fddb16335e48cc67114694b52074e812e03';
const CREDENTIAL = JSON.stringify({ company_domain: 'acme', api_token: TOKEN });
let fake: FakeServer;

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers['x-api-token'] !== TOKEN || req.query.has('api_token'))
      return sendJson(res, 401, {
        success: false,
        error: 'unauthorized access',
        errorCode: 401,
        error_info: 'Please check developers.pipedrive.com',
      });
    if (req.method === 'POST' && req.path === '/api/v2/persons') {
      const body = jsonBody<{ name?: string; emails?: unknown[] }>(req);
      if (req.headers['content-type'] !== 'application/json' || !body.name)
        return sendJson(res, 400, {
          success: false,
          error: 'Name must be given.',
          code: 'ERR_SCHEMA_VALIDATION_FAILED',
        });
      return sendJson(res, 200, {
        success: true,
        data: { id: 42, name: body.name, emails: body.emails, owner_id: 7, add_time: '2026-12-03T12:00:00Z' },
      });
    }
    if (req.method === 'GET' && req.path === '/api/v2/deals') {
      const cursor = req.query.get('cursor');
      if (!cursor)
        return sendJson(res, 200, {
          success: true,
          data: [
            { id: 1, title: 'One' },
            { id: 2, title: 'Two' },
          ],
          additional_data: { next_cursor: 'eyJpZCI6Mn0' },
        });
      return sendJson(res, 200, {
        success: true,
        data: [{ id: 3, title: 'Three' }],
        additional_data: { next_cursor: null },
      });
    }
    return sendJson(res, 404, { success: false, error: 'Unknown method .', errorCode: 404 });
  });
});
afterAll(() => fake.close());

it('adds a person on the company domain with the token header', async () => {
  const provider = wireProvider(pipedrive, fake);
  const result = await runAction(
    provider,
    'add_person',
    {
      name: 'Ada Lovelace',
      emails: [{ value: 'ada@example.com', primary: true, label: 'work' }],
      visible_to: 3,
    },
    { credential: CREDENTIAL },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/api/v2/persons', rawQuery: '' });
  expect(jsonBody(sent)).toEqual({
    name: 'Ada Lovelace',
    emails: [{ value: 'ada@example.com', primary: true, label: 'work' }],
    visible_to: 3,
  });
  expect(result).toMatchObject({
    success: true,
    output: { id: 42, name: 'Ada Lovelace' },
    message: 'Added person Ada Lovelace (#42)',
  });
});

it('pages deals with additional_data.next_cursor', async () => {
  const provider = wireProvider(pipedrive, fake);
  const result = await runAction(
    provider,
    'list_deals',
    { status: 'open', limit: 2, max_pages: 3 },
    { credential: CREDENTIAL },
  );
  const pages = fake.requests.filter((r) => r.path === '/api/v2/deals').slice(-2);
  expect(pages.map((r) => r.query.get('cursor'))).toEqual([null, 'eyJpZCI6Mn0']);
  expect(pages[1]!.query.get('status')).toBe('open');
  expect(pages[1]!.query.get('limit')).toBe('2');
  expect(result).toMatchObject({ success: true, output: { pages: 2, has_more: false } });
  expect((result.output as { items: { id: number }[] }).items.map((d) => d.id)).toEqual([1, 2, 3]);
});

it("reports Pipedrive's error on a wrong token", async () => {
  const provider = wireProvider(pipedrive, fake);
  const result = await runAction(
    provider,
    'add_deal',
    { title: 'Big one' },
    { credential: JSON.stringify({ company_domain: 'acme', api_token: 'nope' }) },
  );
  expect(fake.last().path).toBe('/api/v2/deals');
  expect(result).toMatchObject({ success: false, message: 'Pipedrive responded 401: unauthorized access' });
});

it('refuses a company domain that is not a plain subdomain', async () => {
  const provider = wireProvider(pipedrive, fake);
  await expect(
    runAction(
      provider,
      'add_deal',
      { title: 'x' },
      {
        credential: JSON.stringify({ company_domain: 'evil.com/x', api_token: TOKEN }),
      },
    ),
  ).rejects.toThrow(/malformed company_domain/);
});
