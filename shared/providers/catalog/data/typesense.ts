import { defineManifest } from '../../manifest/manifest-schema';

const collection = {
  in: 'path' as const,
  type: 'string' as const,
  required: true as const,
  minLength: 1,
  maxLength: 256,
  description: 'The collection name',
};

export const typesense = defineManifest({
  name: 'typesense',
  title: 'Typesense',
  category: 'data',
  description: 'Search, read and delete documents of Typesense collections (Typesense Cloud or self-hosted).',
  docsUrl: 'https://typesense.org/docs/latest/api/search.html',
  verification: 'documented',
  baseUrl: 'https://{host}',
  auth: {
    credentialType: 'api_key',
    fields: {
      host: {
        description: 'The node host (and port), e.g. xyz.a1.typesense.net',
        pattern: '^[A-Za-z0-9][A-Za-z0-9.-]{0,252}(:[0-9]{2,5})?$',
      },
      api_key: { description: 'An API key (a search-only key is enough for search)', secret: true },
    },
    apply: [{ in: 'header', name: 'X-TYPESENSE-API-KEY', value: '{api_key}' }],
    hint: '{"host":"xyz.a1.typesense.net","api_key":"…"}',
  },
  errors: { message: ['message'] },
  actions: {
    search: {
      description: 'Search one collection; the pages of hits are in the output items.',
      method: 'GET',
      path: '/collections/{collection}/documents/search',
      params: {
        collection,
        q: { in: 'query', type: 'string', required: true, description: 'The search text; * for everything' },
        query_by: {
          in: 'query',
          type: 'string',
          required: true,
          description: 'Comma-separated fields to search in',
        },
        filter_by: { in: 'query', type: 'string', description: 'e.g. num_employees:>100 && country:USA' },
        sort_by: { in: 'query', type: 'string', description: 'e.g. num_employees:desc' },
        include_fields: { in: 'query', type: 'string' },
      },
      pagination: { style: 'page', items: 'hits', param: 'page', first: 1, sizeParam: 'per_page', size: 100 },
    },
    multi_search: {
      description: 'Run several searches in one request; each search names its collection, q and query_by.',
      method: 'POST',
      path: '/multi_search',
      params: {
        searches: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          items: {
            type: 'object',
            required: ['collection', 'q'],
            properties: {
              collection: { type: 'string' },
              q: { type: 'string' },
              query_by: { type: 'string' },
            },
          },
        },
      },
      output: 'results',
      idempotent: true,
    },
    get_document: {
      description: 'Read one document by id.',
      method: 'GET',
      path: '/collections/{collection}/documents/{id}',
      params: {
        collection,
        id: { in: 'path', type: 'string', required: true, minLength: 1, maxLength: 512 },
      },
    },
    delete_document: {
      description: 'Delete one document by id; the output is the deleted document.',
      method: 'DELETE',
      path: '/collections/{collection}/documents/{id}',
      params: {
        collection,
        id: { in: 'path', type: 'string', required: true, minLength: 1, maxLength: 512 },
      },
      idempotent: true,
    },
    delete_by_filter: {
      description: 'Delete every document of a collection matching a filter.',
      method: 'DELETE',
      path: '/collections/{collection}/documents',
      params: {
        collection,
        filter_by: {
          in: 'query',
          type: 'string',
          required: true,
          minLength: 1,
          description: 'e.g. num_employees:>100',
        },
        batch_size: { in: 'query', type: 'integer', minimum: 1 },
      },
      output: { num_deleted: 'num_deleted' },
      summary: 'Deleted {num_deleted} documents',
      idempotent: true,
    },
  },
});
