import { defineManifest } from '../../manifest/manifest-schema';

const websiteId = {
  in: 'path' as const,
  type: 'string' as const,
  required: true as const,
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
  description: 'The website id (a UUID)',
};
const range = {
  start_at: {
    in: 'query' as const,
    wire: 'startAt',
    type: 'integer' as const,
    required: true as const,
    minimum: 0,
    description: 'Start, in milliseconds since the epoch',
  },
  end_at: {
    in: 'query' as const,
    wire: 'endAt',
    type: 'integer' as const,
    required: true as const,
    minimum: 0,
    description: 'End, in milliseconds since the epoch',
  },
};

export const umami = defineManifest({
  name: 'umami',
  title: 'Umami',
  category: 'analytics',
  description: 'Read websites, summary stats, pageview series, metrics and active visitors from Umami Cloud.',
  docsUrl: 'https://umami.is/docs/api',
  verification: 'documented',
  baseUrl: 'https://api.umami.is/v1',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'x-umami-api-key', value: '{token}' }],
    hint: 'An Umami Cloud API key (Settings → API keys)',
  },
  errors: { message: ['error.message', 'message', 'error'] },
  actions: {
    list_websites: {
      description: 'List the websites of the account.',
      method: 'GET',
      path: '/websites',
      params: { search: { in: 'query', type: 'string' } },
      pagination: { style: 'page', items: 'data', param: 'page', first: 1, sizeParam: 'pageSize', size: 100 },
    },
    get_stats: {
      description:
        'Summary stats of a website for a period: pageviews, visitors, visits, bounces, total time.',
      method: 'GET',
      path: '/websites/{website_id}/stats',
      params: { website_id: websiteId, ...range },
    },
    get_pageviews: {
      description: 'Pageviews and sessions of a website over time, grouped by a unit.',
      method: 'GET',
      path: '/websites/{website_id}/pageviews',
      params: {
        website_id: websiteId,
        ...range,
        unit: {
          in: 'query',
          type: 'string',
          required: true,
          enum: ['minute', 'hour', 'day', 'month', 'year'],
        },
        timezone: { in: 'query', type: 'string', description: 'e.g. Europe/Berlin' },
      },
    },
    get_metrics: {
      description:
        'Top values of one metric type for a period, e.g. path, referrer, browser, os, device, country or event.',
      method: 'GET',
      path: '/websites/{website_id}/metrics',
      params: {
        website_id: websiteId,
        ...range,
        type: {
          in: 'query',
          type: 'string',
          required: true,
          description: 'The metric type, e.g. path, referrer, browser, country, event',
        },
        limit: { in: 'query', type: 'integer', minimum: 1, maximum: 500 },
      },
    },
    get_active: {
      description: 'The number of visitors active on a website in the last five minutes.',
      method: 'GET',
      path: '/websites/{website_id}/active',
      params: { website_id: websiteId },
    },
  },
});
