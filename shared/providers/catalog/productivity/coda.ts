import { defineManifest } from '../../manifest/manifest-schema';

const docId = {
  in: 'path' as const,
  type: 'string' as const,
  required: true,
  pattern: '^[A-Za-z0-9_-]{1,64}$',
  description: 'The doc ID (the part after _d in the doc URL)',
};
const table = {
  in: 'path' as const,
  type: 'string' as const,
  required: true,
  minLength: 1,
  description: 'The table ID (grid-…) or name',
};

export const coda = defineManifest({
  name: 'coda',
  title: 'Coda',
  category: 'productivity',
  description: 'Insert or upsert rows into Coda tables and list their rows with an API token.',
  docsUrl: 'https://coda.io/developers/apis/v1',
  verification: 'documented',
  baseUrl: 'https://coda.io/apis/v1',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An API token from coda.io/account → API settings',
  },
  errors: { message: ['message', 'statusMessage'] },
  actions: {
    upsert_rows: {
      description:
        'Insert rows into a table, or update matching ones when key_columns are given (processed asynchronously).',
      method: 'POST',
      path: '/docs/{doc_id}/tables/{table}/rows',
      params: {
        doc_id: docId,
        table,
        rows: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              cells: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { column: { type: 'string' }, value: {} },
                  required: ['column', 'value'],
                },
              },
            },
            required: ['cells'],
          },
          description: 'Rows, e.g. [{"cells":[{"column":"c-abc","value":"Ada"}]}]; column is an ID or name',
        },
        key_columns: {
          in: 'body',
          wire: 'keyColumns',
          type: 'array',
          items: { type: 'string' },
          description: 'Column IDs or names that identify an existing row to update',
        },
        disable_parsing: {
          in: 'query',
          wire: 'disableParsing',
          type: 'boolean',
          description: 'Store values as given instead of parsing them',
        },
      },
      output: { request_id: 'requestId', added_row_ids: 'addedRowIds' },
      summary: 'Coda accepted the rows (request {requestId})',
    },
    list_rows: {
      description: 'List rows of a table; reads more pages with max_pages.',
      method: 'GET',
      path: '/docs/{doc_id}/tables/{table}/rows',
      params: {
        doc_id: docId,
        table,
        query: {
          in: 'query',
          type: 'string',
          description: 'A filter of the form <column ID or name>:<JSON value>, e.g. "Status":"Done"',
        },
        use_column_names: {
          in: 'query',
          wire: 'useColumnNames',
          type: 'boolean',
          description: 'Key the values by column name instead of ID',
        },
        value_format: {
          in: 'query',
          wire: 'valueFormat',
          type: 'string',
          enum: ['simple', 'simpleWithArrays', 'rich'],
          description: 'How values are returned',
        },
        limit: { in: 'query', type: 'integer', minimum: 1, maximum: 500, description: 'Rows per page' },
      },
      pagination: { style: 'cursor', items: 'items', next: 'nextPageToken', param: 'pageToken' },
    },
  },
});
