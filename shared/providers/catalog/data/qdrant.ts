import { defineManifest } from '../../manifest/manifest-schema';

const collection = {
  in: 'path' as const,
  type: 'string' as const,
  required: true as const,
  minLength: 1,
  maxLength: 255,
  description: 'The collection name',
};
const filter = {
  in: 'body' as const,
  type: 'object' as const,
  description: 'A Qdrant filter, e.g. {"must": [{"key": "city", "match": {"value": "Berlin"}}]}',
};
const pointId = {
  anyOf: [
    { type: 'integer' as const, minimum: 0 },
    {
      type: 'string' as const,
      pattern: '^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$',
    },
  ],
};

export const qdrant = defineManifest({
  name: 'qdrant',
  title: 'Qdrant',
  category: 'data',
  description:
    'Upsert, query, scroll, count and delete points in a Qdrant collection (Qdrant Cloud or self-hosted, REST API).',
  docsUrl: 'https://api.qdrant.tech/api-reference',
  verification: 'wire-tested',
  baseUrl: 'https://{cluster_host}',
  auth: {
    credentialType: 'api_key',
    fields: {
      cluster_host: {
        description: 'The cluster host and port, e.g. abc-123.eu-central-1-0.aws.cloud.qdrant.io:6333',
        pattern: '^[A-Za-z0-9][A-Za-z0-9.-]{0,252}(:[0-9]{2,5})?$',
      },
      api_key: { description: 'A database API key (read-write or read-only)', secret: true },
    },
    apply: [{ in: 'header', name: 'api-key', value: '{api_key}' }],
    hint: '{"cluster_host":"abc-123.eu-central-1-0.aws.cloud.qdrant.io:6333","api_key":"…"}',
  },
  errors: { message: ['status.error', 'error', 'message'] },
  actions: {
    upsert_points: {
      description: 'Insert or overwrite points (id, vector, payload) in a collection.',
      method: 'PUT',
      path: '/collections/{collection_name}/points',
      params: {
        collection_name: collection,
        points: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          description: 'Points to write; each {id, vector, payload?}; id is an unsigned integer or a UUID',
          items: {
            type: 'object',
            required: ['id', 'vector'],
            properties: { id: pointId, vector: {}, payload: { type: 'object' } },
          },
        },
        wait: { in: 'query', type: 'boolean', description: 'Answer only once the change is applied' },
      },
      output: { operation_id: 'result.operation_id', status: 'result.status' },
      summary: 'Points {result.status}',
      idempotent: true,
    },
    query_points: {
      description:
        'Find the points nearest to a query (a vector, or the id of a stored point), with an optional filter.',
      method: 'POST',
      path: '/collections/{collection_name}/points/query',
      params: {
        collection_name: collection,
        query: { in: 'body', required: true, description: 'A vector (array of numbers) or a point id' },
        using: {
          in: 'body',
          type: 'string',
          description: 'The named vector to search, for collections with several',
        },
        filter,
        limit: {
          in: 'body',
          type: 'integer',
          minimum: 1,
          maximum: 10000,
          description: 'Matches to return (default 10)',
        },
        with_payload: { in: 'body', type: 'boolean', description: 'Include the payloads' },
        score_threshold: { in: 'body', type: 'number', description: 'Leave out worse matches' },
      },
      output: 'result.points',
      idempotent: true,
    },
    scroll_points: {
      description: 'Read the points of a collection page by page, optionally filtered.',
      method: 'POST',
      path: '/collections/{collection_name}/points/scroll',
      params: {
        collection_name: collection,
        filter,
        limit: {
          in: 'body',
          type: 'integer',
          minimum: 1,
          maximum: 10000,
          description: 'Points per page (default 10)',
        },
        with_payload: { in: 'body', type: 'boolean' },
        with_vector: { in: 'body', type: 'boolean' },
      },
      pagination: {
        style: 'cursor',
        items: 'result.points',
        next: 'result.next_page_offset',
        param: 'offset',
        in: 'body',
      },
      idempotent: true,
    },
    get_point: {
      description: 'Read one point by id.',
      method: 'GET',
      path: '/collections/{collection_name}/points/{id}',
      params: {
        collection_name: collection,
        id: {
          in: 'path',
          type: 'string',
          required: true,
          pattern: '^(?:[0-9]+|[0-9a-fA-F-]{32,36})$',
          description: 'An unsigned integer or a UUID',
        },
      },
      output: 'result',
    },
    count_points: {
      description: 'Count the points of a collection, optionally only those matching a filter.',
      method: 'POST',
      path: '/collections/{collection_name}/points/count',
      params: {
        collection_name: collection,
        filter,
        exact: { in: 'body', type: 'boolean', description: 'Exact count instead of an estimate' },
      },
      output: { count: 'result.count' },
      summary: '{result.count} points',
      idempotent: true,
    },
    delete_points: {
      description: 'Delete points by id, or every point matching a filter.',
      method: 'POST',
      path: '/collections/{collection_name}/points/delete',
      params: {
        collection_name: collection,
        points: { in: 'body', type: 'array', items: pointId, description: 'The ids to delete' },
        filter,
        wait: { in: 'query', type: 'boolean', description: 'Answer only once the change is applied' },
      },
      output: { operation_id: 'result.operation_id', status: 'result.status' },
      idempotent: true,
    },
  },
});
