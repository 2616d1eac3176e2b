import { defineManifest } from '../../manifest/manifest-schema';

const namespace = {
  in: 'body' as const,
  type: 'string' as const,
  maxLength: 512,
  description: 'The namespace to work in; leave out for the default namespace',
};

export const pinecone = defineManifest({
  name: 'pinecone',
  title: 'Pinecone',
  category: 'data',
  description: 'Upsert, query, fetch, list and delete vectors in one Pinecone index (data plane API).',
  docsUrl: 'https://docs.pinecone.io/reference/api/data-plane/upsert',
  verification: 'wire-tested',
  baseUrl: 'https://{index_host}',
  auth: {
    credentialType: 'api_key',
    fields: {
      index_host: {
        description:
          'The index host shown in the console, e.g. my-index-abc123.svc.us-east-1-aws.pinecone.io',
        pattern: '^[a-z0-9][a-z0-9.-]{0,250}\\.pinecone\\.io$',
      },
      api_key: { description: 'A Pinecone API key', secret: true },
    },
    apply: [{ in: 'header', name: 'Api-Key', value: '{api_key}' }],
    hint: '{"index_host":"my-index-abc123.svc.us-east-1-aws.pinecone.io","api_key":"pcsk_…"}',
  },
  errors: { message: ['message', 'error.message', 'error'] },
  actions: {
    upsert_vectors: {
      description:
        'Write vectors (id, values, optional metadata) into a namespace; an existing id is overwritten.',
      method: 'POST',
      path: '/vectors/upsert',
      constants: { headers: { 'X-Pinecone-API-Version': '2025-10' } },
      params: {
        vectors: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          maxItems: 1000,
          description: 'Records to write; each {id, values, sparseValues?, metadata?}',
          items: {
            type: 'object',
            required: ['id'],
            properties: {
              id: { type: 'string', minLength: 1, maxLength: 512 },
              values: { type: 'array', items: { type: 'number' } },
              metadata: { type: 'object' },
            },
          },
        },
        namespace,
      },
      output: { upserted_count: 'upsertedCount' },
      summary: 'Upserted {upsertedCount} vectors',
    },
    query: {
      description:
        'Find the nearest vectors to a query vector (or to the vector of a stored id), with an optional metadata filter.',
      method: 'POST',
      path: '/query',
      constants: { headers: { 'X-Pinecone-API-Version': '2025-10' } },
      params: {
        vector: { in: 'body', type: 'array', items: { type: 'number' }, description: 'The query vector' },
        id: {
          in: 'body',
          type: 'string',
          maxLength: 512,
          description: 'Query with the vector stored under this id instead',
        },
        top_k: {
          in: 'body',
          wire: 'topK',
          type: 'integer',
          required: true,
          minimum: 1,
          maximum: 10000,
          description: 'How many matches to return',
        },
        filter: {
          in: 'body',
          type: 'object',
          description: 'A metadata filter, e.g. {"genre": {"$eq": "drama"}}',
        },
        include_metadata: { in: 'body', wire: 'includeMetadata', type: 'boolean' },
        include_values: { in: 'body', wire: 'includeValues', type: 'boolean' },
        namespace,
      },
      output: { matches: 'matches', namespace: 'namespace' },
      idempotent: true,
    },
    fetch_vectors: {
      description: 'Read vectors by id, with their values and metadata.',
      method: 'GET',
      path: '/vectors/fetch',
      constants: { headers: { 'X-Pinecone-API-Version': '2025-10' } },
      params: {
        ids: {
          in: 'query',
          type: 'array',
          required: true,
          minItems: 1,
          maxItems: 1000,
          items: { type: 'string' },
          description: 'The ids to read',
        },
        namespace: { ...namespace, in: 'query' },
      },
      output: { vectors: 'vectors', namespace: 'namespace' },
    },
    list_vector_ids: {
      description:
        'List the ids of vectors in a namespace, optionally only those starting with a prefix (serverless indexes).',
      method: 'GET',
      path: '/vectors/list',
      constants: { headers: { 'X-Pinecone-API-Version': '2025-10' } },
      params: {
        prefix: { in: 'query', type: 'string', maxLength: 512, description: 'Only ids that start with this' },
        limit: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 100,
          description: 'Ids per page (default 100)',
        },
        namespace: { ...namespace, in: 'query' },
      },
      pagination: { style: 'cursor', items: 'vectors', next: 'pagination.next', param: 'paginationToken' },
    },
    delete_vectors: {
      description: 'Delete vectors by id, by metadata filter, or every vector of a namespace (delete_all).',
      method: 'POST',
      path: '/vectors/delete',
      constants: { headers: { 'X-Pinecone-API-Version': '2025-10' } },
      params: {
        ids: {
          in: 'body',
          type: 'array',
          maxItems: 1000,
          items: { type: 'string' },
          description: 'The ids to delete',
        },
        delete_all: {
          in: 'body',
          wire: 'deleteAll',
          type: 'boolean',
          description: 'Delete every vector in the namespace',
        },
        filter: {
          in: 'body',
          type: 'object',
          description: 'Delete the vectors matching this metadata filter',
        },
        namespace,
      },
      idempotent: true,
      summary: 'Deleted the vectors',
    },
  },
});
