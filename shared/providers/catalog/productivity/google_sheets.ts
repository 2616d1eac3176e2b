import { defineManifest } from '../../manifest/manifest-schema';

const spreadsheetId = {
  in: 'path' as const,
  type: 'string' as const,
  required: true,
  pattern: '^[A-Za-z0-9_-]{20,100}$',
  description: 'The spreadsheet ID from its URL (/spreadsheets/d/<ID>/edit)',
};
const range = {
  in: 'path' as const,
  type: 'string' as const,
  required: true,
  minLength: 1,
  maxLength: 200,
  description: 'An A1 range, e.g. Sheet1!A1:D1 or Sheet1',
};

export const googleSheets = defineManifest({
  name: 'google_sheets',
  title: 'Google Sheets',
  category: 'productivity',
  description: 'Append rows to and read ranges of Google Sheets with an OAuth access token.',
  docsUrl: 'https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values',
  verification: 'documented',
  baseUrl: 'https://sheets.googleapis.com/v4',
  auth: {
    credentialType: 'oauth',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An OAuth access token with the https://www.googleapis.com/auth/spreadsheets scope',
  },
  errors: { message: ['error.message'] },
  actions: {
    append_rows: {
      description: 'Append rows after the table found in a range; each row is an array of cell values.',
      method: 'POST',
      path: '/spreadsheets/{spreadsheet_id}/values/{range}:append',
      params: {
        spreadsheet_id: spreadsheetId,
        range,
        values: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          items: {
            type: 'array',
            items: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
          },
          description: 'Rows of cells, e.g. [["Ada", 36, true]]',
        },
        value_input_option: {
          in: 'query',
          wire: 'valueInputOption',
          type: 'string',
          required: true,
          enum: ['RAW', 'USER_ENTERED'],
          description: 'USER_ENTERED parses values as if typed (formulas, dates); RAW stores them as is',
        },
        insert_data_option: {
          in: 'query',
          wire: 'insertDataOption',
          type: 'string',
          enum: ['OVERWRITE', 'INSERT_ROWS'],
          description: 'INSERT_ROWS inserts new rows; OVERWRITE (default) writes over empty cells',
        },
      },
      output: {
        updated_range: 'updates.updatedRange',
        updated_rows: 'updates.updatedRows',
        table_range: 'tableRange',
      },
      summary: 'Appended {updates.updatedRows} row(s) at {updates.updatedRange}',
    },
    get_values: {
      description: 'Read the values of a range.',
      method: 'GET',
      path: '/spreadsheets/{spreadsheet_id}/values/{range}',
      params: {
        spreadsheet_id: spreadsheetId,
        range,
        major_dimension: {
          in: 'query',
          wire: 'majorDimension',
          type: 'string',
          enum: ['ROWS', 'COLUMNS'],
          description: 'Rows (default) or columns first',
        },
        value_render_option: {
          in: 'query',
          wire: 'valueRenderOption',
          type: 'string',
          enum: ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'],
          description: 'How values are rendered',
        },
      },
      output: { range: 'range', values: 'values' },
      summary: 'Read {range}',
    },
  },
});
