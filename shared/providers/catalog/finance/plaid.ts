import { defineManifest } from '../../manifest/manifest-schema';

const ACCESS_TOKEN = {
  in: 'body',
  type: 'string',
  required: true,
  pattern: '^access-(sandbox|production|development)-[0-9a-f-]+$',
  description: 'The Item’s access token (from exchange_public_token)',
} as const;

const ACCOUNT_IDS = {
  in: 'body',
  wire: 'options.account_ids',
  type: 'array',
  items: { type: 'string' },
  description: 'Only these accounts',
} as const;

const COUNTRY_CODES = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'string',
    enum: [
      'US',
      'GB',
      'ES',
      'NL',
      'FR',
      'IE',
      'CA',
      'DE',
      'IT',
      'PL',
      'DK',
      'NO',
      'SE',
      'EE',
      'LT',
      'LV',
      'PT',
      'BE',
      'AT',
      'FI',
    ],
  },
} as const;

export const plaid = defineManifest({
  name: 'plaid',
  title: 'Plaid',
  category: 'finance',
  description:
    'Bank data through Plaid: create Link tokens, exchange public tokens, and read accounts, balances and transactions of a linked Item.',
  docsUrl: 'https://plaid.com/docs/api/',
  verification: 'wire-tested',
  baseUrl: 'https://{environment}.plaid.com',
  auth: {
    credentialType: 'custom',
    fields: {
      environment: {
        description: 'production or sandbox',
        enum: ['production', 'sandbox'],
        default: 'production',
      },
      client_id: { description: 'Your Plaid client_id (Dashboard → Developers → Keys)' },
      secret: { description: 'The secret of that environment', secret: true },
    },
    apply: [
      { in: 'body', path: 'client_id', value: '{client_id}' },
      { in: 'body', path: 'secret', value: '{secret}' },
    ],
    hint: '{"environment":"sandbox","client_id":"…","secret":"…"}',
  },
  errors: {
    message: ['error_message', 'error_code'],
    retryable: { codePath: 'error_code', codes: ['PRODUCT_NOT_READY'] },
  },
  actions: {
    create_link_token: {
      description: 'Create a link_token to open Plaid Link for one of your users.',
      method: 'POST',
      path: '/link/token/create',
      params: {
        client_name: {
          in: 'body',
          type: 'string',
          required: true,
          maxLength: 30,
          description: 'Shown in Link',
        },
        language: { in: 'body', type: 'string', required: true, description: 'e.g. en' },
        country_codes: { in: 'body', ...COUNTRY_CODES, required: true },
        client_user_id: {
          in: 'body',
          wire: 'user.client_user_id',
          type: 'string',
          required: true,
          description: 'Your stable id for the user (no PII)',
        },
        products: {
          in: 'body',
          type: 'array',
          items: { type: 'string' },
          description: 'e.g. ["transactions"] or ["auth"]',
        },
        webhook: { in: 'body', type: 'string', format: 'uri' },
        redirect_uri: { in: 'body', type: 'string', format: 'uri' },
      },
      output: { link_token: 'link_token', expiration: 'expiration', request_id: 'request_id' },
      summary: 'Link token expires {expiration}',
    },
    exchange_public_token: {
      description: 'Exchange the public_token from Link for a long-lived access_token and item_id.',
      method: 'POST',
      path: '/item/public_token/exchange',
      params: { public_token: { in: 'body', type: 'string', required: true } },
      output: { access_token: 'access_token', item_id: 'item_id' },
      summary: 'Linked item {item_id}',
    },
    get_item: {
      description: 'Read an Item: its institution, products and any error needing the user’s attention.',
      method: 'POST',
      path: '/item/get',
      params: { access_token: ACCESS_TOKEN },
      output: { item: 'item', status: 'status' },
      summary: 'Item {item.item_id}',
    },
    get_accounts: {
      description: 'List the accounts of an Item with cached balances.',
      method: 'POST',
      path: '/accounts/get',
      params: { access_token: ACCESS_TOKEN, account_ids: ACCOUNT_IDS },
      output: { accounts: 'accounts', item: 'item' },
    },
    get_balances: {
      description: 'Fetch real-time balances of an Item’s accounts from the institution.',
      method: 'POST',
      path: '/accounts/balance/get',
      params: { access_token: ACCESS_TOKEN, account_ids: ACCOUNT_IDS },
      output: { accounts: 'accounts' },
    },
    sync_transactions: {
      description:
        'Transactions added, modified and removed since a cursor; pass next_cursor back while has_more is true.',
      method: 'POST',
      path: '/transactions/sync',
      params: {
        access_token: ACCESS_TOKEN,
        cursor: {
          in: 'body',
          type: 'string',
          description: 'The last next_cursor (leave out the first time)',
        },
        count: { in: 'body', type: 'integer', minimum: 1, maximum: 500, description: 'Default 100' },
      },
      output: {
        added: 'added',
        modified: 'modified',
        removed: 'removed',
        next_cursor: 'next_cursor',
        has_more: 'has_more',
      },
      summary: 'Synced; has_more: {has_more}',
    },
    get_transactions: {
      description: 'Transactions of an Item between two dates (offset-based).',
      method: 'POST',
      path: '/transactions/get',
      params: {
        access_token: ACCESS_TOKEN,
        start_date: { in: 'body', type: 'string', format: 'date', required: true },
        end_date: { in: 'body', type: 'string', format: 'date', required: true },
        count: { in: 'body', wire: 'options.count', type: 'integer', minimum: 1, maximum: 500 },
        offset: { in: 'body', wire: 'options.offset', type: 'integer', minimum: 0 },
        account_ids: ACCOUNT_IDS,
      },
      output: {
        transactions: 'transactions',
        total_transactions: 'total_transactions',
        accounts: 'accounts',
      },
      summary: '{total_transactions} transactions in range',
    },
    get_institution: {
      description: 'Read an institution by its id.',
      method: 'POST',
      path: '/institutions/get_by_id',
      params: {
        institution_id: { in: 'body', type: 'string', required: true, pattern: '^ins_[0-9]+$' },
        country_codes: { in: 'body', ...COUNTRY_CODES, required: true },
      },
      output: 'institution',
      summary: '{institution.name}',
    },
  },
});
