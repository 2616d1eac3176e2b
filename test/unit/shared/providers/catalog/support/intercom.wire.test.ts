import { intercom } from '../../../../../../shared/providers/catalog/support/intercom';
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
 * Intercom's REST API as documented (developers.intercom.com): a bearer access token, the
 * `Intercom-Version` header, `conversation.list` pages with `pages.next.starting_after`, and
 * `{type: 'error.list', errors: [{code, message}]}` on a refusal.
 */
const TOKEN = 'dG9rOmFiY2RlZl8xMjM0NTY=';
let fake: FakeServer;
const errorList = (code: string, message: string) => ({
  type: 'error.list',
  request_id: 'req-1',
  errors: [{ code, message }],
});

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (bearerOf(req) !== TOKEN) return sendJson(res, 401, errorList('unauthorized', 'Access Token Invalid'));
    if (req.headers['intercom-version'] === undefined)
      return sendJson(res, 400, errorList('intercom_version_invalid', 'Requested version is invalid'));
    if (req.method === 'POST' && req.path === '/contacts') {
      const body = jsonBody<{ role?: string; email?: string; external_id?: string }>(req);
      if (body.role === 'user' && !body.email && !body.external_id)
        return sendJson(
          res,
          400,
          errorList('parameter_invalid', 'Email or external_id is required for a user'),
        );
      return sendJson(res, 200, { type: 'contact', id: '6762f0dd1bb69f9f2193bb83', ...body });
    }
    if (req.method === 'POST' && req.path === '/conversations/123456/reply') {
      const body = jsonBody<{ type?: string; admin_id?: string; message_type?: string; body?: string }>(req);
      if (body.type !== 'admin' || !body.admin_id || !body.body)
        return sendJson(res, 400, errorList('parameter_invalid', 'admin_id is required'));
      return sendJson(res, 200, { type: 'conversation', id: '123456', state: 'open' });
    }
    if (req.method === 'GET' && req.path === '/conversations') {
      if (req.query.get('starting_after') === 'WzE3MzQ1NTk1ODkwMDAsMl0=')
        return sendJson(res, 200, {
          type: 'conversation.list',
          conversations: [{ type: 'conversation', id: '3' }],
          pages: { type: 'pages', page: 2, per_page: 2, total_pages: 2 },
        });
      return sendJson(res, 200, {
        type: 'conversation.list',
        conversations: [
          { type: 'conversation', id: '1' },
          { type: 'conversation', id: '2' },
        ],
        pages: {
          type: 'pages',
          page: 1,
          per_page: 2,
          total_pages: 2,
          next: { page: 2, starting_after: 'WzE3MzQ1NTk1ODkwMDAsMl0=' },
        },
      });
    }
    return sendJson(res, 404, errorList('not_found', 'Resource Not Found'));
  });
});
afterAll(() => fake.close());

it('creates a user contact with the version header', async () => {
  const provider = wireProvider(intercom, fake);
  const result = await runAction(
    provider,
    'create_contact',
    { email: 'ada@example.com', name: 'Ada' },
    { credential: JSON.stringify({ access_token: TOKEN }) },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/contacts' });
  expect(sent.headers['intercom-version']).toBe('2.11');
  expect(sent.headers['content-type']).toBe('application/json');
  expect(jsonBody(sent)).toEqual({ role: 'user', email: 'ada@example.com', name: 'Ada' });
  expect(result).toMatchObject({
    success: true,
    output: { id: '6762f0dd1bb69f9f2193bb83', role: 'user', email: 'ada@example.com' },
    message: 'Created Intercom user 6762f0dd1bb69f9f2193bb83',
  });
});

it('replies as an admin', async () => {
  const provider = wireProvider(intercom, fake);
  const result = await runAction(
    provider,
    'reply_to_conversation',
    { conversation_id: '123456', admin_id: '991', body: 'On it', message_type: 'note' },
    { credential: JSON.stringify({ access_token: TOKEN, api_host: 'api.eu.intercom.io' }) },
  );
  expect(jsonBody(fake.last())).toEqual({
    type: 'admin',
    admin_id: '991',
    message_type: 'note',
    body: 'On it',
  });
  expect(result).toMatchObject({ success: true, output: { id: '123456', state: 'open' } });
});

it('follows pages.next.starting_after', async () => {
  const provider = wireProvider(intercom, fake);
  const result = await runAction(
    provider,
    'list_conversations',
    { per_page: 2, max_pages: 4 },
    { credential: JSON.stringify({ access_token: TOKEN }) },
  );
  const pages = fake.requests.filter((r) => r.method === 'GET').slice(-2);
  expect(pages.map((r) => r.query.get('starting_after'))).toEqual([null, 'WzE3MzQ1NTk1ODkwMDAsMl0=']);
  expect(result).toMatchObject({ success: true, output: { pages: 2, has_more: false } });
  expect((result.output as { items: { id: string }[] }).items.map((c) => c.id)).toEqual(['1', '2', '3']);
});

it("reports Intercom's error list", async () => {
  const provider = wireProvider(intercom, fake);
  const invalid = await runAction(
    provider,
    'create_contact',
    { name: 'Nobody' },
    { credential: JSON.stringify({ access_token: TOKEN }) },
  );
  expect(invalid).toMatchObject({
    success: false,
    message: 'Intercom responded 400: Email or external_id is required for a user',
  });
  const denied = await runAction(
    provider,
    'list_conversations',
    {},
    { credential: JSON.stringify({ access_token: 'bad' }) },
  );
  expect(denied).toMatchObject({ success: false, message: 'Intercom responded 401: Access Token Invalid' });
});
