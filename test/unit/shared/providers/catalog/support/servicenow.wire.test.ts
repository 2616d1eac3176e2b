import { servicenow } from '../../../../../../shared/providers/catalog/support/servicenow';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * ServiceNow's Table API as documented (developer.servicenow.com, Table API): basic auth,
 * `/api/now/table/{table}`, every answer wrapped in `result`, lists paged with
 * `sysparm_offset`/`sysparm_limit`, and `{error: {message, detail}, status: 'failure'}`.
 */
const CREDENTIAL = JSON.stringify({ instance: 'acme', username: 'integration.user', password: 's3cret!' });
const BASIC = `Basic ${Buffer.from('integration.user:s3cret!').toString('base64')}`;
const SYS_ID = '9d385017c611228701d22104cc95c371';
const failure = (message: string, detail: string) => ({ error: { message, detail }, status: 'failure' });
let fake: FakeServer;
const ROWS = Array.from({ length: 120 }, (_, i) => ({
  sys_id: i.toString(16).padStart(32, '0'),
  number: `INC${i}`,
}));

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers.authorization !== BASIC)
      return sendJson(res, 401, failure('User Not Authenticated', 'Required to provide Auth information'));
    if (req.method === 'POST' && req.path === '/api/now/table/incident') {
      const body = jsonBody<Record<string, string>>(req);
      if (req.headers['content-type'] !== 'application/json')
        return sendJson(res, 415, failure('Unsupported Media Type', 'application/json expected'));
      return sendJson(res, 201, { result: { sys_id: SYS_ID, number: 'INC0010001', state: '1', ...body } });
    }
    if (req.method === 'PATCH' && req.path === `/api/now/table/incident/${SYS_ID}`)
      return sendJson(res, 200, {
        result: { sys_id: SYS_ID, number: 'INC0010001', state: jsonBody(req).state ?? '1' },
      });
    if (req.method === 'PATCH' && req.path.startsWith('/api/now/table/incident/'))
      return sendJson(
        res,
        404,
        failure('No Record found', "Record doesn't exist or ACL restricts the record retrieval"),
      );
    if (req.method === 'GET' && req.path === '/api/now/table/incident') {
      const offset = Number(req.query.get('sysparm_offset') ?? '0');
      const limit = Number(req.query.get('sysparm_limit') ?? '10000');
      return sendJson(res, 200, { result: ROWS.slice(offset, offset + limit) });
    }
    return sendJson(res, 400, failure('Invalid table', 'bad request'));
  });
});
afterAll(() => fake.close());

it('creates an incident on the instance table', async () => {
  const provider = wireProvider(servicenow, fake);
  const result = await runAction(
    provider,
    'create_incident',
    { short_description: 'Email is down', urgency: '1', impact: '2' },
    { credential: CREDENTIAL },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/api/now/table/incident' });
  expect(jsonBody(fake.last())).toEqual({ short_description: 'Email is down', urgency: '1', impact: '2' });
  expect(result).toMatchObject({
    success: true,
    output: { sys_id: SYS_ID, number: 'INC0010001', state: '1' },
    message: 'Created incident INC0010001',
  });
});

it('adds a work note with PATCH and reports a missing record', async () => {
  const provider = wireProvider(servicenow, fake);
  const ok = await runAction(
    provider,
    'update_incident',
    { sys_id: SYS_ID, work_notes: 'Restarted the relay', state: '2' },
    { credential: CREDENTIAL },
  );
  expect(jsonBody(fake.last())).toEqual({ work_notes: 'Restarted the relay', state: '2' });
  expect(ok).toMatchObject({ success: true, message: 'Updated incident INC0010001' });
  const missing = await runAction(
    provider,
    'update_incident',
    { sys_id: 'f'.repeat(32), comments: 'x' },
    { credential: CREDENTIAL },
  );
  expect(missing).toMatchObject({ success: false, message: 'ServiceNow responded 404: No Record found' });
});

it('pages a table with sysparm_offset and sysparm_limit', async () => {
  const provider = wireProvider(servicenow, fake);
  const result = await runAction(
    provider,
    'list_records',
    { table: 'incident', sysparm_query: 'active=true^priority=1', max_pages: 3 },
    { credential: CREDENTIAL },
  );
  const pages = fake.requests.filter((r) => r.method === 'GET').slice(-2);
  expect(pages.map((r) => [r.query.get('sysparm_offset'), r.query.get('sysparm_limit')])).toEqual([
    ['0', '100'],
    ['100', '100'],
  ]);
  expect(pages[0]!.query.get('sysparm_query')).toBe('active=true^priority=1');
  expect(result).toMatchObject({ success: true, output: { pages: 2, has_more: false } });
  expect((result.output as { items: unknown[] }).items).toHaveLength(120);
});

it('reports a refused login', async () => {
  const provider = wireProvider(servicenow, fake);
  const denied = await runAction(
    provider,
    'create_incident',
    { short_description: 'x' },
    { credential: JSON.stringify({ instance: 'acme', username: 'integration.user', password: 'nope' }) },
  );
  expect(denied).toMatchObject({
    success: false,
    message: 'ServiceNow responded 401: User Not Authenticated',
  });
});
