import { defineManifest } from '../../manifest/manifest-schema';

const BITLINK = {
  domain: {
    in: 'path',
    required: true,
    type: 'string',
    pattern: '^[A-Za-z0-9.-]+$',
    description: 'The short domain, e.g. bit.ly',
  },
  hash: {
    in: 'path',
    required: true,
    type: 'string',
    pattern: '^[A-Za-z0-9_-]+$',
    description: 'The part after the domain, e.g. 3xYz12A',
  },
} as const;

export const bitly = defineManifest({
  name: 'bitly',
  title: 'Bitly',
  category: 'utility',
  description: 'Shorten and expand links and read click counts with a Bitly access token (API v4).',
  docsUrl: 'https://dev.bitly.com/api-reference',
  verification: 'wire-tested',
  baseUrl: 'https://api-ssl.bitly.com/v4',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A generic access token (Settings → Developer settings → API)',
  },
  errors: { message: ['description', 'message'] },
  actions: {
    shorten: {
      description: 'Shorten a long URL; the output has the short link and its Bitlink ID.',
      method: 'POST',
      path: '/shorten',
      params: {
        long_url: { in: 'body', type: 'string', required: true, format: 'uri', maxLength: 6144 },
        domain: { in: 'body', type: 'string', description: 'A custom short domain (default bit.ly)' },
        group_guid: { in: 'body', type: 'string', description: 'The group to create it in (default: yours)' },
      },
      idempotent: true,
      output: { link: 'link', id: 'id', long_url: 'long_url' },
      summary: 'Shortened to {link}',
    },
    create_bitlink: {
      description: 'Create a Bitlink with a title and tags.',
      method: 'POST',
      path: '/bitlinks',
      params: {
        long_url: { in: 'body', type: 'string', required: true, format: 'uri' },
        domain: { in: 'body', type: 'string' },
        group_guid: { in: 'body', type: 'string' },
        title: { in: 'body', type: 'string' },
        tags: { in: 'body', type: 'array', items: { type: 'string' } },
      },
      output: { link: 'link', id: 'id', long_url: 'long_url', title: 'title' },
      summary: 'Created {link}',
    },
    expand: {
      description: 'Find the long URL behind a Bitlink.',
      method: 'POST',
      path: '/expand',
      params: {
        bitlink_id: {
          in: 'body',
          type: 'string',
          required: true,
          description: 'The Bitlink without scheme, e.g. bit.ly/3xYz12A',
        },
      },
      idempotent: true,
      output: { long_url: 'long_url', link: 'link', id: 'id', created_at: 'created_at' },
      summary: '{link} → {long_url}',
    },
    get_clicks_summary: {
      description: 'Total clicks on a Bitlink over a period.',
      method: 'GET',
      path: '/bitlinks/{domain}/{hash}/clicks/summary',
      params: {
        ...BITLINK,
        unit: { in: 'query', type: 'string', enum: ['minute', 'hour', 'day', 'week', 'month'] },
        units: {
          in: 'query',
          type: 'integer',
          minimum: -1,
          description: 'How many units back; -1 for all time',
        },
      },
      summary: '{total_clicks} clicks',
    },
  },
});
