import { mailchimp } from '../../../../../../shared/providers/catalog/marketing/mailchimp';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Mailchimp Marketing API 3.0 as documented (mailchimp.com/developer/marketing/api/list-members):
 * HTTP basic auth with any user name and the API key as password, on the key's data-center
 * host; POST /3.0/lists/{list_id}/members with `email_address` and `status`; GET of the same
 * path pages with `count` and `offset` and answers `{"members":[…],"total_items":n}`; POST
 * …/members/{hash or address}/tags answers 204; errors are problem documents
 * `{"type","title","status","detail","instance"}`.
 */
const KEY = '0123456789abcdef0123456789abcdef-us21';
const CREDENTIAL = JSON.stringify({ dc: 'us21', api_key: KEY });
const LIST = 'a1b2c3d4e5';
const problem = (status: number, title: string, detail: string) => ({
  type: 'https://mailchimp.com/developer/marketing/docs/errors/',
  title,
  status,
  detail,
  instance: 'c6f8f2d1-0000-4000-8000-000000000000',
});
const MEMBERS = Array.from({ length: 150 }, (_, i) => ({
  id: `hash${i}`,
  email_address: `m${i}@example.com`,
  status: 'subscribed',
}));

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    const [, password] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
      .toString('utf8')
      .split(':');
    if (!req.headers.authorization?.startsWith('Basic ') || password !== KEY)
      return sendJson(
        res,
        401,
        problem(
          401,
          'API Key Invalid',
          "Your API key may be invalid, or you've attempted to access the wrong datacenter.",
        ),
      );
    if (req.method === 'POST' && req.path === `/3.0/lists/${LIST}/members`) {
      const body = jsonBody<{ email_address?: string; status?: string }>(req);
      if (body.email_address === 'taken@example.com')
        return sendJson(
          res,
          400,
          problem(
            400,
            'Member Exists',
            'taken@example.com is already a list member. Use PUT to insert or update list members.',
          ),
        );
      if (!body.status)
        return sendJson(
          res,
          400,
          problem(400, 'Invalid Resource', 'The resource submitted could not be validated.'),
        );
      return sendJson(res, 200, {
        id: '852aaa9532cb36adfb5e9fef7a4206a9',
        email_address: body.email_address,
        unique_email_id: 'fc9e8f9b5a',
        status: body.status,
        list_id: LIST,
      });
    }
    if (req.method === 'GET' && req.path === `/3.0/lists/${LIST}/members`) {
      const offset = Number(req.query.get('offset') ?? 0);
      const count = Number(req.query.get('count') ?? 10);
      return sendJson(res, 200, {
        members: MEMBERS.slice(offset, offset + count),
        list_id: LIST,
        total_items: MEMBERS.length,
      });
    }
    if (req.method === 'POST' && req.path === `/3.0/lists/${LIST}/members/ada%40example.com/tags`) {
      res.writeHead(204);
      return res.end();
    }
    return sendJson(
      res,
      404,
      problem(404, 'Resource Not Found', 'The requested resource could not be found.'),
    );
  });
});
afterAll(() => fake.close());

it('adds a member with basic auth and the documented body', async () => {
  const provider = wireProvider(mailchimp, fake);
  const result = await runAction(
    provider,
    'add_member',
    {
      list_id: LIST,
      email_address: 'ada@example.com',
      status: 'subscribed',
      merge_fields: { FNAME: 'Ada' },
      tags: ['vip'],
    },
    { credential: CREDENTIAL },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: `/3.0/lists/${LIST}/members` });
  expect(fake.last().headers['content-type']).toBe('application/json');
  expect(jsonBody(fake.last())).toEqual({
    email_address: 'ada@example.com',
    status: 'subscribed',
    merge_fields: { FNAME: 'Ada' },
    tags: ['vip'],
  });
  expect(result).toEqual({
    success: true,
    output: {
      id: '852aaa9532cb36adfb5e9fef7a4206a9',
      email_address: 'ada@example.com',
      status: 'subscribed',
      unique_email_id: 'fc9e8f9b5a',
    },
    message: 'Added ada@example.com (subscribed)',
  });
});

it("reports the problem document's detail", async () => {
  const provider = wireProvider(mailchimp, fake);
  const exists = await runAction(
    provider,
    'add_member',
    { list_id: LIST, email_address: 'taken@example.com', status: 'subscribed' },
    { credential: CREDENTIAL },
  );
  expect(exists).toMatchObject({
    success: false,
    message:
      'Mailchimp responded 400: taken@example.com is already a list member. Use PUT to insert or update list members.',
  });
  const denied = await runAction(
    provider,
    'list_members',
    { list_id: LIST },
    { credential: JSON.stringify({ dc: 'us21', api_key: 'wrong-us21' }) },
  );
  expect(denied).toMatchObject({
    success: false,
    message: expect.stringMatching(/^Mailchimp responded 401: Your API key may be invalid/),
  });
});

it('pages through members with count and offset until a short page', async () => {
  const provider = wireProvider(mailchimp, fake);
  const result = await runAction(
    provider,
    'list_members',
    { list_id: LIST, status: 'subscribed', max_pages: 3 },
    { credential: CREDENTIAL },
  );
  const [first, second] = fake.requests.slice(-2);
  expect(first!.path).toBe(`/3.0/lists/${LIST}/members`);
  expect(first!.rawQuery).toBe('status=subscribed&offset=0&count=100');
  expect(second!.rawQuery).toBe('status=subscribed&offset=100&count=100');
  expect(result).toMatchObject({
    success: true,
    output: { pages: 2, has_more: false },
    message: 'Mailchimp: 150 items from 2 pages',
  });
  expect((result.output as { items: unknown[] }).items).toEqual(MEMBERS);
});

it('updates tags addressing the member by e-mail (204, no body)', async () => {
  const provider = wireProvider(mailchimp, fake);
  const result = await runAction(
    provider,
    'update_member_tags',
    { list_id: LIST, subscriber_hash: 'ada@example.com', tags: [{ name: 'vip', status: 'inactive' }] },
    { credential: CREDENTIAL },
  );
  expect(fake.last().path).toBe(`/3.0/lists/${LIST}/members/ada%40example.com/tags`);
  expect(jsonBody(fake.last())).toEqual({ tags: [{ name: 'vip', status: 'inactive' }] });
  expect(result).toEqual({ success: true, output: null, message: 'Tags updated' });
});

it('refuses a data center that is not a Mailchimp dc before any request', async () => {
  const provider = wireProvider(mailchimp, fake);
  const before = fake.requests.length;
  await expect(
    runAction(
      provider,
      'list_members',
      { list_id: LIST },
      { credential: JSON.stringify({ dc: 'evil.com/x', api_key: KEY }) },
    ),
  ).rejects.toThrow(/malformed dc/);
  expect(fake.requests.length).toBe(before);
});
