import { defineManifest } from '../../manifest/manifest-schema';

const AMOUNT = {
  type: 'integer',
  minimum: 1,
  description: 'In the currency’s subunit: kobo for NGN, pesewas for GHS, cents for ZAR/USD/KES',
} as const;

const CURRENCY = { type: 'string' as const, enum: ['NGN', 'GHS', 'ZAR', 'KES', 'USD', 'XOF', 'EGP'] };

export const paystack = defineManifest({
  name: 'paystack',
  title: 'Paystack',
  category: 'payments',
  description:
    'Initialize and verify Paystack transactions, list them, create customers and refund payments, with a secret key.',
  docsUrl: 'https://paystack.com/docs/api/',
  verification: 'documented',
  baseUrl: 'https://api.paystack.co',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'The secret key (sk_live_… or sk_test_…; Settings → API Keys & Webhooks)',
  },
  errors: { okFlag: 'status', message: ['message'] },
  actions: {
    initialize_transaction: {
      description: 'Start a transaction; send the buyer to the output authorization_url.',
      method: 'POST',
      path: '/transaction/initialize',
      params: {
        email: { in: 'body', type: 'string', format: 'email', required: true },
        amount: { in: 'body', ...AMOUNT, required: true },
        currency: { in: 'body', ...CURRENCY },
        reference: {
          in: 'body',
          type: 'string',
          pattern: '^[A-Za-z0-9.=-]{1,100}$',
          description: 'Your unique reference (default: generated)',
        },
        callback_url: { in: 'body', type: 'string', format: 'uri' },
        channels: {
          in: 'body',
          type: 'array',
          items: {
            type: 'string',
            enum: ['card', 'bank', 'apple_pay', 'ussd', 'qr', 'mobile_money', 'bank_transfer', 'eft'],
          },
        },
        metadata: { in: 'body', type: 'object' },
      },
      output: {
        authorization_url: 'data.authorization_url',
        access_code: 'data.access_code',
        reference: 'data.reference',
      },
      summary: 'Transaction {data.reference}: {data.authorization_url}',
    },
    verify_transaction: {
      description: 'Check a transaction by its reference; data.status is success when paid.',
      method: 'GET',
      path: '/transaction/verify/{reference}',
      params: {
        reference: { in: 'path', required: true, type: 'string', pattern: '^[A-Za-z0-9.=-]{1,100}$' },
      },
      output: 'data',
      summary: 'Transaction {data.reference}: {data.status}',
    },
    list_transactions: {
      description: 'List transactions, newest first, optionally by status, customer or date.',
      method: 'GET',
      path: '/transaction',
      params: {
        status: { in: 'query', type: 'string', enum: ['failed', 'success', 'abandoned'] },
        customer: { in: 'query', type: 'integer', description: 'Customer id' },
        from: { in: 'query', type: 'string', format: 'date-time' },
        to: { in: 'query', type: 'string', format: 'date-time' },
      },
      pagination: { style: 'page', items: 'data', param: 'page', sizeParam: 'perPage', size: 100 },
    },
    create_customer: {
      description: 'Create a customer from an e-mail address.',
      method: 'POST',
      path: '/customer',
      params: {
        email: { in: 'body', type: 'string', format: 'email', required: true },
        first_name: { in: 'body', type: 'string' },
        last_name: { in: 'body', type: 'string' },
        phone: { in: 'body', type: 'string' },
        metadata: { in: 'body', type: 'object' },
      },
      output: 'data',
      summary: 'Customer {data.customer_code}',
    },
    create_refund: {
      description: 'Refund a transaction, in full or (with an amount) in part.',
      method: 'POST',
      path: '/refund',
      params: {
        transaction: {
          in: 'body',
          type: 'string',
          required: true,
          description: 'The transaction reference or id',
        },
        amount: { in: 'body', ...AMOUNT, description: 'Leave out for a full refund (subunit)' },
        currency: { in: 'body', ...CURRENCY },
        customer_note: { in: 'body', type: 'string' },
        merchant_note: { in: 'body', type: 'string' },
      },
      output: 'data',
      summary: 'Refund {data.id}: {data.status}',
    },
  },
});
