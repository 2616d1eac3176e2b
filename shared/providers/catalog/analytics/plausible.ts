import { defineManifest } from '../../manifest/manifest-schema';

export const plausible = defineManifest({
  name: 'plausible',
  title: 'Plausible Analytics',
  category: 'analytics',
  description:
    'Query site statistics with the Plausible Stats API v2 and record pageviews or custom events with the Events API.',
  docsUrl: 'https://plausible.io/docs/stats-api',
  verification: 'documented',
  baseUrl: 'https://plausible.io/api',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A Stats API key (Account Settings → API Keys)',
  },
  errors: { message: ['error'] },
  actions: {
    query: {
      description:
        'Query metrics for a site over a date range, optionally broken down by dimensions and filtered.',
      method: 'POST',
      path: '/v2/query',
      params: {
        site_id: {
          in: 'body',
          type: 'string',
          required: true,
          minLength: 1,
          description: 'The site domain, e.g. example.com',
        },
        metrics: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          items: { type: 'string' },
          description: 'e.g. ["visitors", "pageviews", "bounce_rate", "visit_duration"]',
        },
        date_range: {
          in: 'body',
          required: true,
          description: '"7d", "30d", "month", "year", "all", or ["2026-01-01", "2026-01-31"]',
        },
        dimensions: {
          in: 'body',
          type: 'array',
          items: { type: 'string' },
          description: 'e.g. ["visit:source"] or ["time:day"]',
        },
        filters: {
          in: 'body',
          type: 'array',
          description: 'e.g. [["is", "visit:country_name", ["Germany"]]]',
        },
        order_by: { in: 'body', type: 'array' },
        include: { in: 'body', type: 'object', description: 'e.g. {"imports": true}' },
      },
      output: { results: 'results', meta: 'meta' },
      idempotent: true,
    },
    record_event: {
      description:
        'Record a pageview or custom event for a site (the Events API; needs the visitor User-Agent).',
      method: 'POST',
      path: '/event',
      params: {
        domain: {
          in: 'body',
          type: 'string',
          required: true,
          minLength: 1,
          description: 'The site domain as added to Plausible',
        },
        name: {
          in: 'body',
          type: 'string',
          required: true,
          minLength: 1,
          maxLength: 120,
          description: 'pageview, or a custom event name',
        },
        url: { in: 'body', type: 'string', required: true, format: 'uri', maxLength: 2000 },
        referrer: { in: 'body', type: 'string', maxLength: 2000 },
        props: { in: 'body', type: 'object', description: 'Custom properties (string values, up to 30)' },
        revenue: { in: 'body', type: 'object', description: '{"currency": "EUR", "amount": 10.5}' },
        user_agent: {
          in: 'header',
          wire: 'User-Agent',
          type: 'string',
          required: true,
          minLength: 1,
          maxLength: 1000,
          description: "The visitor's User-Agent",
        },
        forwarded_for: {
          in: 'header',
          wire: 'X-Forwarded-For',
          type: 'string',
          maxLength: 200,
          description: "The visitor's IP address",
        },
      },
      summary: 'Recorded the event',
    },
  },
});
