import { activecampaign } from '../../../../../../shared/providers/catalog/marketing/activecampaign';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * ActiveCampaign API v3 as documented (developers.activecampaign.com/reference): the account
 * host https://<account>.api-us1.com/api/3, the key in an `Api-Token` header, resources
 * wrapped in their singular name (`{"contact":{…}}`, `{"contactList":{…}}`); lists page with
 * `limit` and `offset` and answer `{"contacts":[…],"meta":{"total":"n"}}`; 422 errors are
 * `{"errors":[{"title","detail","code","source"}]}`, a bad key 403 `{"message":"No Result found for User with id 0"}`.
 */
const TOKEN = 'ac0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef01';
const CREDENTIAL = JSON.stringify({ account: 'acme', api_token: TOKEN });
const contact = (id: number) => ({ id: String(id), email: `c${id}@example.com` });
const CONTACTS = Array.from({ length: 130 }, (_, i) => contact(i + 1));

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers['api-token'] !== TOKEN)
      return sendJson(res, 403, { message: 'No Result found for User with id 0' });
    if (req.method === 'POST' && req.path === '/api/3/contact/sync') {
      const body = jsonBody<{ contact?: { email?: string; firstName?: string } }>(req);
      if (!body.contact?.email)
        return sendJson(res, 422, {
          errors: [
            {
              title: 'Contact Email Address is not valid.',
              detail: '',
              code: 'email_invalid',
              source: { pointer: '/data/attributes/email' },
            },
          ],
        });
      return sendJson(res, 201, {
        fieldValues: [],
        contact: { email: body.contact.email, firstName: body.contact.firstName, id: '113' },
      });
    }
    if (req.method === 'GET' && req.path === '/api/3/contacts') {
      const offset = Number(req.query.get('offset'));
      const limit = Number(req.query.get('limit'));
      return sendJson(res, 200, {
        contacts: CONTACTS.slice(offset, offset + limit),
        meta: { total: String(CONTACTS.length) },
      });
    }
    return sendJson(res, 404, { message: 'No Result found' });
  });
});
afterAll(() => fake.close());

it('syncs a contact with the Api-Token header and a wrapped body', async () => {
  const provider = wireProvider(activecampaign, fake);
  const result = await runAction(
    provider,
    'sync_contact',
    { email: 'ada@example.com', first_name: 'Ada', field_values: [{ field: '1', value: 'pro' }] },
    { credential: CREDENTIAL },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/api/3/contact/sync' });
  expect(jsonBody(fake.last())).toEqual({
    contact: { email: 'ada@example.com', firstName: 'Ada', fieldValues: [{ field: '1', value: 'pro' }] },
  });
  expect(result).toEqual({
    success: true,
    output: { id: '113', email: 'ada@example.com' },
    message: 'Synced contact 113',
  });
});

it('pages contacts with limit and offset', async () => {
  const provider = wireProvider(activecampaign, fake);
  const result = await runAction(
    provider,
    'list_contacts',
    { listid: 3, max_pages: 5 },
    { credential: CREDENTIAL },
  );
  const pages = fake.requests.filter((r) => r.path === '/api/3/contacts').slice(-2);
  expect(pages.map((r) => r.rawQuery)).toEqual([
    'listid=3&offset=0&limit=100',
    'listid=3&offset=100&limit=100',
  ]);
  expect(result).toMatchObject({ success: true, output: { pages: 2, has_more: false } });
  expect((result.output as { items: unknown[] }).items).toEqual(CONTACTS);
});

it("reports ActiveCampaign's error title and a refused key", async () => {
  const provider = wireProvider(activecampaign, fake);
  fake.respondNext({
    status: 422,
    body: { errors: [{ title: 'Contact Email Address is not valid.', detail: '', code: 'email_invalid' }] },
  });
  const invalid = await runAction(
    provider,
    'sync_contact',
    { email: 'ada@example.com' },
    { credential: CREDENTIAL },
  );
  expect(invalid).toMatchObject({
    success: false,
    message: 'ActiveCampaign responded 422: Contact Email Address is not valid.',
  });
  const denied = await runAction(
    provider,
    'list_contacts',
    {},
    { credential: JSON.stringify({ account: 'acme', api_token: 'nope' }) },
  );
  expect(denied).toMatchObject({
    success: false,
    message: 'ActiveCampaign responded 403: No Result found for User with id 0',
  });
});
