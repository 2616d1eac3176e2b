import { defineManifest } from '../../manifest/manifest-schema';

const tableId = {
  in: 'path' as const,
  type: 'string' as const,
  required: true as const,
  pattern: '^[A-Za-z0-9_]{1,64}$',
  description: 'The table id (starts with m), shown in the table URL',
};

export const nocodb = defineManifest({
  name: 'nocodb',
  title: 'NocoDB',
  category: 'data',
  description:
    'List, count and read records of NocoDB tables with an API token (NocoDB Cloud or self-hosted, v2 data API).',
  docsUrl: 'https://nocodb.com/docs/apis-and-mcp/rest-apis',
  verification: 'documented',
  baseUrl: 'https://{host}/api/v2',
  auth: {
    credentialType: 'api_key',
    fields: {
      host: {
        description: 'The NocoDB host, app.nocodb.com for NocoDB Cloud',
        pattern: '^[A-Za-z0-9][A-Za-z0-9.-]{0,252}(:[0-9]{2,5})?$',
        default: 'app.nocodb.com',
      },
      api_token: { description: 'An API token (Account Settings → Tokens)', secret: true },
    },
    apply: [{ in: 'header', name: 'xc-token', value: '{api_token}' }],
    hint: '{"host":"app.nocodb.com","api_token":"…"} (host may be left out for NocoDB Cloud)',
  },
  errors: { message: ['msg', 'message', 'error'] },
  actions: {
    list_records: {
      description:
        'List the records of a table, optionally filtered (where), sorted and limited to some fields.',
      method: 'GET',
      path: '/tables/{table_id}/records',
      params: {
        table_id: tableId,
        where: { in: 'query', type: 'string', description: 'A filter, e.g. (Status,eq,Done)~and(Age,gt,18)' },
        sort: {
          in: 'query',
          type: 'string',
          description: 'Fields, comma-separated; prefix - for descending',
        },
        fields: { in: 'query', type: 'string', description: 'Comma-separated fields to return' },
        view_id: { in: 'query', wire: 'viewId', type: 'string', description: 'Read through this view' },
      },
      pagination: { style: 'offset', items: 'list', param: 'offset', sizeParam: 'limit', size: 100 },
    },
    count_records: {
      description: 'Count the records of a table, optionally only those matching a filter.',
      method: 'GET',
      path: '/tables/{table_id}/records/count',
      params: { table_id: tableId, where: { in: 'query', type: 'string' } },
      output: { count: 'count' },
      summary: '{count} records',
    },
    get_record: {
      description: 'Read one record by its primary key.',
      method: 'GET',
      path: '/tables/{table_id}/records/{record_id}',
      params: {
        table_id: tableId,
        record_id: { in: 'path', type: 'string', required: true, minLength: 1, maxLength: 255 },
        fields: { in: 'query', type: 'string' },
      },
    },
  },
});
