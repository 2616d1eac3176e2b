import { defineManifest } from '../../manifest/manifest-schema';

const PAYMENT_ID = {
  in: 'path',
  required: true,
  type: 'string',
  pattern: '^pay_[A-Za-z0-9]+$',
  description: 'The payment id (pay_…)',
} as const;

const AMOUNT = {
  type: 'integer',
  minimum: 100,
  description: 'In the currency’s smallest unit (paise for INR): 50000 is ₹500',
} as const;

const NOTES = {
  type: 'object',
  description: 'Up to 15 key-value pairs of your own',
  additionalProperties: { type: 'string', maxLength: 256 },
} as const;

export const razorpay = defineManifest({
  name: 'razorpay',
  title: 'Razorpay',
  category: 'payments',
  description:
    'Create Razorpay orders and payment links, list and capture payments, and issue refunds with a key id and secret.',
  docsUrl: 'https://razorpay.com/docs/api/',
  verification: 'wire-tested',
  baseUrl: 'https://api.razorpay.com/v1',
  auth: {
    credentialType: 'api_key',
    fields: {
      key_id: { description: 'The API key id (rzp_live_… or rzp_test_…)' },
      key_secret: { description: 'The API key secret', secret: true },
    },
    apply: [{ in: 'basic', username: '{key_id}', password: '{key_secret}' }],
    hint: '{"key_id":"rzp_live_…","key_secret":"…"} (Dashboard → Account & Settings → API Keys)',
  },
  errors: { message: ['error.description', 'error.code'] },
  actions: {
    create_order: {
      description: 'Create an order to attach a checkout payment to.',
      method: 'POST',
      path: '/orders',
      params: {
        amount: { in: 'body', ...AMOUNT, required: true },
        currency: {
          in: 'body',
          type: 'string',
          required: true,
          pattern: '^[A-Z]{3}$',
          description: 'e.g. INR',
        },
        receipt: { in: 'body', type: 'string', maxLength: 40, description: 'Your own receipt number' },
        notes: { in: 'body', ...NOTES },
        partial_payment: { in: 'body', type: 'boolean' },
      },
      output: { id: 'id', status: 'status', amount: 'amount', currency: 'currency', receipt: 'receipt' },
      summary: 'Order {id}: {status}',
    },
    get_order: {
      description: 'Read an order with its paid and due amounts.',
      method: 'GET',
      path: '/orders/{order_id}',
      params: { order_id: { in: 'path', required: true, type: 'string', pattern: '^order_[A-Za-z0-9]+$' } },
      summary: 'Order {id}: {status}',
    },
    list_payments: {
      description: 'List payments, newest first, optionally between two UNIX timestamps.',
      method: 'GET',
      path: '/payments',
      params: {
        from: { in: 'query', type: 'integer', minimum: 0, description: 'From (UNIX seconds)' },
        to: { in: 'query', type: 'integer', minimum: 0, description: 'To (UNIX seconds)' },
      },
      pagination: { style: 'offset', items: 'items', param: 'skip', sizeParam: 'count', size: 100 },
    },
    get_payment: {
      description: 'Read a payment and its status.',
      method: 'GET',
      path: '/payments/{payment_id}',
      params: { payment_id: PAYMENT_ID },
      summary: 'Payment {id}: {status}',
    },
    capture_payment: {
      description: 'Capture an authorized payment (the amount must equal the authorized amount).',
      method: 'POST',
      path: '/payments/{payment_id}/capture',
      params: {
        payment_id: PAYMENT_ID,
        amount: { in: 'body', ...AMOUNT, required: true },
        currency: { in: 'body', type: 'string', required: true, pattern: '^[A-Z]{3}$' },
      },
      summary: 'Payment {id}: {status}',
    },
    refund_payment: {
      description: 'Refund a captured payment, in full or (with an amount) in part.',
      method: 'POST',
      path: '/payments/{payment_id}/refund',
      params: {
        payment_id: PAYMENT_ID,
        amount: { in: 'body', ...AMOUNT, minimum: 1, description: 'Leave out for a full refund' },
        speed: { in: 'body', type: 'string', enum: ['normal', 'optimum'] },
        receipt: { in: 'body', type: 'string', maxLength: 40 },
        notes: { in: 'body', ...NOTES },
      },
      output: { id: 'id', status: 'status', amount: 'amount', payment_id: 'payment_id' },
      summary: 'Refund {id}: {status}',
    },
    create_payment_link: {
      description: 'Create a payment link to send to a customer; the output has its short_url.',
      method: 'POST',
      path: '/payment_links',
      params: {
        amount: { in: 'body', ...AMOUNT, required: true },
        currency: { in: 'body', type: 'string', pattern: '^[A-Z]{3}$', description: 'Default INR' },
        description: { in: 'body', type: 'string', maxLength: 2048 },
        reference_id: { in: 'body', type: 'string', maxLength: 40 },
        customer_name: { in: 'body', wire: 'customer.name', type: 'string' },
        customer_email: { in: 'body', wire: 'customer.email', type: 'string', format: 'email' },
        customer_contact: {
          in: 'body',
          wire: 'customer.contact',
          type: 'string',
          description: 'Phone with country code',
        },
        notify_sms: { in: 'body', wire: 'notify.sms', type: 'boolean' },
        notify_email: { in: 'body', wire: 'notify.email', type: 'boolean' },
        expire_by: { in: 'body', type: 'integer', description: 'Expiry (UNIX seconds)' },
        callback_url: { in: 'body', type: 'string', format: 'uri' },
        callback_method: { in: 'body', type: 'string', enum: ['get'] },
        notes: { in: 'body', ...NOTES },
      },
      output: { id: 'id', short_url: 'short_url', status: 'status', amount: 'amount' },
      summary: 'Payment link {short_url}',
    },
  },
});
