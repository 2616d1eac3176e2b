import { defineManifest } from '../../manifest/manifest-schema';

const VERSION = { 'GoCardless-Version': '2015-07-06' };

const id = (prefix: string, what: string) =>
  ({
    in: 'path',
    required: true,
    type: 'string',
    pattern: `^${prefix}[0-9A-Z]{1,30}$`,
    description: `The ${what} id (${prefix}…)`,
  }) as const;

const LIMIT = {
  in: 'query',
  type: 'integer',
  minimum: 1,
  maximum: 500,
  description: 'Per page (default 50)',
} as const;

export const gocardless = defineManifest({
  name: 'gocardless',
  title: 'GoCardless',
  category: 'payments',
  description:
    'Collect Direct Debit payments with GoCardless: list customers and mandates, create, read, list and cancel payments.',
  docsUrl: 'https://developer.gocardless.com/api-reference',
  verification: 'wire-tested',
  baseUrl: 'https://{environment}.gocardless.com',
  auth: {
    credentialType: 'token',
    fields: {
      environment: {
        description: 'api for live, api-sandbox for the sandbox',
        enum: ['api', 'api-sandbox'],
        default: 'api',
      },
      access_token: { description: 'An access token (Developers → Create → Access token)', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {access_token}' }],
    hint: '{"environment":"api","access_token":"live_…"} (environment api-sandbox for sandbox)',
  },
  errors: { message: ['error.errors.0.message', 'error.message'] },
  actions: {
    list_customers: {
      description: 'List customers, newest first.',
      method: 'GET',
      path: '/customers',
      constants: { headers: VERSION },
      params: {
        limit: LIMIT,
        created_at_gt: { in: 'query', wire: 'created_at[gt]', type: 'string', format: 'date-time' },
      },
      pagination: { style: 'cursor', items: 'customers', next: 'meta.cursors.after', param: 'after' },
    },
    list_mandates: {
      description: 'List mandates, optionally of one customer or in one status.',
      method: 'GET',
      path: '/mandates',
      constants: { headers: VERSION },
      params: {
        customer: { in: 'query', type: 'string', pattern: '^CU[0-9A-Z]+$' },
        status: {
          in: 'query',
          type: 'string',
          description:
            'Comma-separated: pending_customer_approval, pending_submission, submitted, active, failed, cancelled, expired…',
        },
        limit: LIMIT,
      },
      pagination: { style: 'cursor', items: 'mandates', next: 'meta.cursors.after', param: 'after' },
    },
    create_payment: {
      description: 'Collect a payment against an active mandate (amount in minor units).',
      method: 'POST',
      path: '/payments',
      idempotencyHeader: 'Idempotency-Key',
      constants: { headers: VERSION },
      params: {
        amount: {
          in: 'body',
          wire: 'payments.amount',
          type: 'integer',
          required: true,
          minimum: 1,
          description: 'In pence/cents: 1000 is £10.00',
        },
        currency: {
          in: 'body',
          wire: 'payments.currency',
          type: 'string',
          required: true,
          enum: ['AUD', 'CAD', 'DKK', 'EUR', 'GBP', 'NZD', 'SEK', 'USD'],
        },
        mandate: {
          in: 'body',
          wire: 'payments.links.mandate',
          type: 'string',
          required: true,
          pattern: '^MD[0-9A-Z]+$',
        },
        charge_date: {
          in: 'body',
          wire: 'payments.charge_date',
          type: 'string',
          format: 'date',
          description: 'Earliest collection date (default: as soon as possible)',
        },
        description: { in: 'body', wire: 'payments.description', type: 'string' },
        reference: { in: 'body', wire: 'payments.reference', type: 'string', maxLength: 140 },
        metadata: {
          in: 'body',
          wire: 'payments.metadata',
          type: 'object',
          description: 'Up to 3 keys (50 chars) with values up to 500 chars',
          additionalProperties: { type: 'string', maxLength: 500 },
        },
        retry_if_possible: { in: 'body', wire: 'payments.retry_if_possible', type: 'boolean' },
      },
      output: {
        id: 'payments.id',
        status: 'payments.status',
        charge_date: 'payments.charge_date',
        amount: 'payments.amount',
      },
      summary: 'Payment {payments.id}: {payments.status}',
    },
    get_payment: {
      description: 'Read a payment.',
      method: 'GET',
      path: '/payments/{payment_id}',
      constants: { headers: VERSION },
      params: { payment_id: id('PM', 'payment') },
      output: 'payments',
      summary: 'Payment {payments.id}: {payments.status}',
    },
    list_payments: {
      description: 'List payments, optionally of one mandate or customer, or in one status.',
      method: 'GET',
      path: '/payments',
      constants: { headers: VERSION },
      params: {
        mandate: { in: 'query', type: 'string', pattern: '^MD[0-9A-Z]+$' },
        customer: { in: 'query', type: 'string', pattern: '^CU[0-9A-Z]+$' },
        status: {
          in: 'query',
          type: 'string',
          enum: [
            'pending_customer_approval',
            'pending_submission',
            'submitted',
            'confirmed',
            'paid_out',
            'cancelled',
            'customer_approval_denied',
            'failed',
            'charged_back',
          ],
        },
        limit: LIMIT,
      },
      pagination: { style: 'cursor', items: 'payments', next: 'meta.cursors.after', param: 'after' },
    },
    cancel_payment: {
      description: 'Cancel a payment that has not been submitted to the banks yet.',
      method: 'POST',
      path: '/payments/{payment_id}/actions/cancel',
      constants: { headers: { ...VERSION, 'Content-Type': 'application/json' } },
      params: { payment_id: id('PM', 'payment') },
      output: 'payments',
      summary: 'Payment {payments.id}: {payments.status}',
    },
  },
});
