import { defineManifest } from '../../manifest/manifest-schema';

const indexUid = {
  in: 'path' as const,
  type: 'string' as const,
  required: true as const,
  pattern: '^[A-Za-z0-9_-]{1,400}$',
  description: 'The index uid',
};

export const meilisearch = defineManifest({
  name: 'meilisearch',
  title: 'Meilisearch',
  category: 'data',
  description: 'Search, read and delete documents of a Meilisearch index (Meilisearch Cloud or self-hosted).',
  docsUrl: 'https://www.meilisearch.com/docs/reference/api/search',
  verification: 'documented',
  baseUrl: 'https://{host}',
  auth: {
    credentialType: 'api_key',
    fields: {
      host: {
        description: 'The project host (and port), e.g. ms-abc123.lon.meilisearch.io',
        pattern: '^[A-Za-z0-9][A-Za-z0-9.-]{0,252}(:[0-9]{2,5})?$',
      },
      api_key: {
        description: 'An API key with the actions needed (search, documents.get, documents.delete)',
        secret: true,
      },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {api_key}' }],
    hint: '{"host":"ms-abc123.lon.meilisearch.io","api_key":"…"}',
  },
  errors: { message: ['message'] },
  actions: {
    search: {
      description: 'Search one index; the output has the hits and the estimated total.',
      method: 'POST',
      path: '/indexes/{index_uid}/search',
      params: {
        index_uid: indexUid,
        q: { in: 'body', type: 'string', description: 'The search text' },
        filter: {
          in: 'body',
          type: 'string',
          description: 'A filter expression, e.g. genre = horror AND year > 2000',
        },
        sort: { in: 'body', type: 'array', items: { type: 'string' }, description: 'e.g. ["price:asc"]' },
        limit: { in: 'body', type: 'integer', minimum: 0, description: 'Hits to return (default 20)' },
        offset: { in: 'body', type: 'integer', minimum: 0 },
        attributes_to_retrieve: {
          in: 'body',
          wire: 'attributesToRetrieve',
          type: 'array',
          items: { type: 'string' },
        },
      },
      output: { hits: 'hits', estimated_total_hits: 'estimatedTotalHits', query: 'query' },
      summary: '{estimatedTotalHits} hits',
      idempotent: true,
    },
    list_documents: {
      description: 'Read the documents of an index page by page, optionally filtered.',
      method: 'GET',
      path: '/indexes/{index_uid}/documents',
      params: {
        index_uid: indexUid,
        fields: { in: 'query', type: 'string', description: 'Comma-separated fields to return' },
        filter: { in: 'query', type: 'string', description: 'A filter expression on filterable attributes' },
      },
      pagination: { style: 'offset', items: 'results', param: 'offset', sizeParam: 'limit', size: 100 },
    },
    get_document: {
      description: 'Read one document by its primary key.',
      method: 'GET',
      path: '/indexes/{index_uid}/documents/{document_id}',
      params: {
        index_uid: indexUid,
        document_id: { in: 'path', type: 'string', required: true, pattern: '^[A-Za-z0-9_-]{1,511}$' },
        fields: { in: 'query', type: 'string', description: 'Comma-separated fields to return' },
      },
    },
    delete_documents_by_filter: {
      description: 'Delete every document matching a filter; the output is the queued task.',
      method: 'POST',
      path: '/indexes/{index_uid}/documents/delete',
      params: {
        index_uid: indexUid,
        filter: {
          in: 'body',
          type: 'string',
          required: true,
          minLength: 1,
          description: 'A filter expression',
        },
      },
      output: { task_uid: 'taskUid', status: 'status' },
      summary: 'Task {taskUid} {status}',
      idempotent: true,
    },
    get_task: {
      description: 'Read the state of an asynchronous task (enqueued, processing, succeeded, failed).',
      method: 'GET',
      path: '/tasks/{task_uid}',
      params: { task_uid: { in: 'path', type: 'integer', required: true, minimum: 0 } },
      output: { status: 'status', type: 'type', error: 'error' },
      summary: 'Task {uid} {status}',
    },
  },
});
