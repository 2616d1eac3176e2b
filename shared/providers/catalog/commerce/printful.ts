import { defineManifest } from '../../manifest/manifest-schema';

const STORE_ID = {
  in: 'header',
  wire: 'X-PF-Store-Id',
  type: 'integer',
  description: 'The store id; needed only with an account-level token',
} as const;

const ORDER_ID = {
  in: 'path',
  required: true,
  type: 'string',
  pattern: '^(@[A-Za-z0-9_.-]{1,64}|[0-9]+)$',
  description: 'The Printful order id, or your external id prefixed with @',
} as const;

const PAGE = { style: 'offset', items: 'result', param: 'offset', sizeParam: 'limit', size: 100 } as const;

const RECIPIENT = {
  type: 'object',
  description: 'name, address1, address2, city, state_code, country_code, zip, email, phone',
  properties: {
    name: { type: 'string' },
    address1: { type: 'string' },
    city: { type: 'string' },
    state_code: { type: 'string' },
    country_code: { type: 'string', pattern: '^[A-Z]{2}$' },
    zip: { type: 'string' },
  },
} as const;

export const printful = defineManifest({
  name: 'printful',
  title: 'Printful',
  category: 'commerce',
  description:
    'Create and confirm print-on-demand orders, read order status, list store products and quote shipping with a Printful API token.',
  docsUrl: 'https://developers.printful.com/docs/',
  verification: 'documented',
  baseUrl: 'https://api.printful.com',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A private API token (developers.printful.com → Your tokens)',
  },
  errors: { message: ['error.message', 'result', 'error.reason'] },
  actions: {
    list_orders: {
      description: 'List the store’s orders, newest first, optionally by status.',
      method: 'GET',
      path: '/orders',
      params: {
        store_id: STORE_ID,
        status: {
          in: 'query',
          type: 'string',
          enum: ['draft', 'pending', 'failed', 'canceled', 'inprocess', 'onhold', 'partial', 'fulfilled'],
        },
      },
      pagination: PAGE,
    },
    get_order: {
      description: 'Read one order with its items, costs and shipments (carrier and tracking).',
      method: 'GET',
      path: '/orders/{order_id}',
      params: { order_id: ORDER_ID, store_id: STORE_ID },
      output: 'result',
      summary: 'Order {result.id}: {result.status}',
    },
    create_order: {
      description:
        'Create an order (a draft unless confirm is true, which submits it for fulfillment and charges).',
      method: 'POST',
      path: '/orders',
      params: {
        store_id: STORE_ID,
        confirm: { in: 'query', type: 'boolean', description: 'true submits it for fulfillment at once' },
        external_id: { in: 'body', type: 'string', maxLength: 32, description: 'Your own order id' },
        shipping: { in: 'body', type: 'string', description: 'Shipping method, e.g. STANDARD' },
        recipient: { in: 'body', ...RECIPIENT, required: true },
        items: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          items: {
            type: 'object',
            description:
              'e.g. {"sync_variant_id":123,"quantity":1} or {"variant_id":4011,"quantity":1,"files":[{"url":"…"}]}',
          },
        },
      },
      output: 'result',
      summary: 'Created order {result.id} ({result.status})',
    },
    confirm_order: {
      description: 'Submit a draft order for fulfillment (this charges the account).',
      method: 'POST',
      path: '/orders/{order_id}/confirm',
      params: { order_id: ORDER_ID, store_id: STORE_ID },
      output: 'result',
      summary: 'Order {result.id}: {result.status}',
    },
    list_store_products: {
      description: 'List the store’s synced products.',
      method: 'GET',
      path: '/store/products',
      params: {
        store_id: STORE_ID,
        search: { in: 'query', type: 'string', description: 'Product name contains' },
      },
      pagination: PAGE,
    },
    shipping_rates: {
      description: 'Quote shipping options and prices for items to a recipient.',
      method: 'POST',
      path: '/shipping/rates',
      params: {
        store_id: STORE_ID,
        recipient: { in: 'body', ...RECIPIENT, required: true },
        items: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          items: { type: 'object', description: '{"variant_id":"4011","quantity":1}' },
        },
        currency: { in: 'body', type: 'string', pattern: '^[A-Z]{3}$' },
      },
      output: 'result',
    },
  },
});
