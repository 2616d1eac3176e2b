import { defineManifest } from '../../manifest/manifest-schema';

const baseId = {
  in: 'path' as const,
  type: 'string' as const,
  required: true,
  pattern: '^app[A-Za-z0-9]{14}$',
  description: 'The base ID (starts with app, from the base URL or the API docs of the base)',
};
const table = {
  in: 'path' as const,
  type: 'string' as const,
  required: true,
  minLength: 1,
  maxLength: 255,
  description: 'The table ID (tbl…) or the table name',
};

export const airtable = defineManifest({
  name: 'airtable',
  title: 'Airtable',
  category: 'productivity',
  description: 'Create, read and list records in Airtable bases with a personal access token.',
  docsUrl: 'https://airtable.com/developers/web/api/introduction',
  verification: 'wire-tested',
  baseUrl: 'https://api.airtable.com/v0',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A personal access token (pat…) with data.records:read/write scopes on the base',
  },
  errors: { message: ['error.message', 'error.type', 'error'] },
  actions: {
    create_record: {
      description: 'Create one record in a table; fields are keyed by field name or field ID.',
      method: 'POST',
      path: '/{base_id}/{table}',
      params: {
        base_id: baseId,
        table,
        fields: {
          in: 'body',
          type: 'object',
          required: true,
          description: 'Cell values keyed by field name or ID, e.g. {"Name": "Ada", "Status": "Todo"}',
        },
        typecast: {
          in: 'body',
          type: 'boolean',
          description:
            'Let Airtable convert string values to the field types (creates missing select options)',
        },
      },
      output: { id: 'id', created_time: 'createdTime', fields: 'fields' },
      summary: 'Created record {id}',
    },
    get_record: {
      description: 'Read one record by its ID.',
      method: 'GET',
      path: '/{base_id}/{table}/{record_id}',
      params: {
        base_id: baseId,
        table,
        record_id: {
          in: 'path',
          type: 'string',
          required: true,
          pattern: '^rec[A-Za-z0-9]{14}$',
          description: 'The record ID (rec…)',
        },
      },
      output: { id: 'id', created_time: 'createdTime', fields: 'fields' },
      summary: 'Read record {id}',
    },
    list_records: {
      description:
        'List records of a table or view, optionally filtered by a formula; reads more pages with max_pages.',
      method: 'GET',
      path: '/{base_id}/{table}',
      params: {
        base_id: baseId,
        table,
        view: { in: 'query', type: 'string', description: 'A view name or ID; its filters and order apply' },
        filter_by_formula: {
          in: 'query',
          wire: 'filterByFormula',
          type: 'string',
          maxLength: 8000,
          description: 'An Airtable formula; records where it is truthy are returned, e.g. {Status}="Done"',
        },
        max_records: {
          in: 'query',
          wire: 'maxRecords',
          type: 'integer',
          minimum: 1,
          description: 'The most records to return over all pages',
        },
        page_size: {
          in: 'query',
          wire: 'pageSize',
          type: 'integer',
          minimum: 1,
          maximum: 100,
          description: 'Records per page (default and maximum 100)',
        },
        fields: {
          in: 'query',
          wire: 'fields[]',
          type: 'array',
          items: { type: 'string' },
          description: 'Only these fields (names or IDs) are returned',
        },
      },
      pagination: { style: 'cursor', items: 'records', next: 'offset', param: 'offset' },
    },
  },
});
