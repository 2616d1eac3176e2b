import { defineManifest } from '../../manifest/manifest-schema';

const ID = (what: string) =>
  ({
    in: 'path',
    required: true,
    type: 'string',
    pattern: '^[A-Za-z0-9_.@-]{1,50}$',
    description: `The ${what} id`,
  }) as const;

const LIMIT = {
  in: 'query',
  type: 'integer',
  minimum: 1,
  maximum: 100,
  description: 'Per page (default 10)',
} as const;

export const chargebee = defineManifest({
  name: 'chargebee',
  title: 'Chargebee',
  category: 'payments',
  description:
    'Customers, subscriptions and invoices in Chargebee Billing (API v2): create and update customers, list subscriptions and invoices, cancel subscriptions.',
  docsUrl: 'https://apidocs.chargebee.com/docs/api',
  verification: 'documented',
  baseUrl: 'https://{site}.chargebee.com/api/v2',
  auth: {
    credentialType: 'api_key',
    fields: {
      site: {
        description: 'The "acme" of acme.chargebee.com (acme-test for the test site)',
        pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
      },
      api_key: { description: 'A full-access or read-only API key', secret: true },
    },
    apply: [{ in: 'basic', username: '{api_key}', password: '' }],
    hint: '{"site":"acme","api_key":"live_…"} (Settings → Configure Chargebee → API Keys)',
  },
  errors: {
    message: ['message', 'error_msg', 'api_error_code'],
    retryable: { codePath: 'api_error_code', codes: ['api_request_limit_exceeded', 'lock_timeout'] },
  },
  actions: {
    create_customer: {
      description: 'Create a customer (form-encoded, as the API expects).',
      method: 'POST',
      path: '/customers',
      encoding: 'form',
      params: {
        id: { in: 'body', type: 'string', maxLength: 50, description: 'Your own id (default: generated)' },
        first_name: { in: 'body', type: 'string', maxLength: 150 },
        last_name: { in: 'body', type: 'string', maxLength: 150 },
        email: { in: 'body', type: 'string', format: 'email', maxLength: 70 },
        phone: { in: 'body', type: 'string', maxLength: 50 },
        company: { in: 'body', type: 'string', maxLength: 250 },
        auto_collection: { in: 'body', type: 'string', enum: ['on', 'off'] },
      },
      output: 'customer',
      summary: 'Created customer {customer.id}',
    },
    get_customer: {
      description: 'Read a customer.',
      method: 'GET',
      path: '/customers/{customer_id}',
      params: { customer_id: ID('customer') },
      output: 'customer',
      summary: 'Customer {customer.id}',
    },
    update_customer: {
      description: 'Change a customer’s name, e-mail, phone or company.',
      method: 'POST',
      path: '/customers/{customer_id}',
      encoding: 'form',
      params: {
        customer_id: ID('customer'),
        first_name: { in: 'body', type: 'string', maxLength: 150 },
        last_name: { in: 'body', type: 'string', maxLength: 150 },
        email: { in: 'body', type: 'string', format: 'email', maxLength: 70 },
        phone: { in: 'body', type: 'string', maxLength: 50 },
        company: { in: 'body', type: 'string', maxLength: 250 },
      },
      output: 'customer',
      summary: 'Updated customer {customer.id}',
    },
    list_customers: {
      description: 'List customers, optionally by exact e-mail.',
      method: 'GET',
      path: '/customers',
      params: {
        email: { in: 'query', wire: 'email[is]', type: 'string', format: 'email' },
        limit: LIMIT,
      },
      pagination: { style: 'cursor', items: 'list', next: 'next_offset', param: 'offset' },
    },
    get_subscription: {
      description: 'Read a subscription with its customer.',
      method: 'GET',
      path: '/subscriptions/{subscription_id}',
      params: { subscription_id: ID('subscription') },
      output: { subscription: 'subscription', customer: 'customer' },
      summary: 'Subscription {subscription.id}: {subscription.status}',
    },
    list_subscriptions: {
      description: 'List subscriptions, optionally by customer or status.',
      method: 'GET',
      path: '/subscriptions',
      params: {
        customer_id: { in: 'query', wire: 'customer_id[is]', type: 'string' },
        status: {
          in: 'query',
          wire: 'status[is]',
          type: 'string',
          enum: ['future', 'in_trial', 'active', 'non_renewing', 'paused', 'cancelled', 'transferred'],
        },
        limit: LIMIT,
      },
      pagination: { style: 'cursor', items: 'list', next: 'next_offset', param: 'offset' },
    },
    cancel_subscription: {
      description: 'Cancel a subscription now or at the end of its term (product catalog 2.0).',
      method: 'POST',
      path: '/subscriptions/{subscription_id}/cancel_for_items',
      encoding: 'form',
      params: {
        subscription_id: ID('subscription'),
        end_of_term: { in: 'body', type: 'boolean', default: false, description: 'true cancels at term end' },
        cancel_reason_code: { in: 'body', type: 'string' },
      },
      output: 'subscription',
      summary: 'Subscription {subscription.id}: {subscription.status}',
    },
    list_invoices: {
      description: 'List invoices, optionally by customer or status.',
      method: 'GET',
      path: '/invoices',
      params: {
        customer_id: { in: 'query', wire: 'customer_id[is]', type: 'string' },
        status: {
          in: 'query',
          wire: 'status[is]',
          type: 'string',
          enum: ['paid', 'posted', 'payment_due', 'not_paid', 'voided', 'pending'],
        },
        limit: LIMIT,
      },
      pagination: { style: 'cursor', items: 'list', next: 'next_offset', param: 'offset' },
    },
  },
});
