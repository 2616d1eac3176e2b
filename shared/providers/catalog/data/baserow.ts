import { defineManifest } from '../../manifest/manifest-schema';

const tableId = {
  in: 'path' as const,
  type: 'integer' as const,
  required: true as const,
  minimum: 1,
  description: 'The table id',
};
const userFieldNames = { query: { user_field_names: 'true' } };

export const baserow = defineManifest({
  name: 'baserow',
  title: 'Baserow',
  category: 'data',
  description:
    'List, read, create, update and delete rows of Baserow tables with a database token (field names as shown in the table).',
  docsUrl: 'https://baserow.io/user-docs/database-api',
  verification: 'wire-tested',
  baseUrl: 'https://api.baserow.io/api',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Token {token}' }],
    hint: 'A database token (Settings → Database tokens)',
  },
  errors: { message: ['detail', 'error'] },
  actions: {
    list_rows: {
      description: 'List the rows of a table, optionally searched, filtered and ordered.',
      method: 'GET',
      path: '/database/rows/table/{table_id}/',
      constants: userFieldNames,
      params: {
        table_id: tableId,
        search: { in: 'query', type: 'string', description: 'Only rows containing this text' },
        order_by: {
          in: 'query',
          type: 'string',
          description: 'Field names, comma-separated; prefix - for descending',
        },
        filters: {
          in: 'query',
          type: 'string',
          description:
            'A JSON filter tree, e.g. {"filter_type":"AND","filters":[{"field":"Name","type":"equal","value":"Ada"}]}',
        },
        size: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 200,
          description: 'Rows per page (default 100)',
        },
      },
      pagination: { style: 'next_url', items: 'results', next: 'next' },
    },
    get_row: {
      description: 'Read one row by id.',
      method: 'GET',
      path: '/database/rows/table/{table_id}/{row_id}/',
      constants: userFieldNames,
      params: { table_id: tableId, row_id: { in: 'path', type: 'integer', required: true, minimum: 1 } },
    },
    create_rows: {
      description: 'Create up to 200 rows; each item maps field names to values.',
      method: 'POST',
      path: '/database/rows/table/{table_id}/batch/',
      constants: userFieldNames,
      params: {
        table_id: tableId,
        items: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          maxItems: 200,
          items: { type: 'object' },
        },
      },
      output: 'items',
      summary: 'Created the rows',
    },
    update_rows: {
      description: 'Update up to 200 rows; each item has the row id and the fields to change.',
      method: 'PATCH',
      path: '/database/rows/table/{table_id}/batch/',
      constants: userFieldNames,
      params: {
        table_id: tableId,
        items: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          maxItems: 200,
          items: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
        },
      },
      output: 'items',
      summary: 'Updated the rows',
      idempotent: true,
    },
    delete_rows: {
      description: 'Delete up to 200 rows by id.',
      method: 'POST',
      path: '/database/rows/table/{table_id}/batch-delete/',
      params: {
        table_id: tableId,
        items: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          maxItems: 200,
          items: { type: 'integer', minimum: 1 },
        },
      },
      summary: 'Deleted the rows',
      idempotent: true,
    },
  },
});
