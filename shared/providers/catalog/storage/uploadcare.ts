import { defineManifest } from '../../manifest/manifest-schema';

const VERSION = { headers: { Accept: 'application/vnd.uploadcare-v0.7+json' } };
const uuid = {
  in: 'path' as const,
  type: 'string' as const,
  required: true as const,
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
  description: 'The file UUID',
};

export const uploadcare = defineManifest({
  name: 'uploadcare',
  title: 'Uploadcare',
  category: 'storage',
  description: 'List, read, store and delete files of an Uploadcare project (REST API v0.7).',
  docsUrl: 'https://uploadcare.com/api-refs/rest-api/v0.7.0/',
  verification: 'documented',
  baseUrl: 'https://api.uploadcare.com',
  auth: {
    credentialType: 'api_key',
    fields: {
      public_key: { description: 'The project public key' },
      secret_key: { description: 'The project secret key', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Uploadcare.Simple {public_key}:{secret_key}' }],
    hint: '{"public_key":"…","secret_key":"…"}',
  },
  errors: { message: ['detail'] },
  actions: {
    list_files: {
      description: 'List the files of the project, newest or oldest first, page by page.',
      method: 'GET',
      path: '/files/',
      constants: VERSION,
      params: {
        stored: {
          in: 'query',
          type: 'boolean',
          description: 'Only stored (true) or only unstored (false) files',
        },
        removed: { in: 'query', type: 'boolean', description: 'List removed files instead' },
        ordering: { in: 'query', type: 'string', enum: ['datetime_uploaded', '-datetime_uploaded'] },
        limit: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          description: 'Files per page (default 100)',
        },
      },
      pagination: { style: 'next_url', items: 'results', next: 'next' },
    },
    get_file: {
      description: 'Read the details of one file.',
      method: 'GET',
      path: '/files/{uuid}/',
      constants: VERSION,
      params: { uuid, include: { in: 'query', type: 'string', enum: ['appdata'] } },
    },
    store_file: {
      description: 'Store a file permanently (unstored files are removed after 24 hours).',
      method: 'PUT',
      path: '/files/{uuid}/storage/',
      constants: VERSION,
      params: { uuid },
      output: { uuid: 'uuid', datetime_stored: 'datetime_stored' },
      summary: 'Stored {uuid}',
      idempotent: true,
    },
    delete_file: {
      description: 'Remove a file from storage.',
      method: 'DELETE',
      path: '/files/{uuid}/storage/',
      constants: VERSION,
      params: { uuid },
      output: { uuid: 'uuid', datetime_removed: 'datetime_removed' },
      summary: 'Removed {uuid}',
      idempotent: true,
    },
  },
});
