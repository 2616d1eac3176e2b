import { defineManifest } from '../../manifest/manifest-schema';

const PAYMENT_ID = {
  in: 'path',
  required: true,
  type: 'string',
  pattern: '^tr_[A-Za-z0-9]+$',
  description: 'The payment id (tr_…)',
} as const;

const AMOUNT = {
  type: 'object',
  description: '{"currency":"EUR","value":"10.00"}: value is a string with the currency’s decimals',
  properties: {
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    value: { type: 'string', pattern: '^[0-9]+\\.[0-9]{2,3}$|^[0-9]+$' },
  },
  additionalProperties: false,
} as const;

export const mollie = defineManifest({
  name: 'mollie',
  title: 'Mollie',
  category: 'payments',
  description: 'Create, read, list, cancel and refund Mollie payments with a live or test API key.',
  docsUrl: 'https://docs.mollie.com/reference/payments-api',
  verification: 'wire-tested',
  baseUrl: 'https://api.mollie.com/v2',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A live_… or test_… API key, or an organization access token (access_…)',
  },
  errors: { message: ['detail', 'title'] },
  actions: {
    create_payment: {
      description: 'Create a payment; send the buyer to the output checkout_url.',
      method: 'POST',
      path: '/payments',
      idempotencyHeader: 'Idempotency-Key',
      params: {
        amount: { in: 'body', ...AMOUNT, required: true },
        description: { in: 'body', type: 'string', required: true, maxLength: 255 },
        redirect_url: {
          in: 'body',
          wire: 'redirectUrl',
          type: 'string',
          format: 'uri',
          description: 'Where the buyer returns after paying',
        },
        cancel_url: { in: 'body', wire: 'cancelUrl', type: 'string', format: 'uri' },
        webhook_url: { in: 'body', wire: 'webhookUrl', type: 'string', format: 'uri' },
        method: {
          in: 'body',
          type: 'string',
          description: 'A payment method such as ideal, creditcard, bancontact (default: buyer chooses)',
        },
        locale: { in: 'body', type: 'string', pattern: '^[a-z]{2}_[A-Z]{2}$', description: 'e.g. nl_NL' },
        metadata: { in: 'body', type: 'object', description: 'Your own data, returned with the payment' },
        customer_id: { in: 'body', wire: 'customerId', type: 'string', pattern: '^cst_[A-Za-z0-9]+$' },
        sequence_type: {
          in: 'body',
          wire: 'sequenceType',
          type: 'string',
          enum: ['oneoff', 'first', 'recurring'],
        },
      },
      output: {
        id: 'id',
        status: 'status',
        checkout_url: '_links.checkout.href',
        amount: 'amount',
        expires_at: 'expiresAt',
      },
      summary: 'Payment {id}: {status}',
    },
    get_payment: {
      description: 'Read a payment and its status.',
      method: 'GET',
      path: '/payments/{payment_id}',
      params: { payment_id: PAYMENT_ID },
      summary: 'Payment {id}: {status}',
    },
    list_payments: {
      description: 'List payments, newest first; follows _links.next for further pages.',
      method: 'GET',
      path: '/payments',
      params: {
        limit: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 250,
          description: 'Per page (default 50)',
        },
        from: {
          in: 'query',
          type: 'string',
          pattern: '^tr_[A-Za-z0-9]+$',
          description: 'Start at this payment id',
        },
        testmode: { in: 'query', type: 'boolean', description: 'Test payments (with an organization token)' },
      },
      pagination: { style: 'next_url', items: '_embedded.payments', next: '_links.next.href' },
    },
    cancel_payment: {
      description: 'Cancel an open payment that is still cancelable.',
      method: 'DELETE',
      path: '/payments/{payment_id}',
      params: { payment_id: PAYMENT_ID },
      summary: 'Payment {id}: {status}',
    },
    create_refund: {
      description: 'Refund a paid payment, in full or in part.',
      method: 'POST',
      path: '/payments/{payment_id}/refunds',
      idempotencyHeader: 'Idempotency-Key',
      params: {
        payment_id: PAYMENT_ID,
        amount: { in: 'body', ...AMOUNT, required: true },
        description: { in: 'body', type: 'string', maxLength: 255 },
        metadata: { in: 'body', type: 'object' },
      },
      output: { id: 'id', status: 'status', amount: 'amount', payment_id: 'paymentId' },
      summary: 'Refund {id}: {status}',
    },
  },
});
