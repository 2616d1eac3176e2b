import { defineManifest } from '../../manifest/manifest-schema';

const PATH = '^(|/.*|id:.+|ns:[0-9]+(/.*)?)$';
const path = (description: string) => ({
  in: 'body' as const,
  type: 'string' as const,
  required: true as const,
  pattern: PATH,
  maxLength: 4096,
  description,
});

export const dropbox = defineManifest({
  name: 'dropbox',
  title: 'Dropbox',
  category: 'storage',
  description:
    'List, search, create, move and delete files and folders in Dropbox, and create shared links (API v2).',
  docsUrl: 'https://www.dropbox.com/developers/documentation/http/documentation',
  verification: 'wire-tested',
  baseUrl: 'https://api.dropboxapi.com/2',
  auth: {
    credentialType: 'oauth',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A Dropbox OAuth 2 access token with the files and sharing scopes the actions need',
  },
  errors: { message: ['error_summary', 'error.message', 'error'] },
  actions: {
    list_folder: {
      description:
        'List the entries of a folder ("" is the root); the output has a cursor when has_more is true.',
      method: 'POST',
      path: '/files/list_folder',
      params: {
        path: path('The folder path ("" for the root), or id:…'),
        recursive: { in: 'body', type: 'boolean', description: 'Include every subfolder' },
        limit: {
          in: 'body',
          type: 'integer',
          minimum: 1,
          maximum: 2000,
          description: 'Entries per answer (approximate)',
        },
        include_deleted: { in: 'body', type: 'boolean' },
      },
      output: { entries: 'entries', cursor: 'cursor', has_more: 'has_more' },
      idempotent: true,
    },
    list_folder_continue: {
      description: 'Read the next entries of a folder listing with the cursor from list_folder.',
      method: 'POST',
      path: '/files/list_folder/continue',
      params: {
        cursor: {
          in: 'body',
          type: 'string',
          required: true,
          minLength: 1,
          description: 'The cursor of the previous answer',
        },
      },
      output: { entries: 'entries', cursor: 'cursor', has_more: 'has_more' },
      idempotent: true,
    },
    get_metadata: {
      description: 'Read the metadata of a file or folder.',
      method: 'POST',
      path: '/files/get_metadata',
      params: { path: path('The file or folder path, or id:…') },
      idempotent: true,
    },
    search: {
      description: 'Search files and folders by name and content.',
      method: 'POST',
      path: '/files/search_v2',
      params: {
        query: { in: 'body', type: 'string', required: true, minLength: 1, maxLength: 1000 },
        in_path: {
          in: 'body',
          wire: 'options.path',
          type: 'string',
          pattern: PATH,
          description: 'Only under this folder',
        },
        max_results: { in: 'body', wire: 'options.max_results', type: 'integer', minimum: 1, maximum: 1000 },
      },
      output: { matches: 'matches', has_more: 'has_more', cursor: 'cursor' },
      idempotent: true,
    },
    create_folder: {
      description: 'Create a folder at a path.',
      method: 'POST',
      path: '/files/create_folder_v2',
      params: {
        path: path('The path of the new folder, e.g. /Reports/2026'),
        autorename: {
          in: 'body',
          type: 'boolean',
          description: 'On a name conflict, pick a new name instead of failing',
        },
      },
      output: { id: 'metadata.id', name: 'metadata.name', path_display: 'metadata.path_display' },
      summary: 'Created {metadata.path_display}',
    },
    move: {
      description: 'Move or rename a file or folder.',
      method: 'POST',
      path: '/files/move_v2',
      params: {
        from_path: path('The current path'),
        to_path: path('The new path'),
        autorename: { in: 'body', type: 'boolean' },
      },
      output: { id: 'metadata.id', path_display: 'metadata.path_display' },
      summary: 'Moved to {metadata.path_display}',
    },
    delete: {
      description: 'Delete a file or folder (and its contents).',
      method: 'POST',
      path: '/files/delete_v2',
      params: { path: path('The path to delete') },
      output: { id: 'metadata.id', path_display: 'metadata.path_display' },
      summary: 'Deleted {metadata.path_display}',
    },
    create_shared_link: {
      description: 'Create a shared link for a file or folder, optionally with an audience and an expiry.',
      method: 'POST',
      path: '/sharing/create_shared_link_with_settings',
      params: {
        path: path('The file or folder to share'),
        audience: {
          in: 'body',
          wire: 'settings.audience',
          type: 'string',
          enum: ['public', 'team', 'no_one'],
        },
        access: { in: 'body', wire: 'settings.access', type: 'string', enum: ['viewer', 'editor'] },
        expires: {
          in: 'body',
          wire: 'settings.expires',
          type: 'string',
          format: 'date-time',
          description: 'When the link stops working (UTC)',
        },
      },
      output: { url: 'url', name: 'name', expires: 'expires' },
      summary: 'Shared link {url}',
    },
  },
});
