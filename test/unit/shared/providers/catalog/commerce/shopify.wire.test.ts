import { shopify } from '../../../../../../shared/providers/catalog/commerce/shopify';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Shopify's Admin REST API as documented (shopify.dev/docs/api/admin-rest): the app's access
 * token in `X-Shopify-Access-Token`, the API version in the path (/admin/api/2025-01/…),
 * resources wrapped in their singular or plural name, cursor pages through a `Link` header
 * with `page_info`, and `{"errors": …}` on a refusal.
 */
const TOKEN = 'shpat_0123456789abcdef';
const CREDENTIAL = JSON.stringify({ shop: 'acme', access_token: TOKEN });
const ROOT = '/admin/api/2025-01';
let fake: FakeServer;

const order = (id: number) => ({ id, name: `#${1000 + id}`, financial_status: 'paid' });

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers['x-shopify-access-token'] !== TOKEN)
      return sendJson(res, 401, {
        errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
      });
    if (req.method === 'GET' && req.path === `${ROOT}/orders.json`) {
      if (req.query.get('page_info') === 'cGFnZTI') {
        const prev = `<http://${req.headers.host}${ROOT}/orders.json?page_info=cGFnZTE&limit=2>; rel="previous"`;
        return sendJson(res, 200, { orders: [order(3)] }, { link: prev });
      }
      const next = `<http://${req.headers.host}${ROOT}/orders.json?page_info=cGFnZTI&limit=2>; rel="next"`;
      return sendJson(res, 200, { orders: [order(1), order(2)] }, { link: next });
    }
    if (req.method === 'GET' && req.path === `${ROOT}/orders/450789469.json`)
      return sendJson(res, 200, { order: { id: 450789469, name: '#1001', financial_status: 'authorized' } });
    if (req.method === 'POST' && req.path === `${ROOT}/products.json`) {
      if (req.headers['content-type'] !== 'application/json')
        return sendJson(res, 415, { errors: 'Unsupported Media Type' });
      const body = jsonBody<{ product?: { title?: string; status?: string } }>(req);
      if (!body.product?.title) return sendJson(res, 422, { errors: { title: ["can't be blank"] } });
      return sendJson(res, 201, {
        product: { id: 1072481042, title: body.product.title, status: body.product.status },
      });
    }
    return sendJson(res, 404, { errors: 'Not Found' });
  });
});
afterAll(() => fake.close());

it('reads an order with the access token header under the versioned path', async () => {
  const provider = wireProvider(shopify, fake);
  const result = await runAction(provider, 'get_order', { order_id: 450789469 }, { credential: CREDENTIAL });
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'GET', path: `${ROOT}/orders/450789469.json`, rawQuery: '' });
  expect(sent.headers['x-shopify-access-token']).toBe(TOKEN);
  expect(sent.headers.authorization).toBeUndefined();
  expect(result).toEqual({
    success: true,
    output: { id: 450789469, name: '#1001', financial_status: 'authorized' },
    message: 'Order #1001: authorized',
  });
});

it('follows the Link header through page_info pages', async () => {
  const provider = wireProvider(shopify, fake);
  const result = await runAction(
    provider,
    'list_orders',
    { status: 'any', limit: 2, max_pages: 5 },
    { credential: CREDENTIAL },
  );
  const pages = fake.requests.filter((r) => r.path === `${ROOT}/orders.json`).slice(-2);
  expect(pages[0]!.rawQuery).toBe('status=any&limit=2');
  expect(pages[1]!.rawQuery).toBe('page_info=cGFnZTI&limit=2');
  expect(pages[1]!.headers['x-shopify-access-token']).toBe(TOKEN);
  expect(result).toMatchObject({ success: true, output: { pages: 2, has_more: false } });
  expect((result.output as { items: { id: number }[] }).items.map((o) => o.id)).toEqual([1, 2, 3]);
});

it('creates a product wrapped in product', async () => {
  const provider = wireProvider(shopify, fake);
  const result = await runAction(
    provider,
    'create_product',
    { title: 'Burton Custom Freestyle 151', status: 'draft', variants: [{ price: '10.00' }] },
    { credential: CREDENTIAL },
  );
  expect(jsonBody(fake.last())).toEqual({
    product: { title: 'Burton Custom Freestyle 151', status: 'draft', variants: [{ price: '10.00' }] },
  });
  expect(result).toMatchObject({ success: true, message: 'Created product 1072481042' });
});

it("reports Shopify's errors text", async () => {
  const provider = wireProvider(shopify, fake);
  const denied = await runAction(
    provider,
    'get_order',
    { order_id: 1 },
    { credential: JSON.stringify({ shop: 'acme', access_token: 'shpat_wrong' }) },
  );
  expect(denied).toMatchObject({
    success: false,
    message:
      'Shopify responded 401: [API] Invalid API key or access token (unrecognized login or wrong password)',
  });
  const missing = await runAction(provider, 'get_order', { order_id: 2 }, { credential: CREDENTIAL });
  expect(missing).toMatchObject({ success: false, message: 'Shopify responded 404: Not Found' });
});
