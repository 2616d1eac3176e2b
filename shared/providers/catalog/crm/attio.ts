import { defineManifest } from '../../manifest/manifest-schema';

const OBJECT = {
  in: 'path',
  required: true,
  type: 'string',
  pattern: '^[a-z0-9_-]{1,64}$',
  description: 'The object slug or id: people, companies, deals, or a custom object',
} as const;

const VALUES = {
  in: 'body',
  wire: 'data.values',
  type: 'object',
  required: true,
  description:
    'Attribute values by attribute slug, e.g. {"name":"Acme","domains":["acme.com"]} or {"email_addresses":["ada@example.com"]}',
} as const;

export const attio = defineManifest({
  name: 'attio',
  title: 'Attio',
  category: 'crm',
  description:
    'Create, upsert and query Attio records (people, companies, deals, custom objects) and add notes.',
  docsUrl: 'https://docs.attio.com/api-reference/records/assert-a-record',
  verification: 'documented',
  baseUrl: 'https://api.attio.com/v2',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An access token of a workspace integration (Workspace settings → Developers)',
  },
  errors: { message: ['message', 'error.message'] },
  actions: {
    create_record: {
      description: 'Create a record of an object; fails if a unique attribute value already exists.',
      method: 'POST',
      path: '/objects/{object}/records',
      params: { object: OBJECT, values: VALUES },
      output: { record_id: 'data.id.record_id', record: 'data' },
      summary: 'Created record {data.id.record_id}',
    },
    assert_record: {
      description: 'Create or update a record, matched on a unique attribute (for people: email_addresses).',
      method: 'PUT',
      path: '/objects/{object}/records',
      params: {
        object: OBJECT,
        matching_attribute: {
          in: 'query',
          type: 'string',
          required: true,
          description: 'The unique attribute slug to match on, e.g. email_addresses or domains',
        },
        values: VALUES,
      },
      output: { record_id: 'data.id.record_id', record: 'data' },
      summary: 'Upserted record {data.id.record_id}',
    },
    query_records: {
      description: 'List records of an object with an optional filter and sorts (one page).',
      method: 'POST',
      path: '/objects/{object}/records/query',
      idempotent: true,
      params: {
        object: OBJECT,
        filter: {
          in: 'body',
          type: 'object',
          description: 'An Attio filter, e.g. {"email_addresses":"ada@example.com"}',
        },
        sorts: { in: 'body', type: 'array', items: { type: 'object' } },
        limit: { in: 'body', type: 'integer', minimum: 1, maximum: 500, default: 100 },
        offset: { in: 'body', type: 'integer', minimum: 0 },
      },
      output: 'data',
    },
    create_note: {
      description: 'Add a plain-text or markdown note to a record.',
      method: 'POST',
      path: '/notes',
      params: {
        parent_object: {
          in: 'body',
          wire: 'data.parent_object',
          type: 'string',
          required: true,
          description: 'The object slug of the record, e.g. people',
        },
        parent_record_id: {
          in: 'body',
          wire: 'data.parent_record_id',
          type: 'string',
          pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
          required: true,
        },
        title: { in: 'body', wire: 'data.title', type: 'string', required: true },
        format: {
          in: 'body',
          wire: 'data.format',
          type: 'string',
          enum: ['plaintext', 'markdown'],
          default: 'plaintext',
        },
        content: { in: 'body', wire: 'data.content', type: 'string', required: true },
      },
      output: { note_id: 'data.id.note_id', note: 'data' },
      summary: 'Added note {data.id.note_id}',
    },
  },
});
