import { hubspot } from '../../../../../../shared/providers/catalog/crm/hubspot';
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
 * HubSpot's CRM v3 contacts API as documented (developers.hubspot.com/docs/api/crm/contacts):
 * a private app token as `Authorization: Bearer`, `{properties: {...}}` bodies, list pages
 * with `results` and `paging.next.after`, and `{status: 'error', message, category}` errors.
 */
const TOKEN = 'pat-na1-0f1e2d3c-4b5a-6978-8899-aabbccddeeff';
let fake: FakeServer;

const contact = (id: string, email: string) => ({
  id,
  properties: { email, createdate: '2026-12-03T10:00:00.000Z', hs_object_id: id },
  createdAt: '2026-12-03T10:00:00.000Z',
  updatedAt: '2026-12-03T10:00:00.000Z',
  archived: false,
});

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (bearerOf(req) !== TOKEN)
      return sendJson(res, 401, {
        status: 'error',
        message: 'Authentication credentials not found.',
        correlationId: 'c0a8',
        category: 'INVALID_AUTHENTICATION',
      });
    if (req.method === 'POST' && req.path === '/crm/v3/objects/contacts') {
      if (req.headers['content-type'] !== 'application/json')
        return sendJson(res, 415, { status: 'error', message: 'Unsupported media type' });
      const body = jsonBody<{ properties?: Record<string, string> }>(req);
      if (!body.properties?.email && !body.properties?.firstname && !body.properties?.lastname)
        return sendJson(res, 400, {
          status: 'error',
          message: 'Property values were not valid',
          category: 'VALIDATION_ERROR',
        });
      if (body.properties.email === 'taken@example.com')
        return sendJson(res, 409, {
          status: 'error',
          message: 'Contact already exists. Existing ID: 401',
          category: 'CONFLICT',
        });
      return sendJson(res, 201, {
        ...contact('512', body.properties.email ?? ''),
        properties: { ...body.properties, hs_object_id: '512' },
      });
    }
    if (req.method === 'GET' && req.path === '/crm/v3/objects/contacts') {
      const after = req.query.get('after');
      if (after === null)
        return sendJson(res, 200, {
          results: [contact('1', 'a@example.com'), contact('2', 'b@example.com')],
          paging: {
            next: {
              after: 'MjA%3D',
              link: 'https://api.hubapi.com/crm/v3/objects/contacts?after=MjA%3D',
            },
          },
        });
      if (after === 'MjA%3D') return sendJson(res, 200, { results: [contact('3', 'c@example.com')] });
      return sendJson(res, 400, { status: 'error', message: 'bad cursor', category: 'VALIDATION_ERROR' });
    }
    return sendJson(res, 404, { status: 'error', message: 'Not found', category: 'OBJECT_NOT_FOUND' });
  });
});
afterAll(() => fake.close());

it('creates a contact with its properties object', async () => {
  const provider = wireProvider(hubspot, fake);
  const result = await runAction(
    provider,
    'create_contact',
    { properties: { email: 'ada@example.com', firstname: 'Ada' } },
    { credential: TOKEN },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/crm/v3/objects/contacts' });
  expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(jsonBody(sent)).toEqual({ properties: { email: 'ada@example.com', firstname: 'Ada' } });
  expect(result).toEqual({
    success: true,
    output: {
      id: '512',
      properties: { email: 'ada@example.com', firstname: 'Ada', hs_object_id: '512' },
      created_at: '2026-12-03T10:00:00.000Z',
    },
    message: 'Created HubSpot contact 512',
  });
});

it('follows paging.next.after as the after cursor', async () => {
  const provider = wireProvider(hubspot, fake);
  const result = await runAction(
    provider,
    'list_contacts',
    { limit: 2, properties: ['email', 'firstname'], max_pages: 5 },
    { credential: TOKEN },
  );
  const lists = fake.requests.filter((r) => r.method === 'GET');
  expect(lists.slice(-2).map((r) => r.query.get('after'))).toEqual([null, 'MjA%3D']);
  expect(fake.last().query.getAll('properties')).toEqual(['email', 'firstname']);
  expect(fake.last().query.get('limit')).toBe('2');
  expect(result.success).toBe(true);
  expect(result.output).toMatchObject({ pages: 2, has_more: false });
  expect((result.output as { items: { id: string }[] }).items.map((c) => c.id)).toEqual(['1', '2', '3']);
});

it("reports HubSpot's message on a conflict and on a bad token", async () => {
  const provider = wireProvider(hubspot, fake);
  const conflict = await runAction(
    provider,
    'create_contact',
    { properties: { email: 'taken@example.com' } },
    { credential: TOKEN },
  );
  expect(conflict).toMatchObject({
    success: false,
    message: 'HubSpot CRM responded 409: Contact already exists. Existing ID: 401',
  });
  const denied = await runAction(provider, 'get_contact', { contact_id: '512' }, { credential: 'pat-wrong' });
  expect(denied).toMatchObject({
    success: false,
    message: 'HubSpot CRM responded 401: Authentication credentials not found.',
  });
  expect(fake.last().path).toBe('/crm/v3/objects/contacts/512');
});
