import { defineManifest } from '../../manifest/manifest-schema';

const index = {
  in: 'path' as const,
  type: 'string' as const,
  required: true as const,
  pattern: '^[a-z0-9][a-z0-9._-]{0,254}$',
  description: 'The index name (lower-case)',
};
const docId = {
  in: 'path' as const,
  type: 'string' as const,
  required: true as const,
  minLength: 1,
  maxLength: 512,
};

export const elasticsearch = defineManifest({
  name: 'elasticsearch',
  title: 'Elasticsearch',
  category: 'data',
  description:
    'Search, count, read, upsert and delete documents in Elasticsearch (Elastic Cloud, Serverless or self-managed) with an API key.',
  docsUrl: 'https://www.elastic.co/docs/api/doc/elasticsearch',
  verification: 'documented',
  baseUrl: 'https://{host}',
  auth: {
    credentialType: 'api_key',
    fields: {
      host: {
        description:
          'The Elasticsearch endpoint host (and port), e.g. my-deployment.es.us-east-1.aws.elastic.cloud:443',
        pattern: '^[A-Za-z0-9][A-Za-z0-9.-]{0,252}(:[0-9]{2,5})?$',
      },
      api_key: { description: 'The encoded API key (the base64 "encoded" value)', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'ApiKey {api_key}' }],
    hint: '{"host":"my-deployment.es.us-east-1.aws.elastic.cloud","api_key":"<encoded key>"}',
  },
  errors: { message: ['error.reason', 'error.root_cause.0.reason', 'error', 'message'] },
  actions: {
    search: {
      description: 'Run a search (Query DSL) on an index or a comma-separated list or pattern of indices.',
      method: 'POST',
      path: '/{index}/_search',
      params: {
        index: {
          ...index,
          pattern: '^[a-z0-9*][a-z0-9._*,-]{0,254}$',
          description: 'Index name, list or pattern (logs-*)',
        },
        query: {
          in: 'body',
          type: 'object',
          description: 'A Query DSL query, e.g. {"match": {"title": "hello"}}',
        },
        size: {
          in: 'body',
          type: 'integer',
          minimum: 0,
          maximum: 10000,
          description: 'Hits to return (default 10)',
        },
        from: { in: 'body', type: 'integer', minimum: 0 },
        sort: { in: 'body', type: 'array', description: 'e.g. [{"date": "desc"}]' },
        source: { in: 'body', wire: '_source', description: 'false, or the fields to return' },
      },
      output: { hits: 'hits.hits', total: 'hits.total.value', took: 'took' },
      summary: '{hits.total.value} hits',
      idempotent: true,
    },
    count: {
      description: 'Count the documents matching a query.',
      method: 'POST',
      path: '/{index}/_count',
      params: {
        index: { ...index, pattern: '^[a-z0-9*][a-z0-9._*,-]{0,254}$' },
        query: { in: 'body', type: 'object' },
      },
      output: { count: 'count' },
      summary: '{count} documents',
      idempotent: true,
    },
    get_document: {
      description: 'Read one document by id.',
      method: 'GET',
      path: '/{index}/_doc/{id}',
      params: { index, id: docId },
      output: { id: '_id', found: 'found', source: '_source', version: '_version' },
    },
    upsert_document: {
      description: 'Merge fields into a document by id, creating it when it does not exist (doc_as_upsert).',
      method: 'POST',
      path: '/{index}/_update/{id}',
      params: {
        index,
        id: docId,
        doc: { in: 'body', type: 'object', required: true, description: 'The fields to set' },
        refresh: { in: 'query', type: 'string', enum: ['true', 'false', 'wait_for'] },
      },
      constants: { body: { doc_as_upsert: true } },
      output: { id: '_id', result: 'result', version: '_version' },
      summary: 'Document {_id} {result}',
      idempotent: true,
    },
    delete_document: {
      description: 'Delete one document by id.',
      method: 'DELETE',
      path: '/{index}/_doc/{id}',
      params: {
        index,
        id: docId,
        refresh: { in: 'query', type: 'string', enum: ['true', 'false', 'wait_for'] },
      },
      output: { id: '_id', result: 'result' },
      summary: 'Document {_id} {result}',
      idempotent: true,
    },
  },
});
