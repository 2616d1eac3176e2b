import { defineManifest, type ProviderManifest } from '../../manifest/manifest-schema';

type Params = NonNullable<ProviderManifest['actions'][string]['params']>;

const VERSION = { Accept: 'application/vnd.recurly.v2021-02-25+json' };

const ACCOUNT_ID = {
  in: 'path',
  required: true,
  type: 'string',
  pattern: '^(code-[A-Za-z0-9_.@+-]{1,50}|[a-z0-9]{1,32})$',
  description: 'The account id, or code-<your account code>',
} as const;

const SUBSCRIPTION_ID = {
  in: 'path',
  required: true,
  type: 'string',
  pattern: '^(uuid-[a-f0-9]{32}|[a-z0-9]{1,32})$',
  description: 'The subscription id, or uuid-<uuid>',
} as const;

const LIST_PARAMS: Params = {
  limit: { in: 'query', type: 'integer', minimum: 1, maximum: 200, description: 'How many (default 20)' },
  order: { in: 'query', type: 'string', enum: ['asc', 'desc'] },
  sort: { in: 'query', type: 'string', enum: ['created_at', 'updated_at'] },
  begin_time: { in: 'query', type: 'string', format: 'date-time' },
  end_time: { in: 'query', type: 'string', format: 'date-time' },
};

export const recurly = defineManifest({
  name: 'recurly',
  title: 'Recurly',
  category: 'payments',
  description:
    'Accounts and subscriptions in Recurly (API v3, version 2021-02-25): create and read accounts, list and cancel subscriptions.',
  docsUrl: 'https://recurly.com/developers/api/v2021-02-25/',
  verification: 'documented',
  baseUrl: 'https://{region}.recurly.com',
  auth: {
    credentialType: 'api_key',
    fields: {
      region: {
        description: 'v3 for US sites, v3.eu for EU sites',
        enum: ['v3', 'v3.eu'],
        default: 'v3',
      },
      api_key: { description: 'A private API key', secret: true },
    },
    apply: [{ in: 'basic', username: '{api_key}', password: '' }],
    hint: '{"region":"v3","api_key":"…"} (Integrations → API Credentials; region v3.eu for EU sites)',
  },
  actions: {
    create_account: {
      description: 'Create an account (a customer) with your own unique code.',
      method: 'POST',
      path: '/accounts',
      constants: { headers: VERSION },
      params: {
        code: {
          in: 'body',
          type: 'string',
          required: true,
          maxLength: 50,
          description: 'Your unique account code',
        },
        email: { in: 'body', type: 'string', format: 'email', maxLength: 255 },
        first_name: { in: 'body', type: 'string', maxLength: 255 },
        last_name: { in: 'body', type: 'string', maxLength: 255 },
        company: { in: 'body', type: 'string', maxLength: 100 },
        preferred_locale: { in: 'body', type: 'string', description: 'e.g. en-US' },
      },
      summary: 'Created account {code}',
    },
    get_account: {
      description: 'Read an account.',
      method: 'GET',
      path: '/accounts/{account_id}',
      constants: { headers: VERSION },
      params: { account_id: ACCOUNT_ID },
      summary: 'Account {code}: {state}',
    },
    list_accounts: {
      description: 'List accounts (one page), optionally by e-mail or state.',
      method: 'GET',
      path: '/accounts',
      constants: { headers: VERSION },
      params: {
        ...LIST_PARAMS,
        email: { in: 'query', type: 'string', format: 'email' },
        state: { in: 'query', type: 'string', enum: ['active', 'inactive'] },
      },
      output: { accounts: 'data', has_more: 'has_more', next: 'next' },
    },
    list_account_subscriptions: {
      description: 'List an account’s subscriptions (one page), optionally by state.',
      method: 'GET',
      path: '/accounts/{account_id}/subscriptions',
      constants: { headers: VERSION },
      params: {
        account_id: ACCOUNT_ID,
        ...LIST_PARAMS,
        state: {
          in: 'query',
          type: 'string',
          enum: ['active', 'canceled', 'expired', 'future', 'in_trial', 'live', 'paused'],
        },
      },
      output: { subscriptions: 'data', has_more: 'has_more', next: 'next' },
    },
    get_subscription: {
      description: 'Read a subscription.',
      method: 'GET',
      path: '/subscriptions/{subscription_id}',
      constants: { headers: VERSION },
      params: { subscription_id: SUBSCRIPTION_ID },
      summary: 'Subscription {id}: {state}',
    },
    cancel_subscription: {
      description: 'Cancel a subscription: it stays active until the end of the term, then expires.',
      method: 'PUT',
      path: '/subscriptions/{subscription_id}/cancel',
      constants: { headers: VERSION },
      params: {
        subscription_id: SUBSCRIPTION_ID,
        timeframe: { in: 'body', type: 'string', enum: ['bill_date', 'term_end'], default: 'term_end' },
      },
      summary: 'Subscription {id}: {state}',
    },
    reactivate_subscription: {
      description: 'Undo a cancellation while the subscription is still active.',
      method: 'PUT',
      path: '/subscriptions/{subscription_id}/reactivate',
      constants: { headers: { ...VERSION, 'Content-Type': 'application/json' } },
      params: { subscription_id: SUBSCRIPTION_ID },
      summary: 'Subscription {id}: {state}',
    },
  },
});
