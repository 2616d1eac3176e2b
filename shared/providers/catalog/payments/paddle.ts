import { defineManifest } from '../../manifest/manifest-schema';

const id = (prefix: string, what: string) =>
  ({
    in: 'path',
    required: true,
    type: 'string',
    pattern: `^${prefix}_[a-z0-9]{26}$`,
    description: `The ${what} id (${prefix}_…)`,
  }) as const;

const PER_PAGE = {
  in: 'query',
  type: 'integer',
  minimum: 1,
  maximum: 200,
  description: 'Per page (default 50 for most lists)',
} as const;

export const paddle = defineManifest({
  name: 'paddle',
  title: 'Paddle Billing',
  category: 'payments',
  description:
    'Customers, transactions and subscriptions in Paddle Billing: create customers and transactions, list them, and pause or cancel subscriptions.',
  docsUrl: 'https://developer.paddle.com/api-reference/overview',
  verification: 'wire-tested',
  baseUrl: 'https://{environment}.paddle.com',
  auth: {
    credentialType: 'api_key',
    fields: {
      environment: {
        description: 'api for live, sandbox-api for the sandbox',
        enum: ['api', 'sandbox-api'],
        default: 'api',
      },
      api_key: { description: 'A server-side API key (pdl_live_apikey_… / pdl_sdbx_apikey_…)', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {api_key}' }],
    hint: '{"environment":"api","api_key":"pdl_live_apikey_…"} (environment sandbox-api for sandbox)',
  },
  errors: { message: ['error.detail', 'error.code'] },
  actions: {
    create_customer: {
      description: 'Create a customer from an e-mail address.',
      method: 'POST',
      path: '/customers',
      params: {
        email: { in: 'body', type: 'string', format: 'email', required: true },
        name: { in: 'body', type: 'string', maxLength: 1024 },
        locale: { in: 'body', type: 'string', description: 'e.g. en' },
        custom_data: { in: 'body', type: 'object' },
      },
      output: 'data',
      summary: 'Created customer {data.id}',
    },
    list_customers: {
      description: 'List customers, optionally by e-mail or search text.',
      method: 'GET',
      path: '/customers',
      params: {
        email: { in: 'query', type: 'string', description: 'Exact e-mail, comma-separated for several' },
        search: { in: 'query', type: 'string' },
        status: { in: 'query', type: 'string', enum: ['active', 'archived'] },
        per_page: PER_PAGE,
      },
      pagination: { style: 'after_last', items: 'data', more: 'meta.pagination.has_more', param: 'after' },
    },
    create_transaction: {
      description:
        'Create a transaction (a bill) for prices; without a payment method it opens as a checkout.',
      method: 'POST',
      path: '/transactions',
      params: {
        items: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              price_id: { type: 'string', pattern: '^pri_[a-z0-9]{26}$' },
              quantity: { type: 'integer', minimum: 1 },
            },
            required: ['price_id', 'quantity'],
          },
        },
        customer_id: { in: 'body', type: 'string', pattern: '^ctm_[a-z0-9]{26}$' },
        address_id: { in: 'body', type: 'string', pattern: '^add_[a-z0-9]{26}$' },
        currency_code: { in: 'body', type: 'string', pattern: '^[A-Z]{3}$' },
        collection_mode: { in: 'body', type: 'string', enum: ['automatic', 'manual'] },
        custom_data: { in: 'body', type: 'object' },
      },
      output: {
        id: 'data.id',
        status: 'data.status',
        checkout_url: 'data.checkout.url',
        transaction: 'data',
      },
      summary: 'Transaction {data.id}: {data.status}',
    },
    get_transaction: {
      description: 'Read a transaction.',
      method: 'GET',
      path: '/transactions/{transaction_id}',
      params: { transaction_id: id('txn', 'transaction') },
      output: 'data',
      summary: 'Transaction {data.id}: {data.status}',
    },
    list_transactions: {
      description: 'List transactions, optionally by customer, subscription or status.',
      method: 'GET',
      path: '/transactions',
      params: {
        customer_id: { in: 'query', type: 'string', description: 'Comma-separated customer ids' },
        subscription_id: { in: 'query', type: 'string', description: 'Comma-separated subscription ids' },
        status: {
          in: 'query',
          type: 'string',
          description: 'Comma-separated: draft, ready, billed, paid, completed, canceled, past_due',
        },
        per_page: { ...PER_PAGE, maximum: 30, description: 'Per page (default 30)' },
      },
      pagination: { style: 'after_last', items: 'data', more: 'meta.pagination.has_more', param: 'after' },
    },
    get_subscription: {
      description: 'Read a subscription with its items and next billing date.',
      method: 'GET',
      path: '/subscriptions/{subscription_id}',
      params: { subscription_id: id('sub', 'subscription') },
      output: 'data',
      summary: 'Subscription {data.id}: {data.status}',
    },
    list_subscriptions: {
      description: 'List subscriptions, optionally by customer or status.',
      method: 'GET',
      path: '/subscriptions',
      params: {
        customer_id: { in: 'query', type: 'string', description: 'Comma-separated customer ids' },
        status: {
          in: 'query',
          type: 'string',
          description: 'Comma-separated: active, canceled, past_due, paused, trialing',
        },
        per_page: PER_PAGE,
      },
      pagination: { style: 'after_last', items: 'data', more: 'meta.pagination.has_more', param: 'after' },
    },
    cancel_subscription: {
      description: 'Cancel a subscription now or at the end of the billing period.',
      method: 'POST',
      path: '/subscriptions/{subscription_id}/cancel',
      params: {
        subscription_id: id('sub', 'subscription'),
        effective_from: {
          in: 'body',
          type: 'string',
          enum: ['next_billing_period', 'immediately'],
          default: 'next_billing_period',
        },
      },
      output: 'data',
      summary: 'Subscription {data.id}: {data.status}',
    },
    pause_subscription: {
      description: 'Pause a subscription now or at the end of the billing period.',
      method: 'POST',
      path: '/subscriptions/{subscription_id}/pause',
      params: {
        subscription_id: id('sub', 'subscription'),
        effective_from: {
          in: 'body',
          type: 'string',
          enum: ['next_billing_period', 'immediately'],
          default: 'next_billing_period',
        },
        resume_at: { in: 'body', type: 'string', format: 'date-time' },
      },
      output: 'data',
      summary: 'Subscription {data.id}: {data.status}',
    },
  },
});
