import { defineManifest } from '../../manifest/manifest-schema';

const CURRENCY = { type: 'string', pattern: '^[A-Z]{3}$' } as const;
const SYMBOLS = {
  in: 'query',
  type: 'string',
  pattern: '^[A-Z]{3}(,[A-Z]{3})*$',
  description: 'Only these currencies, comma-separated (e.g. EUR,GBP)',
} as const;
const BASE = {
  in: 'query',
  ...CURRENCY,
  description: 'Base currency (default USD; other bases need a paid plan)',
} as const;

export const openExchangeRates = defineManifest({
  name: 'open_exchange_rates',
  title: 'Open Exchange Rates',
  category: 'finance',
  description:
    'Latest and historical foreign exchange rates, currency names and conversions from Open Exchange Rates.',
  docsUrl: 'https://docs.openexchangerates.org/reference/api-introduction',
  verification: 'documented',
  baseUrl: 'https://openexchangerates.org/api',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'query', name: 'app_id', value: '{token}' }],
    hint: 'Your App ID (openexchangerates.org → Account → App IDs)',
  },
  errors: { message: ['description', 'message'] },
  actions: {
    latest_rates: {
      description: 'The latest exchange rates against a base currency (USD by default).',
      method: 'GET',
      path: '/latest.json',
      params: {
        base: BASE,
        symbols: SYMBOLS,
        show_alternative: {
          in: 'query',
          type: 'boolean',
          description: 'Include alternative and digital currencies',
        },
      },
      output: { base: 'base', timestamp: 'timestamp', rates: 'rates' },
      summary: 'Rates against {base}',
    },
    historical_rates: {
      description: 'The end-of-day exchange rates of a past date (back to 1999-01-01).',
      method: 'GET',
      path: '/historical/{date}.json',
      params: {
        date: {
          in: 'path',
          required: true,
          type: 'string',
          pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
          description: 'YYYY-MM-DD',
        },
        base: BASE,
        symbols: SYMBOLS,
        show_alternative: { in: 'query', type: 'boolean' },
      },
      output: { base: 'base', timestamp: 'timestamp', rates: 'rates' },
      summary: 'Rates against {base}',
    },
    currencies: {
      description: 'The currency codes the API offers and their full names.',
      method: 'GET',
      path: '/currencies.json',
      params: {
        show_alternative: { in: 'query', type: 'boolean' },
        show_inactive: { in: 'query', type: 'boolean' },
      },
    },
    convert: {
      description: 'Convert an amount between two currencies at the latest rate (Unlimited plan).',
      method: 'GET',
      path: '/convert/{value}/{from}/{to}',
      params: {
        value: { in: 'path', required: true, type: 'number', minimum: 0, description: 'The amount' },
        from: { in: 'path', required: true, ...CURRENCY },
        to: { in: 'path', required: true, ...CURRENCY },
      },
      output: { result: 'response', rate: 'meta.rate', timestamp: 'meta.timestamp' },
      summary: 'Result {response}',
    },
    usage: {
      description: 'The App ID’s plan, status and request usage this period.',
      method: 'GET',
      path: '/usage.json',
      output: 'data',
      summary: 'Plan {data.plan.name}: {data.usage.requests} requests used',
    },
  },
});
