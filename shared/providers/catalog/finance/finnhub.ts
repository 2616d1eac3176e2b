import { defineManifest } from '../../manifest/manifest-schema';

const SYMBOL = {
  in: 'query',
  required: true,
  type: 'string',
  pattern: '^[A-Za-z0-9.:^=-]{1,30}$',
  description: 'A ticker symbol, e.g. AAPL',
} as const;

const DATE = { in: 'query', type: 'string', format: 'date' } as const;

export const finnhub = defineManifest({
  name: 'finnhub',
  title: 'Finnhub',
  category: 'finance',
  description:
    'Stock market data from Finnhub: real-time quotes, company profiles, news, basic financials, analyst recommendations and symbol search.',
  docsUrl: 'https://finnhub.io/docs/api',
  verification: 'wire-tested',
  baseUrl: 'https://finnhub.io/api/v1',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'X-Finnhub-Token', value: '{token}' }],
    hint: 'Your Finnhub API key (Dashboard)',
  },
  errors: { message: ['error'] },
  actions: {
    quote: {
      description:
        'The latest price of a stock: current (c), change (d, dp), high, low, open and previous close.',
      method: 'GET',
      path: '/quote',
      params: { symbol: SYMBOL },
      output: {
        current: 'c',
        change: 'd',
        percent_change: 'dp',
        high: 'h',
        low: 'l',
        open: 'o',
        previous_close: 'pc',
        timestamp: 't',
      },
      summary: 'Price {c} ({dp}%)',
    },
    company_profile: {
      description: 'A company’s profile: name, exchange, industry, market cap, website and logo.',
      method: 'GET',
      path: '/stock/profile2',
      params: { symbol: SYMBOL },
      summary: '{name} ({ticker})',
    },
    company_news: {
      description: 'News about a company between two dates (North American companies).',
      method: 'GET',
      path: '/company-news',
      params: {
        symbol: SYMBOL,
        from: { ...DATE, required: true, description: 'From date, YYYY-MM-DD' },
        to: { ...DATE, required: true, description: 'To date, YYYY-MM-DD' },
      },
    },
    market_news: {
      description: 'The latest market news in a category.',
      method: 'GET',
      path: '/news',
      params: {
        category: {
          in: 'query',
          type: 'string',
          required: true,
          enum: ['general', 'forex', 'crypto', 'merger'],
        },
        min_id: { in: 'query', wire: 'minId', type: 'integer', description: 'Only news after this id' },
      },
    },
    symbol_search: {
      description: 'Find symbols matching a company name, ticker, ISIN or CUSIP.',
      method: 'GET',
      path: '/search',
      params: {
        q: { in: 'query', type: 'string', required: true, maxLength: 100, description: 'What to search for' },
        exchange: { in: 'query', type: 'string', description: 'Limit to one exchange, e.g. US' },
      },
      output: { count: 'count', results: 'result' },
      summary: '{count} matches',
    },
    basic_financials: {
      description: 'Key metrics of a company (52-week high/low, P/E, margins…) and their history.',
      method: 'GET',
      path: '/stock/metric',
      constants: { query: { metric: 'all' } },
      params: { symbol: SYMBOL },
    },
    recommendation_trends: {
      description: 'Analysts’ buy/hold/sell recommendations for a company, month by month.',
      method: 'GET',
      path: '/stock/recommendation',
      params: { symbol: SYMBOL },
    },
    earnings_calendar: {
      description: 'Upcoming and past earnings releases between two dates, optionally for one symbol.',
      method: 'GET',
      path: '/calendar/earnings',
      params: {
        from: { ...DATE, description: 'From date, YYYY-MM-DD' },
        to: { ...DATE, description: 'To date, YYYY-MM-DD' },
        symbol: { ...SYMBOL, required: false },
      },
      output: 'earningsCalendar',
    },
  },
});
