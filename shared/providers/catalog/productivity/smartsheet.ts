import { defineManifest } from '../../manifest/manifest-schema';

const sheetId = {
  in: 'path' as const,
  type: 'string' as const,
  required: true,
  pattern: '^[0-9]{1,20}$',
  description: 'The sheet ID (File → Properties)',
};

export const smartsheet = defineManifest({
  name: 'smartsheet',
  title: 'Smartsheet',
  category: 'productivity',
  description: 'Add rows to and read Smartsheet sheets with an API access token.',
  docsUrl: 'https://developers.smartsheet.com/api/smartsheet/openapi/rows/rows-addtosheet',
  verification: 'documented',
  baseUrl: 'https://api.smartsheet.com/2.0',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An API access token from Account → Personal Settings → API Access',
  },
  errors: { message: ['message'] },
  actions: {
    add_row: {
      description: 'Add one row to a sheet; its cells are {columnId, value} pairs.',
      method: 'POST',
      path: '/sheets/{sheet_id}/rows',
      params: {
        sheet_id: sheetId,
        cells: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              columnId: { type: 'integer' },
              value: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
              formula: { type: 'string' },
              strict: { type: 'boolean' },
            },
            required: ['columnId'],
          },
          description: 'The cells, e.g. [{"columnId":7960873114331012,"value":"Ada"}]',
        },
        to_top: { in: 'body', wire: 'toTop', type: 'boolean', description: 'Add the row at the top' },
        to_bottom: {
          in: 'body',
          wire: 'toBottom',
          type: 'boolean',
          description: 'Add the row at the bottom (the default when no location is given)',
        },
        parent_id: {
          in: 'body',
          wire: 'parentId',
          type: 'integer',
          description: 'Add it as a child of this row ID',
        },
        sibling_id: {
          in: 'body',
          wire: 'siblingId',
          type: 'integer',
          description: 'Add it next to this row ID',
        },
        above: {
          in: 'body',
          type: 'boolean',
          description: 'With sibling_id: above the sibling instead of below',
        },
      },
      output: { row: 'result', result_code: 'resultCode' },
      summary: 'Smartsheet: {message}',
    },
    get_sheet: {
      description: 'Read a sheet with its columns and rows.',
      method: 'GET',
      path: '/sheets/{sheet_id}',
      params: {
        sheet_id: sheetId,
        row_ids: {
          in: 'query',
          wire: 'rowIds',
          type: 'string',
          description: 'Comma-separated row IDs to return',
        },
        page_size: {
          in: 'query',
          wire: 'pageSize',
          type: 'integer',
          minimum: 1,
          description: 'Rows per page',
        },
        page: { in: 'query', type: 'integer', minimum: 1, description: 'Which page of rows' },
      },
      output: { id: 'id', name: 'name', columns: 'columns', rows: 'rows', total_row_count: 'totalRowCount' },
      summary: 'Read sheet {name}',
    },
  },
});
