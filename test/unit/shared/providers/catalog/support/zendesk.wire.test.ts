import { zendesk } from '../../../../../../shared/providers/catalog/support/zendesk';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Zendesk's Tickets API as documented (developer.zendesk.com/api-reference/ticketing/tickets):
 * basic auth with `{email}/token:{api_token}`, `{ticket: {...}}` bodies with the first comment in
 * `ticket.comment`, 201 Created, offset pages with a full `next_page` URL, and
 * `{error, description, details}` on a refusal.
 */
const CREDENTIAL = JSON.stringify({ subdomain: 'acme', email: 'agent@acme.com', api_token: 'zd-token-123' });
const BASIC = `Basic ${Buffer.from('agent@acme.com/token:zd-token-123').toString('base64')}`;
let fake: FakeServer;

const ticket = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  url: `https://acme.zendesk.com/api/v2/tickets/${id}.json`,
  status: 'new',
  subject: `Ticket ${id}`,
  ...extra,
});

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers.authorization !== BASIC)
      return sendJson(res, 401, { error: "Couldn't authenticate you" });
    if (req.method === 'POST' && req.path === '/api/v2/tickets') {
      const body = jsonBody<{
        ticket?: { comment?: { body?: string }; subject?: string; priority?: string };
      }>(req);
      if (req.headers['content-type'] !== 'application/json' || !body.ticket?.comment?.body)
        return sendJson(res, 422, {
          error: 'RecordInvalid',
          description: 'Record validation errors',
          details: { base: [{ description: 'Description: cannot be blank' }] },
        });
      return sendJson(res, 201, {
        ticket: ticket(35436, { subject: body.ticket.subject, priority: body.ticket.priority }),
      });
    }
    if (req.method === 'GET' && /^\/api\/v2\/tickets(\.json)?$/.test(req.path)) {
      if (req.query.get('page') === '2')
        return sendJson(res, 200, { tickets: [ticket(3)], next_page: null, count: 3 });
      return sendJson(res, 200, {
        tickets: [ticket(1), ticket(2)],
        // The vendor's own origin: the fake stands in for acme.zendesk.com.
        next_page: `http://${req.headers.host}/api/v2/tickets.json?page=2&per_page=2`,
        previous_page: null,
        count: 3,
      });
    }
    if (req.method === 'GET' && req.path === '/api/v2/tickets/404')
      return sendJson(res, 404, { error: 'RecordNotFound', description: 'Not found' });
    return sendJson(res, 404, { error: 'InvalidEndpoint', description: 'Not found' });
  });
});
afterAll(() => fake.close());

it('creates a ticket under ticket.comment with email/token basic auth', async () => {
  const provider = wireProvider(zendesk, fake);
  const result = await runAction(
    provider,
    'create_ticket',
    {
      subject: 'Printer on fire',
      body: 'It is on fire.',
      requester_email: 'ada@example.com',
      priority: 'urgent',
      tags: ['hardware'],
    },
    { credential: CREDENTIAL },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/api/v2/tickets' });
  expect(jsonBody(sent)).toEqual({
    ticket: {
      subject: 'Printer on fire',
      comment: { body: 'It is on fire.' },
      requester: { email: 'ada@example.com' },
      priority: 'urgent',
      tags: ['hardware'],
    },
  });
  expect(result).toMatchObject({
    success: true,
    output: { id: 35436, status: 'new', url: 'https://acme.zendesk.com/api/v2/tickets/35436.json' },
    message: 'Created ticket #35436',
  });
});

it('follows next_page to the end', async () => {
  const provider = wireProvider(zendesk, fake);
  const result = await runAction(
    provider,
    'list_tickets',
    { per_page: 2, max_pages: 5 },
    { credential: CREDENTIAL },
  );
  const pages = fake.requests
    .filter((r) => r.method === 'GET' && /^\/api\/v2\/tickets(\.json)?$/.test(r.path))
    .slice(-2);
  expect(pages[0]!.path).toBe('/api/v2/tickets');
  expect(pages[0]!.rawQuery).toBe('per_page=2');
  expect(pages[1]!.path).toBe('/api/v2/tickets.json');
  expect(pages[1]!.rawQuery).toBe('page=2&per_page=2');
  expect(pages[1]!.headers.authorization).toBe(BASIC);
  expect(result).toMatchObject({ success: true, output: { pages: 2, has_more: false } });
  expect((result.output as { items: { id: number }[] }).items.map((t) => t.id)).toEqual([1, 2, 3]);
});

it("reports Zendesk's description and error", async () => {
  const provider = wireProvider(zendesk, fake);
  const missing = await runAction(provider, 'get_ticket', { ticket_id: 404 }, { credential: CREDENTIAL });
  expect(missing).toMatchObject({ success: false, message: 'Zendesk Support responded 404: Not found' });
  const denied = await runAction(
    provider,
    'create_ticket',
    { body: 'x' },
    { credential: JSON.stringify({ subdomain: 'acme', email: 'agent@acme.com', api_token: 'wrong' }) },
  );
  expect(denied).toMatchObject({
    success: false,
    message: "Zendesk Support responded 401: Couldn't authenticate you",
  });
});
