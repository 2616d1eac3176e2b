import { freshdesk } from '../../../../../../shared/providers/catalog/support/freshdesk';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Freshdesk's API v2 as documented (developers.freshdesk.com/api): basic auth with the API key
 * as the user and `X` as the password, JSON tickets with integer status and priority, list
 * pages via `page`/`per_page` answering a bare array, `{code, message}` for a 401 and
 * `{description: 'Validation failed', errors: [{field, message, code}]}` for a 400.
 */
const CREDENTIAL = JSON.stringify({ domain: 'acme', api_key: 'fd-key-abc' });
const BASIC = `Basic ${Buffer.from('fd-key-abc:X').toString('base64')}`;
let fake: FakeServer;

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers.authorization !== BASIC)
      return sendJson(res, 401, {
        code: 'invalid_credentials',
        message: 'You have to be logged in to perform this action.',
      });
    if (req.method === 'POST' && req.path === '/api/v2/tickets') {
      const body = jsonBody<Record<string, unknown>>(req);
      const errors = ['email', 'subject', 'description', 'status', 'priority']
        .filter((f) => body[f] === undefined)
        .map((field) => ({ field, message: 'It should be a/an String', code: 'missing_field' }));
      if (typeof body.status !== 'number' && body.status !== undefined)
        errors.push({
          field: 'status',
          message: 'It should be one of these values: 2,3,4,5',
          code: 'invalid_value',
        });
      if (errors.length || req.headers['content-type'] !== 'application/json')
        return sendJson(res, 400, { description: 'Validation failed', errors });
      return sendJson(res, 201, { id: 1001, ...body, requester_id: 55, created_at: '2026-12-03T12:00:00Z' });
    }
    if (req.method === 'GET' && req.path === '/api/v2/tickets') {
      const page = Number(req.query.get('page') ?? '1');
      const perPage = Number(req.query.get('per_page') ?? '30');
      const all = Array.from({ length: 130 }, (_, i) => ({ id: i + 1, subject: `T${i + 1}`, status: 2 }));
      return sendJson(res, 200, all.slice((page - 1) * perPage, page * perPage));
    }
    if (req.method === 'POST' && req.path === '/api/v2/tickets/1001/notes')
      return sendJson(res, 201, {
        id: 9,
        ticket_id: 1001,
        private: jsonBody(req).private ?? true,
        body: jsonBody(req).body,
      });
    return sendJson(res, 404, { code: 'access_denied', message: 'The requested resource was not found' });
  });
});
afterAll(() => fake.close());

it('creates a ticket with integer status and priority, key:X basic auth', async () => {
  const provider = wireProvider(freshdesk, fake);
  const result = await runAction(
    provider,
    'create_ticket',
    { email: 'ada@example.com', subject: 'Help', description: '<p>Broken</p>', priority: 3, tags: ['vip'] },
    { credential: CREDENTIAL },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/api/v2/tickets' });
  expect(jsonBody(sent)).toEqual({
    email: 'ada@example.com',
    subject: 'Help',
    description: '<p>Broken</p>',
    status: 2,
    priority: 3,
    tags: ['vip'],
  });
  expect(result).toMatchObject({
    success: true,
    output: { id: 1001, status: 2, priority: 3 },
    message: 'Created Freshdesk ticket #1001',
  });
});

it('pages through a bare array until a short page', async () => {
  const provider = wireProvider(freshdesk, fake);
  const result = await runAction(
    provider,
    'list_tickets',
    { order_type: 'asc', max_pages: 5 },
    { credential: CREDENTIAL },
  );
  const pages = fake.requests.filter((r) => r.method === 'GET').slice(-2);
  expect(pages.map((r) => [r.query.get('page'), r.query.get('per_page'), r.query.get('order_type')])).toEqual(
    [
      ['1', '100', 'asc'],
      ['2', '100', 'asc'],
    ],
  );
  expect(result).toMatchObject({ success: true, output: { pages: 2, has_more: false } });
  expect((result.output as { items: unknown[] }).items).toHaveLength(130);
});

it('adds a private note', async () => {
  const provider = wireProvider(freshdesk, fake);
  const result = await runAction(
    provider,
    'add_note',
    { ticket_id: 1001, body: 'Internal' },
    { credential: CREDENTIAL },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/api/v2/tickets/1001/notes' });
  expect(jsonBody(fake.last())).toEqual({ body: 'Internal' });
  expect(result).toMatchObject({ success: true, message: 'Added a note to ticket #1001' });
});

it("reports Freshdesk's validation message and a bad key", async () => {
  const provider = wireProvider(freshdesk, fake);
  const denied = await runAction(
    provider,
    'create_contact',
    { name: 'Ada', email: 'ada@example.com' },
    { credential: JSON.stringify({ domain: 'acme', api_key: 'wrong' }) },
  );
  expect(denied).toMatchObject({
    success: false,
    message: 'Freshdesk responded 401: You have to be logged in to perform this action.',
  });
  fake.respondNext({
    status: 400,
    body: {
      description: 'Validation failed',
      errors: [{ field: 'email', message: 'It should be in the valid email format', code: 'invalid_value' }],
    },
  });
  const invalid = await runAction(
    provider,
    'create_ticket',
    { email: 'ada@example.com', subject: 'x', description: 'y' },
    { credential: CREDENTIAL },
  );
  expect(invalid).toMatchObject({
    success: false,
    message: 'Freshdesk responded 400: It should be in the valid email format',
  });
});
