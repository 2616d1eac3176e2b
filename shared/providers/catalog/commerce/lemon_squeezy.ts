import { defineManifest } from '../../manifest/manifest-schema';

const JSON_API = { Accept: 'application/vnd.api+json' };
const PAGE = { style: 'next_url', items: 'data', next: 'links.next' } as const;
const PAGE_SIZE = {
  in: 'query',
  wire: 'page[size]',
  type: 'integer',
  minimum: 1,
  maximum: 100,
  description: 'Per page (default 10)',
} as const;
const STORE_FILTER = { in: 'query', wire: 'filter[store_id]', type: 'string', pattern: '^[0-9]+$' } as const;
const ID = { in: 'path', required: true, type: 'string', pattern: '^[0-9]+$' } as const;

export const lemonSqueezy = defineManifest({
  name: 'lemon_squeezy',
  title: 'Lemon Squeezy',
  category: 'commerce',
  description:
    'Read the stores, products, orders, subscriptions and customers of a Lemon Squeezy account (JSON:API), and validate license keys.',
  docsUrl: 'https://docs.lemonsqueezy.com/api',
  verification: 'documented',
  baseUrl: 'https://api.lemonsqueezy.com/v1',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An API key (Settings → API)',
  },
  errors: { message: ['errors.0.detail', 'errors.0.title', 'error', 'message'] },
  actions: {
    list_stores: {
      description: 'List the stores of the account.',
      method: 'GET',
      path: '/stores',
      constants: { headers: JSON_API },
      params: { page_size: PAGE_SIZE },
      pagination: PAGE,
    },
    list_products: {
      description: 'List products, optionally of one store.',
      method: 'GET',
      path: '/products',
      constants: { headers: JSON_API },
      params: { store_id: STORE_FILTER, page_size: PAGE_SIZE },
      pagination: PAGE,
    },
    list_orders: {
      description: 'List orders, optionally by store or buyer e-mail.',
      method: 'GET',
      path: '/orders',
      constants: { headers: JSON_API },
      params: {
        store_id: STORE_FILTER,
        user_email: { in: 'query', wire: 'filter[user_email]', type: 'string', format: 'email' },
        page_size: PAGE_SIZE,
      },
      pagination: PAGE,
    },
    get_order: {
      description: 'Read one order.',
      method: 'GET',
      path: '/orders/{order_id}',
      constants: { headers: JSON_API },
      params: { order_id: ID },
      output: 'data',
      summary: 'Order {data.attributes.identifier}: {data.attributes.status}',
    },
    list_subscriptions: {
      description: 'List subscriptions, optionally by store, status or buyer e-mail.',
      method: 'GET',
      path: '/subscriptions',
      constants: { headers: JSON_API },
      params: {
        store_id: STORE_FILTER,
        status: {
          in: 'query',
          wire: 'filter[status]',
          type: 'string',
          enum: ['on_trial', 'active', 'paused', 'past_due', 'unpaid', 'cancelled', 'expired'],
        },
        user_email: { in: 'query', wire: 'filter[user_email]', type: 'string', format: 'email' },
        page_size: PAGE_SIZE,
      },
      pagination: PAGE,
    },
    get_subscription: {
      description: 'Read one subscription.',
      method: 'GET',
      path: '/subscriptions/{subscription_id}',
      constants: { headers: JSON_API },
      params: { subscription_id: ID },
      output: 'data',
      summary: 'Subscription {data.id}: {data.attributes.status}',
    },
    list_customers: {
      description: 'List customers, optionally by store or e-mail.',
      method: 'GET',
      path: '/customers',
      constants: { headers: JSON_API },
      params: {
        store_id: STORE_FILTER,
        email: { in: 'query', wire: 'filter[email]', type: 'string', format: 'email' },
        page_size: PAGE_SIZE,
      },
      pagination: PAGE,
    },
    validate_license: {
      description: 'Check a license key (and optionally one activation instance) without using it up.',
      method: 'POST',
      path: '/licenses/validate',
      encoding: 'form',
      params: {
        license_key: { in: 'body', type: 'string', required: true },
        instance_id: { in: 'body', type: 'string', description: 'An activation instance to check' },
      },
      output: { valid: 'valid', error: 'error', license_key: 'license_key', meta: 'meta' },
      summary: 'License valid: {valid}',
    },
  },
});
