import { paddle } from '../../../../../../shared/providers/catalog/payments/paddle';
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
 * Paddle Billing's API as documented (developer.paddle.com/api-reference): a bearer API key,
 * answers `{data, meta}`, lists paged with `after=<last id>` while `meta.pagination.has_more`,
 * and `{error: {type, code, detail, documentation_url}, meta}` on a refusal.
 */
const KEY = 'pdl_sdbx_apikey_01gtgztp8f4kek3yd4g1wrksa3_abcdef';
const CREDENTIAL = JSON.stringify({ environment: 'sandbox-api', api_key: KEY });
let fake: FakeServer;

const customer = (n: number) => ({
  id: `ctm_01h8441jn5pcwrfhwh78jqt8h${n}`,
  email: `c${n}@example.com`,
  status: 'active',
});
const failure = (code: string, detail: string) => ({
  error: {
    type: 'request_error',
    code,
    detail,
    documentation_url: `https://developer.paddle.com/errors/shared/${code}`,
  },
  meta: { request_id: 'b9e5e5e6-8f6a-4c54-9b8b-1d6d0b0c2d3e' },
});

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (bearerOf(req) !== KEY)
      return sendJson(
        res,
        403,
        failure('authentication_malformed', 'Authentication header included, but incorrectly formatted'),
      );
    if (req.method === 'POST' && req.path === '/customers') {
      const body = jsonBody<{ email?: string; name?: string }>(req);
      if (req.headers['content-type'] !== 'application/json')
        return sendJson(res, 400, failure('bad_request', 'Invalid JSON'));
      if (body.email === 'taken@example.com')
        return sendJson(
          res,
          409,
          failure(
            'customer_already_exists',
            'customer email conflicts with customer of id ctm_01h8441jn5pcwrfhwh78jqt8h0',
          ),
        );
      return sendJson(res, 201, {
        data: {
          id: 'ctm_01h844p3h41s12zs5mn4axja51',
          email: body.email,
          name: body.name ?? null,
          status: 'active',
        },
        meta: { request_id: '8e9b7a1c-0000-4000-8000-000000000000' },
      });
    }
    if (req.method === 'GET' && req.path === '/customers') {
      const after = req.query.get('after');
      if (after === customer(2).id)
        return sendJson(res, 200, {
          data: [customer(3)],
          meta: {
            pagination: {
              per_page: 2,
              next: `https://sandbox-api.paddle.com/customers?after=${customer(3).id}`,
              has_more: false,
            },
          },
        });
      return sendJson(res, 200, {
        data: [customer(1), customer(2)],
        meta: {
          pagination: {
            per_page: 2,
            next: `https://sandbox-api.paddle.com/customers?after=${customer(2).id}`,
            has_more: true,
          },
        },
      });
    }
    return sendJson(res, 404, failure('not_found', 'Entity not found'));
  });
});
afterAll(() => fake.close());

it('creates a customer with a bearer API key', async () => {
  const provider = wireProvider(paddle, fake);
  const result = await runAction(
    provider,
    'create_customer',
    { email: 'sam@example.com', name: 'Sam Miller' },
    { credential: CREDENTIAL },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/customers' });
  expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
  expect(jsonBody(sent)).toEqual({ email: 'sam@example.com', name: 'Sam Miller' });
  expect(result).toEqual({
    success: true,
    output: {
      id: 'ctm_01h844p3h41s12zs5mn4axja51',
      email: 'sam@example.com',
      name: 'Sam Miller',
      status: 'active',
    },
    message: 'Created customer ctm_01h844p3h41s12zs5mn4axja51',
  });
});

it('pages with after=<last id> while has_more is true', async () => {
  const provider = wireProvider(paddle, fake);
  const result = await runAction(
    provider,
    'list_customers',
    { per_page: 2, max_pages: 5 },
    { credential: CREDENTIAL },
  );
  const pages = fake.requests.filter((r) => r.method === 'GET' && r.path === '/customers').slice(-2);
  expect(pages[0]!.rawQuery).toBe('per_page=2');
  expect(pages[1]!.rawQuery).toBe(`per_page=2&after=${customer(2).id}`);
  expect(result).toMatchObject({ success: true, output: { pages: 2, has_more: false } });
  expect((result.output as { items: { email: string }[] }).items.map((c) => c.email)).toEqual([
    'c1@example.com',
    'c2@example.com',
    'c3@example.com',
  ]);
});

it("reports Paddle's error.detail", async () => {
  const provider = wireProvider(paddle, fake);
  const conflict = await runAction(
    provider,
    'create_customer',
    { email: 'taken@example.com' },
    { credential: CREDENTIAL },
  );
  expect(conflict).toMatchObject({
    success: false,
    message:
      'Paddle Billing responded 409: customer email conflicts with customer of id ctm_01h8441jn5pcwrfhwh78jqt8h0',
  });
  const denied = await runAction(
    provider,
    'list_customers',
    {},
    { credential: JSON.stringify({ environment: 'sandbox-api', api_key: 'wrong' }) },
  );
  expect(denied).toMatchObject({
    success: false,
    message: 'Paddle Billing responded 403: Authentication header included, but incorrectly formatted',
  });
});
