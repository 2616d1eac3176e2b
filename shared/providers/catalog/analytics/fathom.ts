import { defineManifest } from '../../manifest/manifest-schema';

const siteId = {
  in: 'path' as const,
  type: 'string' as const,
  required: true as const,
  pattern: '^[A-Z0-9]{1,16}$',
  description: 'The site id, as in the tracking code (e.g. CDBUGS)',
};
const limit = {
  in: 'query' as const,
  type: 'integer' as const,
  minimum: 1,
  maximum: 100,
  description: 'Items per page (default 10)',
};

export const fathom = defineManifest({
  name: 'fathom',
  title: 'Fathom Analytics',
  category: 'analytics',
  description:
    'List sites and events, run aggregation reports and read current visitors from Fathom Analytics.',
  docsUrl: 'https://usefathom.com/api',
  verification: 'documented',
  baseUrl: 'https://api.usefathom.com/v1',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An API token (app.usefathom.com/api)',
  },
  actions: {
    list_sites: {
      description: 'List the sites of the account.',
      method: 'GET',
      path: '/sites',
      params: { limit },
      pagination: { style: 'after_last', items: 'data', more: 'has_more', param: 'starting_after', id: 'id' },
    },
    list_events: {
      description: 'List the events (goals) of a site.',
      method: 'GET',
      path: '/sites/{site_id}/events',
      params: { site_id: siteId, limit },
      pagination: { style: 'after_last', items: 'data', more: 'has_more', param: 'starting_after', id: 'id' },
    },
    aggregation: {
      description:
        'Aggregate pageviews or events of a site over a period, optionally grouped by date or fields and filtered.',
      method: 'GET',
      path: '/aggregations',
      params: {
        entity: { in: 'query', type: 'string', required: true, enum: ['pageview', 'event'] },
        entity_id: { in: 'query', type: 'string', description: 'The site id (for pageview)' },
        entity_name: { in: 'query', type: 'string', description: 'The event name (for event; with site_id)' },
        site_id: { in: 'query', type: 'string', description: 'The site id (for event)' },
        aggregates: {
          in: 'query',
          type: 'string',
          required: true,
          description:
            'Comma-separated: visits,uniques,pageviews,avg_duration,bounce_rate or conversions,unique_conversions,value',
        },
        date_grouping: { in: 'query', type: 'string', enum: ['hour', 'day', 'month', 'year'] },
        field_grouping: {
          in: 'query',
          type: 'string',
          description: 'Comma-separated, e.g. pathname,referrer_hostname',
        },
        sort_by: { in: 'query', type: 'string', description: 'e.g. pageviews:desc' },
        timezone: { in: 'query', type: 'string' },
        date_from: { in: 'query', type: 'string', description: 'e.g. 2026-01-01 00:00:00' },
        date_to: { in: 'query', type: 'string' },
        limit: { in: 'query', type: 'integer', minimum: 1 },
        filters: {
          in: 'query',
          type: 'string',
          description:
            'A JSON array as text, e.g. [{"property": "pathname", "operator": "is", "value": "/"}]',
        },
      },
    },
    current_visitors: {
      description: 'The visitors on a site right now (with top pages and referrers when detailed).',
      method: 'GET',
      path: '/current_visitors',
      params: {
        site_id: { in: 'query', type: 'string', required: true },
        detailed: { in: 'query', type: 'boolean' },
      },
      output: { total: 'total', content: 'content', referrers: 'referrers' },
      summary: '{total} current visitors',
    },
  },
});
