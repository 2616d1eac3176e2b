import { defineManifest } from '../../manifest/manifest-schema';

const PROFILE_ID = {
  in: 'path',
  required: true,
  type: 'integer',
  minimum: 1,
  description: 'The profile id (from list_profiles)',
} as const;

const CURRENCY = { type: 'string', pattern: '^[A-Z]{3}$' } as const;

export const wise = defineManifest({
  name: 'wise',
  title: 'Wise',
  category: 'finance',
  description:
    'Wise multi-currency accounts: profiles, balances, exchange rates, quotes, recipients and transfers, with a personal or OAuth API token.',
  docsUrl: 'https://docs.wise.com/api-reference',
  verification: 'documented',
  baseUrl: 'https://{environment}',
  auth: {
    credentialType: 'token',
    fields: {
      environment: {
        description: 'api.wise.com for live, api.wise-sandbox.com for the sandbox',
        enum: ['api.wise.com', 'api.wise-sandbox.com'],
        default: 'api.wise.com',
      },
      token: {
        description: 'A personal API token (Settings → API tokens) or an OAuth access token',
        secret: true,
      },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: '{"environment":"api.wise.com","token":"…"}',
  },
  errors: { message: ['errors.0.message', 'error_description', 'message', 'error'] },
  actions: {
    list_profiles: {
      description: 'List the personal and business profiles of the token’s user.',
      method: 'GET',
      path: '/v2/profiles',
    },
    list_balances: {
      description: 'List a profile’s currency balances.',
      method: 'GET',
      path: '/v4/profiles/{profile_id}/balances',
      params: {
        profile_id: PROFILE_ID,
        types: {
          in: 'query',
          type: 'string',
          enum: ['STANDARD', 'SAVINGS', 'STANDARD,SAVINGS'],
          default: 'STANDARD',
        },
      },
    },
    exchange_rate: {
      description: 'The current mid-market rate between two currencies.',
      method: 'GET',
      path: '/v1/rates',
      params: {
        source: { in: 'query', ...CURRENCY, required: true },
        target: { in: 'query', ...CURRENCY, required: true },
        time: {
          in: 'query',
          type: 'string',
          format: 'date-time',
          description: 'A past moment instead of now',
        },
      },
      output: '0',
      summary: '{0.source}→{0.target}: {0.rate}',
    },
    create_quote: {
      description: 'Quote a conversion: rate, fees and delivery estimate for a source or target amount.',
      method: 'POST',
      path: '/v3/profiles/{profile_id}/quotes',
      params: {
        profile_id: PROFILE_ID,
        source_currency: { in: 'body', wire: 'sourceCurrency', ...CURRENCY, required: true },
        target_currency: { in: 'body', wire: 'targetCurrency', ...CURRENCY, required: true },
        source_amount: {
          in: 'body',
          wire: 'sourceAmount',
          type: 'number',
          minimum: 0,
          description: 'Give this or target_amount',
        },
        target_amount: { in: 'body', wire: 'targetAmount', type: 'number', minimum: 0 },
        target_account: {
          in: 'body',
          wire: 'targetAccount',
          type: 'integer',
          description: 'The recipient account id',
        },
        pay_out: {
          in: 'body',
          wire: 'payOut',
          type: 'string',
          enum: ['BANK_TRANSFER', 'BALANCE', 'SWIFT', 'INTERAC'],
        },
      },
      output: {
        id: 'id',
        rate: 'rate',
        source_amount: 'sourceAmount',
        target_amount: 'targetAmount',
        quote: '',
      },
      summary: 'Quote {id}: rate {rate}',
    },
    list_recipients: {
      description: 'List a profile’s recipient accounts, optionally in one currency.',
      method: 'GET',
      path: '/v2/accounts',
      params: {
        profile_id: { in: 'query', wire: 'profileId', type: 'integer', required: true, minimum: 1 },
        currency: { in: 'query', ...CURRENCY },
        size: { in: 'query', type: 'integer', minimum: 1, maximum: 100 },
      },
      output: 'content',
    },
    list_transfers: {
      description: 'List a profile’s transfers, newest first, optionally by status or date.',
      method: 'GET',
      path: '/v1/transfers',
      params: {
        profile: { in: 'query', type: 'integer', required: true, minimum: 1, description: 'The profile id' },
        status: {
          in: 'query',
          type: 'string',
          description: 'Comma-separated, e.g. incoming_payment_waiting,processing,outgoing_payment_sent',
        },
        created_date_start: { in: 'query', wire: 'createdDateStart', type: 'string', format: 'date' },
        created_date_end: { in: 'query', wire: 'createdDateEnd', type: 'string', format: 'date' },
      },
      pagination: { style: 'offset', items: '', param: 'offset', sizeParam: 'limit', size: 100 },
    },
    get_transfer: {
      description: 'Read a transfer and its status.',
      method: 'GET',
      path: '/v1/transfers/{transfer_id}',
      params: { transfer_id: { in: 'path', required: true, type: 'integer', minimum: 1 } },
      summary: 'Transfer {id}: {status}',
    },
  },
});
