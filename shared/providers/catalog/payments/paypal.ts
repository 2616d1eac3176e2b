import { defineManifest } from '../../manifest/manifest-schema';

const ORDER_ID = {
  in: 'path',
  required: true,
  type: 'string',
  pattern: '^[A-Z0-9]{1,36}$',
  description: 'The PayPal order id',
} as const;

/** PayPal asks for a JSON content type on every POST, even a capture without a body. */
const JSON_TYPE = { 'Content-Type': 'application/json' };

export const paypal = defineManifest({
  name: 'paypal',
  title: 'PayPal',
  category: 'payments',
  description:
    'Create, authorize and capture PayPal checkout orders (Orders v2) and refund captures, with an OAuth access token.',
  docsUrl: 'https://developer.paypal.com/docs/api/orders/v2/',
  verification: 'documented',
  baseUrl: 'https://{environment}.paypal.com',
  auth: {
    credentialType: 'oauth',
    fields: {
      environment: {
        description: 'api-m for live, api-m.sandbox for the sandbox',
        enum: ['api-m', 'api-m.sandbox'],
        default: 'api-m',
      },
      access_token: {
        description: 'An access token from POST /v1/oauth2/token (client credentials)',
        secret: true,
      },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {access_token}' }],
    hint: '{"environment":"api-m","access_token":"A21AA…"} (environment api-m.sandbox for sandbox)',
  },
  errors: { message: ['details.0.description', 'message', 'error_description', 'error'] },
  actions: {
    create_order: {
      description: 'Create a checkout order; the output has the approval link the buyer opens.',
      method: 'POST',
      path: '/v2/checkout/orders',
      idempotencyHeader: 'PayPal-Request-Id',
      constants: { headers: { Prefer: 'return=representation' } },
      params: {
        intent: { in: 'body', type: 'string', required: true, enum: ['CAPTURE', 'AUTHORIZE'] },
        purchase_units: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          maxItems: 10,
          items: {
            type: 'object',
            description:
              '{"amount":{"currency_code":"USD","value":"10.00"},"reference_id":"…","description":"…","custom_id":"…"}',
          },
        },
        payment_source: {
          in: 'body',
          type: 'object',
          description: 'e.g. {"paypal":{"experience_context":{"return_url":"…","cancel_url":"…"}}}',
        },
      },
      output: { id: 'id', status: 'status', links: 'links' },
      summary: 'Order {id}: {status}',
    },
    get_order: {
      description: 'Read an order and its status.',
      method: 'GET',
      path: '/v2/checkout/orders/{order_id}',
      params: { order_id: ORDER_ID },
      summary: 'Order {id}: {status}',
    },
    capture_order: {
      description: 'Capture the payment of an order the buyer approved.',
      method: 'POST',
      path: '/v2/checkout/orders/{order_id}/capture',
      idempotencyHeader: 'PayPal-Request-Id',
      constants: { headers: { ...JSON_TYPE, Prefer: 'return=representation' } },
      params: { order_id: ORDER_ID },
      output: {
        id: 'id',
        status: 'status',
        capture_id: 'purchase_units.0.payments.captures.0.id',
        capture_status: 'purchase_units.0.payments.captures.0.status',
      },
      summary: 'Order {id}: {status}',
    },
    authorize_order: {
      description: 'Authorize the payment of an approved order (intent AUTHORIZE) to capture later.',
      method: 'POST',
      path: '/v2/checkout/orders/{order_id}/authorize',
      idempotencyHeader: 'PayPal-Request-Id',
      constants: { headers: { ...JSON_TYPE, Prefer: 'return=representation' } },
      params: { order_id: ORDER_ID },
      output: {
        id: 'id',
        status: 'status',
        authorization_id: 'purchase_units.0.payments.authorizations.0.id',
      },
      summary: 'Order {id}: {status}',
    },
    get_capture: {
      description: 'Read a captured payment.',
      method: 'GET',
      path: '/v2/payments/captures/{capture_id}',
      params: { capture_id: { in: 'path', required: true, type: 'string', pattern: '^[A-Z0-9]{1,36}$' } },
      summary: 'Capture {id}: {status}',
    },
    refund_capture: {
      description: 'Refund a captured payment, in full or (with an amount) in part.',
      method: 'POST',
      path: '/v2/payments/captures/{capture_id}/refund',
      idempotencyHeader: 'PayPal-Request-Id',
      constants: { headers: { ...JSON_TYPE, Prefer: 'return=representation' } },
      params: {
        capture_id: { in: 'path', required: true, type: 'string', pattern: '^[A-Z0-9]{1,36}$' },
        amount: {
          in: 'body',
          type: 'object',
          description: 'Leave out for a full refund; {"currency_code":"USD","value":"5.00"}',
          properties: {
            currency_code: { type: 'string', pattern: '^[A-Z]{3}$' },
            value: { type: 'string', pattern: '^[0-9]+(\\.[0-9]{1,2})?$' },
          },
        },
        note_to_payer: { in: 'body', type: 'string', maxLength: 255 },
        invoice_id: { in: 'body', type: 'string', maxLength: 127 },
      },
      summary: 'Refund {id}: {status}',
    },
  },
});
