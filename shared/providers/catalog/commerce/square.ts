import { defineManifest } from '../../manifest/manifest-schema';

const VERSION = { 'Square-Version': '2025-10-16' };

const IDEMPOTENCY_KEY = {
  in: 'body',
  wire: 'idempotency_key',
  type: 'string',
  required: true,
  minLength: 1,
  maxLength: 45,
  description: 'A unique key for this request (Square ignores a repeat with the same key)',
} as const;

const MONEY = {
  type: 'object',
  properties: {
    amount: { type: 'integer', description: 'In the smallest unit (cents)' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
  },
} as const;

export const square = defineManifest({
  name: 'square',
  title: 'Square',
  category: 'commerce',
  description:
    'Locations, orders, catalog, customers and payments of a Square seller account, with a personal or OAuth access token.',
  docsUrl: 'https://developer.squareup.com/reference/square',
  verification: 'documented',
  baseUrl: 'https://connect.squareup.com/v2',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A production access token (Developer Console → Credentials) or an OAuth access token',
  },
  errors: { message: ['errors.0.detail', 'errors.0.code', 'message'] },
  actions: {
    list_locations: {
      description: 'List the seller’s business locations (their ids are needed for orders and payments).',
      method: 'GET',
      path: '/locations',
      constants: { headers: VERSION },
      output: 'locations',
    },
    create_order: {
      description: 'Create an order at a location with line items (catalog variations or ad-hoc items).',
      method: 'POST',
      path: '/orders',
      constants: { headers: VERSION },
      params: {
        idempotency_key: IDEMPOTENCY_KEY,
        location_id: { in: 'body', wire: 'order.location_id', type: 'string', required: true },
        customer_id: { in: 'body', wire: 'order.customer_id', type: 'string' },
        reference_id: { in: 'body', wire: 'order.reference_id', type: 'string', maxLength: 40 },
        line_items: {
          in: 'body',
          wire: 'order.line_items',
          type: 'array',
          required: true,
          minItems: 1,
          items: {
            type: 'object',
            description:
              '{"quantity":"1","catalog_object_id":"…"} or {"quantity":"2","name":"Latte","base_price_money":{"amount":450,"currency":"USD"}}',
          },
        },
      },
      output: 'order',
      summary: 'Created order {order.id}',
    },
    get_order: {
      description: 'Read one order.',
      method: 'GET',
      path: '/orders/{order_id}',
      constants: { headers: VERSION },
      params: { order_id: { in: 'path', required: true, type: 'string', maxLength: 192 } },
      output: 'order',
      summary: 'Order {order.id}: {order.state}',
    },
    search_orders: {
      description: 'Search the orders of one or more locations, newest first; pages with the cursor.',
      method: 'POST',
      path: '/orders/search',
      constants: { headers: VERSION },
      params: {
        location_ids: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          maxItems: 10,
          items: { type: 'string' },
        },
        query: {
          in: 'body',
          type: 'object',
          description: 'Square’s order query: {"filter":{"state_filter":{"states":["OPEN"]}},"sort":{…}}',
        },
        limit: { in: 'body', type: 'integer', minimum: 1, maximum: 1000 },
      },
      pagination: { style: 'cursor', items: 'orders', next: 'cursor', param: 'cursor', in: 'body' },
    },
    list_catalog: {
      description: 'List catalog objects (items, variations, categories…); pages with the cursor.',
      method: 'GET',
      path: '/catalog/list',
      constants: { headers: VERSION },
      params: {
        types: {
          in: 'query',
          type: 'string',
          description: 'Comma-separated types, e.g. ITEM,CATEGORY (default: all top-level types)',
        },
      },
      pagination: { style: 'cursor', items: 'objects', next: 'cursor', param: 'cursor' },
    },
    create_customer: {
      description: 'Add a customer to the seller’s customer directory.',
      method: 'POST',
      path: '/customers',
      constants: { headers: VERSION },
      params: {
        idempotency_key: { ...IDEMPOTENCY_KEY, required: false },
        given_name: { in: 'body', type: 'string', maxLength: 300 },
        family_name: { in: 'body', type: 'string', maxLength: 300 },
        email_address: { in: 'body', type: 'string', format: 'email', maxLength: 254 },
        phone_number: { in: 'body', type: 'string' },
        reference_id: { in: 'body', type: 'string', maxLength: 100 },
        note: { in: 'body', type: 'string' },
      },
      output: 'customer',
      summary: 'Created customer {customer.id}',
    },
    create_payment: {
      description: 'Charge a payment source (a card nonce or a card on file) for an amount.',
      method: 'POST',
      path: '/payments',
      constants: { headers: VERSION },
      params: {
        idempotency_key: IDEMPOTENCY_KEY,
        source_id: {
          in: 'body',
          type: 'string',
          required: true,
          description: 'A payment token from the Web Payments SDK, a card id, or "CASH"/"EXTERNAL"',
        },
        amount_money: { in: 'body', ...MONEY, required: true },
        location_id: { in: 'body', type: 'string' },
        order_id: { in: 'body', type: 'string' },
        customer_id: { in: 'body', type: 'string' },
        autocomplete: { in: 'body', type: 'boolean', description: 'false only authorizes (complete later)' },
        reference_id: { in: 'body', type: 'string', maxLength: 40 },
        note: { in: 'body', type: 'string', maxLength: 500 },
      },
      output: 'payment',
      summary: 'Payment {payment.id}: {payment.status}',
    },
    list_payments: {
      description: 'List payments, newest first, optionally in a time range or at a location.',
      method: 'GET',
      path: '/payments',
      constants: { headers: VERSION },
      params: {
        begin_time: { in: 'query', type: 'string', format: 'date-time' },
        end_time: { in: 'query', type: 'string', format: 'date-time' },
        location_id: { in: 'query', type: 'string' },
        limit: { in: 'query', type: 'integer', minimum: 1, maximum: 100 },
      },
      pagination: { style: 'cursor', items: 'payments', next: 'cursor', param: 'cursor' },
    },
  },
});
