import { mollie } from '../../../../../../shared/providers/catalog/payments/mollie';
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
 * Mollie's Payments API as documented (docs.mollie.com/reference/payments-api): the API key
 * as a bearer token, camelCase JSON with amounts as {currency, value-string}, an optional
 * `Idempotency-Key` header, HAL answers (`_links.checkout.href`, lists under
 * `_embedded.payments` with a full `_links.next.href`), and RFC 7807-like errors
 * `{status, title, detail, field}`.
 */
const KEY = 'test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM';
const HAL = { 'content-type': 'application/hal+json' };
let fake: FakeServer;

const payment = (id: string, extra: Record<string, unknown> = {}) => ({
  resource: 'payment',
  id,
  mode: 'test',
  status: 'open',
  amount: { currency: 'EUR', value: '10.00' },
  ...extra,
});

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (bearerOf(req) !== KEY)
      return sendJson(
        res,
        401,
        {
          status: 401,
          title: 'Unauthorized Request',
          detail: 'Missing authentication, or failed to authenticate',
        },
        { 'content-type': 'application/problem+json' },
      );
    if (req.method === 'POST' && req.path === '/v2/payments') {
      const body = jsonBody<{ amount?: { currency?: string; value?: string }; description?: string }>(req);
      if (req.headers['content-type'] !== 'application/json')
        return sendJson(res, 415, { status: 415, title: 'Unsupported Media Type', detail: 'JSON expected' });
      if (!/^\d+\.\d{2}$/.test(body.amount?.value ?? ''))
        return sendJson(res, 422, {
          status: 422,
          title: 'Unprocessable Entity',
          detail: 'The amount contains an invalid value',
          field: 'amount.value',
        });
      return sendJson(
        res,
        201,
        payment('tr_7UhSN1zuXS', {
          amount: body.amount,
          description: body.description,
          expiresAt: '2026-12-03T12:15:00+00:00',
          _links: {
            checkout: { href: 'https://www.mollie.com/checkout/select-method/7UhSN1zuXS', type: 'text/html' },
          },
        }),
        HAL,
      );
    }
    if (req.method === 'GET' && req.path === '/v2/payments') {
      if (req.query.get('from') === 'tr_3')
        return sendJson(
          res,
          200,
          { count: 1, _embedded: { payments: [payment('tr_3')] }, _links: { next: null, previous: null } },
          HAL,
        );
      return sendJson(
        res,
        200,
        {
          count: 2,
          _embedded: { payments: [payment('tr_1'), payment('tr_2')] },
          _links: {
            // The vendor's own origin: the fake stands in for api.mollie.com.
            next: {
              href: `http://${req.headers.host}/v2/payments?from=tr_3&limit=2`,
              type: 'application/hal+json',
            },
            previous: null,
          },
        },
        HAL,
      );
    }
    return sendJson(res, 404, {
      status: 404,
      title: 'Not Found',
      detail: 'No payment exists with token tr_x.',
    });
  });
});
afterAll(() => fake.close());

it('creates a payment with camelCase fields, a bearer key and an idempotency key', async () => {
  const provider = wireProvider(mollie, fake);
  const result = await runAction(
    provider,
    'create_payment',
    {
      amount: { currency: 'EUR', value: '10.00' },
      description: 'Order #12345',
      redirect_url: 'https://webshop.example.org/order/12345/',
      webhook_url: 'https://webshop.example.org/payments/webhook/',
      metadata: { order_id: '12345' },
    },
    { credential: KEY, runId: 'run_42', stepId: 'pay' },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/v2/payments' });
  expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
  expect(sent.headers['idempotency-key']).toMatch(/^flowgate-[0-9a-f]{64}$/);
  expect(jsonBody(sent)).toEqual({
    amount: { currency: 'EUR', value: '10.00' },
    description: 'Order #12345',
    redirectUrl: 'https://webshop.example.org/order/12345/',
    webhookUrl: 'https://webshop.example.org/payments/webhook/',
    metadata: { order_id: '12345' },
  });
  expect(result).toEqual({
    success: true,
    output: {
      id: 'tr_7UhSN1zuXS',
      status: 'open',
      checkout_url: 'https://www.mollie.com/checkout/select-method/7UhSN1zuXS',
      amount: { currency: 'EUR', value: '10.00' },
      expires_at: '2026-12-03T12:15:00+00:00',
    },
    message: 'Payment tr_7UhSN1zuXS: open',
  });
});

it('gives a retried step the same Idempotency-Key', async () => {
  const provider = wireProvider(mollie, fake);
  const params = { amount: { currency: 'EUR', value: '5.00' }, description: 'Retry me' };
  await runAction(provider, 'create_payment', params, { credential: KEY, runId: 'run_7', stepId: 's1' });
  const first = fake.last().headers['idempotency-key'];
  await runAction(provider, 'create_payment', params, { credential: KEY, runId: 'run_7', stepId: 's1' });
  expect(fake.last().headers['idempotency-key']).toBe(first);
  await runAction(provider, 'create_payment', params, { credential: KEY, runId: 'run_8', stepId: 's1' });
  expect(fake.last().headers['idempotency-key']).not.toBe(first);
});

it('follows _links.next.href until it is null', async () => {
  const provider = wireProvider(mollie, fake);
  const result = await runAction(provider, 'list_payments', { limit: 2, max_pages: 5 }, { credential: KEY });
  const pages = fake.requests.filter((r) => r.method === 'GET' && r.path === '/v2/payments').slice(-2);
  expect(pages[0]!.rawQuery).toBe('limit=2');
  expect(pages[1]!.rawQuery).toBe('from=tr_3&limit=2');
  expect(pages[1]!.headers.authorization).toBe(`Bearer ${KEY}`);
  expect(result).toMatchObject({ success: true, output: { pages: 2, has_more: false } });
  expect((result.output as { items: { id: string }[] }).items.map((p) => p.id)).toEqual([
    'tr_1',
    'tr_2',
    'tr_3',
  ]);
});

it("reports Mollie's detail", async () => {
  const provider = wireProvider(mollie, fake);
  const invalid = await runAction(
    provider,
    'create_payment',
    { amount: { currency: 'EUR', value: '10' }, description: 'x' },
    { credential: KEY },
  );
  expect(invalid).toMatchObject({
    success: false,
    message: 'Mollie responded 422: The amount contains an invalid value',
  });
  const denied = await runAction(
    provider,
    'get_payment',
    { payment_id: 'tr_1' },
    { credential: 'test_wrong' },
  );
  expect(denied).toMatchObject({
    success: false,
    message: 'Mollie responded 401: Missing authentication, or failed to authenticate',
  });
});
