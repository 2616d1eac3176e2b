import { defineManifest } from '../../manifest/manifest-schema';

export const supabase = defineManifest({
  name: 'supabase',
  title: 'Supabase',
  category: 'data',
  description: 'Read and insert rows of a Supabase table through its auto-generated REST API (PostgREST).',
  docsUrl: 'https://supabase.com/docs/guides/api',
  verification: 'documented',
  baseUrl: 'https://{project_ref}.supabase.co/rest/v1',
  auth: {
    credentialType: 'api_key',
    fields: {
      project_ref: {
        description: 'The project reference (the subdomain of the project URL)',
        pattern: '^[a-z0-9]{20}$',
      },
      api_key: { description: 'The service_role (or anon) API key', secret: true },
    },
    apply: [
      { in: 'header', name: 'apikey', value: '{api_key}' },
      { in: 'header', name: 'Authorization', value: 'Bearer {api_key}' },
    ],
    hint: '{"project_ref":"abcdefghijklmnopqrst","api_key":"<service_role key>"}',
  },
  errors: { message: ['message', 'hint', 'error'] },
  actions: {
    select_rows: {
      description:
        'Select rows of a table or view; filters use PostgREST syntax in and / or, e.g. (age.gte.18,status.eq.active).',
      method: 'GET',
      path: '/{table}',
      params: {
        table: {
          in: 'path',
          type: 'string',
          required: true,
          pattern: '^[A-Za-z_][A-Za-z0-9_]{0,62}$',
          description: 'The table or view',
        },
        select: { in: 'query', type: 'string', description: 'Columns, comma-separated (default *)' },
        and: {
          in: 'query',
          type: 'string',
          pattern: '^\\(.*\\)$',
          description: 'Conditions that must all hold, e.g. (age.gte.18,status.eq.active)',
        },
        or: {
          in: 'query',
          type: 'string',
          pattern: '^\\(.*\\)$',
          description: 'Conditions of which one must hold, e.g. (id.eq.1,id.eq.2)',
        },
        order: { in: 'query', type: 'string', description: 'e.g. created_at.desc' },
        limit: { in: 'query', type: 'integer', minimum: 1, maximum: 1000 },
        offset: { in: 'query', type: 'integer', minimum: 0 },
      },
      summary: 'Selected the rows',
    },
    insert_rows: {
      description: 'Insert one or more rows into a table; the output is the inserted rows as stored.',
      method: 'POST',
      path: '/{table}',
      params: {
        table: {
          in: 'path',
          type: 'string',
          required: true,
          pattern: '^[A-Za-z_][A-Za-z0-9_]{0,62}$',
          description: 'The table',
        },
        rows: {
          in: 'body',
          wire: '$',
          type: 'array',
          required: true,
          minItems: 1,
          maxItems: 1000,
          items: { type: 'object' },
          description: 'The rows, as objects of column values',
        },
      },
      // PostgREST answers an insert with no body unless asked to return the rows.
      constants: { headers: { Prefer: 'return=representation' } },
      summary: 'Inserted the rows',
    },
  },
});
