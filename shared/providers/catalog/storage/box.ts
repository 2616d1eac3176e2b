import { defineManifest } from '../../manifest/manifest-schema';

const id = (description: string) => ({
  in: 'path' as const,
  type: 'string' as const,
  required: true as const,
  pattern: '^[0-9]{1,20}$',
  description,
});

export const box = defineManifest({
  name: 'box',
  title: 'Box',
  category: 'storage',
  description: 'List folders, search, read file details, create folders, share and delete files in Box.',
  docsUrl: 'https://developer.box.com/reference',
  verification: 'documented',
  baseUrl: 'https://api.box.com/2.0',
  auth: {
    credentialType: 'oauth',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A Box access token (OAuth 2.0, or a developer token for tests)',
  },
  errors: { message: ['message', 'error_description'] },
  actions: {
    list_folder_items: {
      description: 'List the files, folders and web links in a folder ("0" is the root), page by page.',
      method: 'GET',
      path: '/folders/{folder_id}/items',
      constants: { query: { usemarker: 'true' } },
      params: {
        folder_id: id('The folder id; 0 for the root folder'),
        limit: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          description: 'Items per page (default 100)',
        },
        fields: { in: 'query', type: 'string', description: 'Comma-separated fields to return' },
      },
      pagination: { style: 'cursor', items: 'entries', next: 'next_marker', param: 'marker' },
    },
    search: {
      description: 'Search files, folders and web links by name, description and content.',
      method: 'GET',
      path: '/search',
      params: {
        query: { in: 'query', type: 'string', required: true, minLength: 1 },
        type: { in: 'query', type: 'string', enum: ['file', 'folder', 'web_link'] },
        ancestor_folder_ids: {
          in: 'query',
          type: 'string',
          description: 'Comma-separated folder ids to search in',
        },
        file_extensions: { in: 'query', type: 'string', description: 'e.g. pdf,docx' },
      },
      pagination: { style: 'offset', items: 'entries', param: 'offset', sizeParam: 'limit', size: 100 },
    },
    get_file: {
      description: 'Read the details of a file.',
      method: 'GET',
      path: '/files/{file_id}',
      params: { file_id: id('The file id'), fields: { in: 'query', type: 'string' } },
    },
    create_folder: {
      description: 'Create a folder inside a parent folder.',
      method: 'POST',
      path: '/folders',
      params: {
        name: { in: 'body', type: 'string', required: true, minLength: 1, maxLength: 255 },
        parent_id: {
          in: 'body',
          wire: 'parent.id',
          type: 'string',
          required: true,
          pattern: '^[0-9]{1,20}$',
          description: 'The parent folder id; 0 for the root',
        },
      },
      output: { id: 'id', name: 'name' },
      summary: 'Created folder {name} ({id})',
    },
    share_file: {
      description: 'Create or change the shared link of a file; the output has its URL.',
      method: 'PUT',
      path: '/files/{file_id}',
      constants: { query: { fields: 'shared_link' } },
      params: {
        file_id: id('The file id'),
        access: {
          in: 'body',
          wire: 'shared_link.access',
          type: 'string',
          required: true,
          enum: ['open', 'company', 'collaborators'],
        },
        unshared_at: {
          in: 'body',
          wire: 'shared_link.unshared_at',
          type: 'string',
          format: 'date-time',
          description: 'When the link expires',
        },
      },
      output: { url: 'shared_link.url', access: 'shared_link.access' },
      summary: 'Shared link {shared_link.url}',
      idempotent: true,
    },
    delete_file: {
      description: 'Move a file to the trash.',
      method: 'DELETE',
      path: '/files/{file_id}',
      params: { file_id: id('The file id') },
      summary: 'Deleted the file',
      idempotent: true,
    },
  },
});
