import { close } from '../../../../../../shared/providers/catalog/crm/close';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Close's API as documented (developer.close.com/api): HTTP basic auth with the API key as the
 * user and an empty password, JSON bodies on paths with a trailing slash, lists as
 * `{has_more, data}` paged with `_skip`/`_limit`, and `{error}` on a refusal.
 */
const KEY = 'api_6Xk9TqZ4xd1Ev2Rk7bN0aa.3fGhJkLmNoPqRsTuVwXyZ';
const BASIC = `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`;
let fake: FakeServer;
const LEADS = Array.from({ length: 150 }, (_, i) => ({
  id: `lead_${String(i).padStart(12, '0')}`,
  display_name: `L${i}`,
}));

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers.authorization !== BASIC) return sendJson(res, 401, { error: 'Unauthorized' });
    if (req.method === 'POST' && req.path === '/api/v1/lead/') {
      const body = jsonBody<{ name?: string; contacts?: unknown[] }>(req);
      if (req.headers['content-type'] !== 'application/json' || !body.name)
        return sendJson(res, 400, {
          error: 'Invalid lead',
          'field-errors': { name: 'This field is required.' },
        });
      return sendJson(res, 200, {
        id: 'lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O',
        name: body.name,
        contacts: body.contacts ?? [],
        html_url: 'https://app.close.com/lead/lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O/',
      });
    }
    if (req.method === 'POST' && req.path === '/api/v1/activity/note/') {
      const body = jsonBody<{ lead_id?: string; note?: string }>(req);
      if (!body.lead_id) return sendJson(res, 400, { error: 'lead_id is required' });
      return sendJson(res, 200, { id: 'acti_Q9pZkA3rT0', lead_id: body.lead_id, note: body.note });
    }
    if (req.method === 'GET' && req.path === '/api/v1/lead/') {
      const skip = Number(req.query.get('_skip') ?? '0');
      const limit = Number(req.query.get('_limit') ?? '100');
      const data = LEADS.slice(skip, skip + limit);
      return sendJson(res, 200, { has_more: skip + limit < LEADS.length, total_results: LEADS.length, data });
    }
    return sendJson(res, 404, { error: 'Not found' });
  });
});
afterAll(() => fake.close());

it('creates a lead with key: basic auth on the trailing-slash path', async () => {
  const provider = wireProvider(close, fake);
  const result = await runAction(
    provider,
    'create_lead',
    { name: 'Acme', contacts: [{ name: 'Ada', emails: [{ email: 'ada@acme.com', type: 'office' }] }] },
    { credential: KEY },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/api/v1/lead/' });
  expect(jsonBody(fake.last())).toEqual({
    name: 'Acme',
    contacts: [{ name: 'Ada', emails: [{ email: 'ada@acme.com', type: 'office' }] }],
  });
  expect(result).toMatchObject({
    success: true,
    output: { id: 'lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O', name: 'Acme' },
    message: 'Created lead Acme (lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O)',
  });
});

it('pages leads with _skip and _limit until a short page', async () => {
  const provider = wireProvider(close, fake);
  const result = await runAction(
    provider,
    'list_leads',
    { query: 'company:Acme', max_pages: 5 },
    { credential: KEY },
  );
  const pages = fake.requests.filter((r) => r.method === 'GET').slice(-2);
  expect(pages.map((r) => [r.query.get('_skip'), r.query.get('_limit'), r.query.get('query')])).toEqual([
    ['0', '100', 'company:Acme'],
    ['100', '100', 'company:Acme'],
  ]);
  expect(result).toMatchObject({ success: true, output: { pages: 2, has_more: false } });
  expect((result.output as { items: unknown[] }).items).toHaveLength(150);
});

it('logs a note and reports Close errors', async () => {
  const provider = wireProvider(close, fake);
  const note = await runAction(
    provider,
    'create_note',
    { lead_id: 'lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O', note: 'Called' },
    { credential: KEY },
  );
  expect(fake.last().path).toBe('/api/v1/activity/note/');
  expect(note).toMatchObject({ success: true, output: { id: 'acti_Q9pZkA3rT0' } });
  const denied = await runAction(provider, 'create_lead', { name: 'x' }, { credential: 'wrong-key' });
  expect(denied).toMatchObject({ success: false, message: 'Close responded 401: Unauthorized' });
});
