import { defineManifest } from '../../manifest/manifest-schema';

const indexName = {
  in: 'path' as const,
  type: 'string' as const,
  required: true as const,
  minLength: 1,
  maxLength: 256,
  description: 'The index name',
};

export const algolia = defineManifest({
  name: 'algolia',
  title: 'Algolia',
  category: 'data',
  description: 'Search, browse and write records of Algolia indices with the Search REST API.',
  docsUrl: 'https://www.algolia.com/doc/rest-api/search',
  verification: 'documented',
  baseUrl: 'https://{app_id}.algolia.net/1',
  auth: {
    credentialType: 'api_key',
    fields: {
      app_id: { description: 'The application ID (Settings → API Keys)', pattern: '^[A-Za-z0-9]{1,32}$' },
      api_key: {
        description: 'An API key with the ACL the actions need (search, browse, addObject, deleteObject)',
        secret: true,
      },
    },
    apply: [
      { in: 'header', name: 'X-Algolia-Application-Id', value: '{app_id}' },
      { in: 'header', name: 'X-Algolia-API-Key', value: '{api_key}' },
    ],
    hint: '{"app_id":"ABCDEF1234","api_key":"…"}',
  },
  errors: { message: ['message'] },
  actions: {
    search: {
      description: 'Search one index; the output has the hits, their count and the page.',
      method: 'POST',
      path: '/indexes/{index_name}/query',
      params: {
        index_name: indexName,
        query: { in: 'body', type: 'string', description: 'The search text (empty: every record)' },
        filters: {
          in: 'body',
          type: 'string',
          description: 'A filter expression, e.g. category:Book AND price < 20',
        },
        hits_per_page: { in: 'body', wire: 'hitsPerPage', type: 'integer', minimum: 0, maximum: 1000 },
        page: { in: 'body', type: 'integer', minimum: 0, description: 'Page number, from 0' },
        attributes_to_retrieve: {
          in: 'body',
          wire: 'attributesToRetrieve',
          type: 'array',
          items: { type: 'string' },
        },
      },
      output: { hits: 'hits', nb_hits: 'nbHits', page: 'page', nb_pages: 'nbPages' },
      summary: '{nbHits} hits',
      idempotent: true,
    },
    browse: {
      description:
        'Read every record of an index (or those matching a query or filter), page by page with a cursor.',
      method: 'POST',
      path: '/indexes/{index_name}/browse',
      params: {
        index_name: indexName,
        query: { in: 'body', type: 'string' },
        filters: { in: 'body', type: 'string' },
        hits_per_page: { in: 'body', wire: 'hitsPerPage', type: 'integer', minimum: 1, maximum: 1000 },
      },
      pagination: { style: 'cursor', items: 'hits', next: 'cursor', param: 'cursor', in: 'body' },
      idempotent: true,
    },
    batch: {
      description: 'Add, update or delete several records in one request; each request is {action, body}.',
      method: 'POST',
      path: '/indexes/{index_name}/batch',
      params: {
        index_name: indexName,
        requests: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          items: {
            type: 'object',
            required: ['action', 'body'],
            properties: {
              action: {
                type: 'string',
                enum: [
                  'addObject',
                  'updateObject',
                  'partialUpdateObject',
                  'partialUpdateObjectNoCreate',
                  'deleteObject',
                  'delete',
                  'clear',
                ],
              },
              body: { type: 'object', description: 'The record (with objectID for update and delete)' },
            },
          },
        },
      },
      output: { task_id: 'taskID', object_ids: 'objectIDs' },
      summary: 'Task {taskID} queued',
    },
    get_object: {
      description: 'Read one record by its objectID.',
      method: 'GET',
      path: '/indexes/{index_name}/{object_id}',
      params: {
        index_name: indexName,
        object_id: { in: 'path', type: 'string', required: true, minLength: 1, maxLength: 512 },
        attributes_to_retrieve: {
          in: 'query',
          wire: 'attributesToRetrieve',
          type: 'string',
          description: 'Comma-separated attributes',
        },
      },
    },
    delete_object: {
      description: 'Delete one record by its objectID.',
      method: 'DELETE',
      path: '/indexes/{index_name}/{object_id}',
      params: {
        index_name: indexName,
        object_id: { in: 'path', type: 'string', required: true, minLength: 1, maxLength: 512 },
      },
      output: { task_id: 'taskID', deleted_at: 'deletedAt' },
      idempotent: true,
    },
    get_task: {
      description: 'Check whether an indexing task has been applied (status published or notPublished).',
      method: 'GET',
      path: '/indexes/{index_name}/task/{task_id}',
      params: { index_name: indexName, task_id: { in: 'path', type: 'integer', required: true, minimum: 0 } },
      output: { status: 'status' },
      summary: 'Task {status}',
    },
  },
});
