import { defineManifest } from '../../manifest/manifest-schema';

const VERSION = { 'X-CC-Version': '2018-03-22' };

const CHARGE = {
  in: 'path',
  required: true,
  type: 'string',
  pattern: '^([A-Z0-9]{8}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$',
  description: 'The charge code (8 characters) or id (UUID)',
} as const;

export const coinbaseCommerce = defineManifest({
  name: 'coinbase_commerce',
  title: 'Coinbase Commerce',
  category: 'payments',
  description: 'Accept crypto payments with Coinbase Commerce charges: create them, read one and list them.',
  docsUrl: 'https://docs.cdp.coinbase.com/commerce/introduction/quickstart',
  verification: 'documented',
  baseUrl: 'https://api.commerce.coinbase.com',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'X-CC-Api-Key', value: '{token}' }],
    hint: 'A Commerce API key (Settings → Security → API keys)',
  },
  actions: {
    create_charge: {
      description: 'Create a charge; send the buyer to the output hosted_url.',
      method: 'POST',
      path: '/charges',
      constants: { headers: VERSION },
      params: {
        name: { in: 'body', type: 'string', required: true, maxLength: 100 },
        description: { in: 'body', type: 'string', required: true, maxLength: 200 },
        pricing_type: { in: 'body', type: 'string', required: true, enum: ['fixed_price', 'no_price'] },
        amount: {
          in: 'body',
          wire: 'local_price.amount',
          type: 'string',
          pattern: '^[0-9]+(\\.[0-9]+)?$',
          description: 'Price for fixed_price, e.g. "10.00"',
        },
        currency: {
          in: 'body',
          wire: 'local_price.currency',
          type: 'string',
          pattern: '^[A-Z]{3,5}$',
          description: 'Currency of the price, e.g. USD',
        },
        metadata: { in: 'body', type: 'object', additionalProperties: { type: 'string' } },
        redirect_url: { in: 'body', type: 'string', format: 'uri' },
        cancel_url: { in: 'body', type: 'string', format: 'uri' },
      },
      output: {
        id: 'data.id',
        code: 'data.code',
        hosted_url: 'data.hosted_url',
        expires_at: 'data.expires_at',
      },
      summary: 'Charge {data.code}: {data.hosted_url}',
    },
    get_charge: {
      description: 'Read a charge with its timeline of statuses and payments.',
      method: 'GET',
      path: '/charges/{charge}',
      constants: { headers: VERSION },
      params: { charge: CHARGE },
      output: 'data',
      summary: 'Charge {data.code}',
    },
    list_charges: {
      description: 'List the account’s charges.',
      method: 'GET',
      path: '/charges',
      constants: { headers: VERSION },
      output: 'data',
    },
  },
});
