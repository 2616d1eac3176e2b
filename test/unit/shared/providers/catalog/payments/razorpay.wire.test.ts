import { razorpay } from '../../../../../../shared/providers/catalog/payments/razorpay';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Razorpay's API as documented (razorpay.com/docs/api): HTTP basic auth with key_id:key_secret,
 * JSON bodies with amounts in paise, collections `{entity: 'collection', count, items}` paged
 * with `count` (at most 100) and `skip`, and `{error: {code, description, …}}` on a refusal.
 */
const CREDENTIAL = JSON.stringify({ key_id: 'rzp_test_1DP5mmOlF5G5ag', key_secret: 'thisisasecret' });
const BASIC = `Basic ${Buffer.from('rzp_test_1DP5mmOlF5G5ag:thisisasecret').toString('base64')}`;
let fake: FakeServer;

const bad = (description: string, code = 'BAD_REQUEST_ERROR') => ({
  error: { code, description, source: 'NA', step: 'NA', reason: 'NA', metadata: {} },
});

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers.authorization !== BASIC)
      return sendJson(res, 401, bad('The api key provided is invalid'));
    if (req.method === 'POST' && req.path === '/v1/orders') {
      const body = jsonBody<{ amount?: number; currency?: string; receipt?: string; notes?: object }>(req);
      if (req.headers['content-type'] !== 'application/json')
        return sendJson(res, 400, bad('Invalid content type'));
      if (!body.currency) return sendJson(res, 400, bad('The currency field is required.'));
      return sendJson(res, 200, {
        id: 'order_IluGWxBm9U8zJ8',
        entity: 'order',
        amount: body.amount,
        amount_paid: 0,
        amount_due: body.amount,
        currency: body.currency,
        receipt: body.receipt,
        status: 'created',
        notes: body.notes ?? [],
        created_at: 1642662092,
      });
    }
    if (req.method === 'GET' && req.path === '/v1/payments') {
      const skip = Number(req.query.get('skip'));
      const count = Math.min(Number(req.query.get('count') ?? 10), 100);
      const total = 101;
      const items = Array.from({ length: Math.max(0, Math.min(count, total - skip)) }, (_, i) => ({
        id: `pay_${String(skip + i).padStart(14, '0')}`,
        entity: 'payment',
        status: 'captured',
      }));
      return sendJson(res, 200, { entity: 'collection', count: items.length, items });
    }
    return sendJson(res, 400, bad('The requested URL was not found on the server.'));
  });
});
afterAll(() => fake.close());

it('creates an order with key_id:key_secret basic auth', async () => {
  const provider = wireProvider(razorpay, fake);
  const result = await runAction(
    provider,
    'create_order',
    { amount: 50000, currency: 'INR', receipt: 'receipt#1', notes: { key1: 'value3' } },
    { credential: CREDENTIAL },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/v1/orders' });
  expect(sent.headers.authorization).toBe(BASIC);
  expect(jsonBody(sent)).toEqual({
    amount: 50000,
    currency: 'INR',
    receipt: 'receipt#1',
    notes: { key1: 'value3' },
  });
  expect(result).toEqual({
    success: true,
    output: {
      id: 'order_IluGWxBm9U8zJ8',
      status: 'created',
      amount: 50000,
      currency: 'INR',
      receipt: 'receipt#1',
    },
    message: 'Order order_IluGWxBm9U8zJ8: created',
  });
});

it('pages payments with skip and count until a short page', async () => {
  const provider = wireProvider(razorpay, fake);
  const result = await runAction(
    provider,
    'list_payments',
    { from: 1700000000, max_pages: 5 },
    { credential: CREDENTIAL },
  );
  const pages = fake.requests.filter((r) => r.method === 'GET' && r.path === '/v1/payments').slice(-2);
  expect(pages[0]!.rawQuery).toBe('from=1700000000&skip=0&count=100');
  expect(pages[1]!.rawQuery).toBe('from=1700000000&skip=100&count=100');
  expect(result).toMatchObject({ success: true, output: { pages: 2, has_more: false } });
  const items = (result.output as { items: { id: string }[] }).items;
  expect(items).toHaveLength(101);
  expect(items.at(-1)!.id).toBe('pay_00000000000100');
});

it("reports Razorpay's error.description", async () => {
  const provider = wireProvider(razorpay, fake);
  const denied = await runAction(
    provider,
    'get_payment',
    { payment_id: 'pay_29QQoUBi66xm2f' },
    { credential: JSON.stringify({ key_id: 'rzp_test_1DP5mmOlF5G5ag', key_secret: 'nope' }) },
  );
  expect(denied).toMatchObject({
    success: false,
    message: 'Razorpay responded 401: The api key provided is invalid',
  });
  const unknown = await runAction(
    provider,
    'get_payment',
    { payment_id: 'pay_29QQoUBi66xm2f' },
    { credential: CREDENTIAL },
  );
  expect(unknown).toMatchObject({
    success: false,
    message: 'Razorpay responded 400: The requested URL was not found on the server.',
  });
});
