import { defineManifest } from '../../manifest/manifest-schema';

const fileId = {
  in: 'path' as const,
  type: 'string' as const,
  required: true as const,
  pattern: '^[A-Za-z0-9_-]{1,64}$',
  description: 'The file id',
};

export const imagekit = defineManifest({
  name: 'imagekit',
  title: 'ImageKit',
  category: 'storage',
  description: 'List and search, read, tag, delete and purge files of an ImageKit media library.',
  docsUrl: 'https://imagekit.io/docs/api-reference/digital-asset-management-dam/list-and-search-assets',
  verification: 'documented',
  baseUrl: 'https://api.imagekit.io/v1',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'basic', username: '{token}', password: '' }],
    hint: 'The private API key (Developer options → API keys)',
  },
  errors: { message: ['message'] },
  actions: {
    list_files: {
      description:
        'List or search files and folders; searchQuery is Lucene-like, e.g. name : "logo" AND size > 1024.',
      method: 'GET',
      path: '/files',
      params: {
        type: { in: 'query', type: 'string', enum: ['file', 'file-version', 'folder', 'all'] },
        search_query: { in: 'query', wire: 'searchQuery', type: 'string', maxLength: 2000 },
        path: { in: 'query', type: 'string', description: 'Only under this folder, e.g. /products/' },
        file_type: { in: 'query', wire: 'fileType', type: 'string', enum: ['all', 'image', 'non-image'] },
        sort: { in: 'query', type: 'string', description: 'e.g. DESC_CREATED' },
      },
      pagination: { style: 'offset', items: '', param: 'skip', sizeParam: 'limit', size: 100 },
    },
    get_file_details: {
      description: 'Read the details of one file.',
      method: 'GET',
      path: '/files/{file_id}/details',
      params: { file_id: fileId },
    },
    update_file_details: {
      description: 'Set the tags, custom coordinates or custom metadata of a file.',
      method: 'PATCH',
      path: '/files/{file_id}/details',
      params: {
        file_id: fileId,
        tags: { in: 'body', type: 'array', items: { type: 'string' } },
        custom_coordinates: {
          in: 'body',
          wire: 'customCoordinates',
          type: 'string',
          description: 'x,y,width,height',
        },
        custom_metadata: { in: 'body', wire: 'customMetadata', type: 'object' },
      },
      output: { file_id: 'fileId', name: 'name', tags: 'tags' },
      summary: 'Updated {name}',
      idempotent: true,
    },
    delete_file: {
      description: 'Delete a file and all its versions.',
      method: 'DELETE',
      path: '/files/{file_id}',
      params: { file_id: fileId },
      summary: 'Deleted the file',
      idempotent: true,
    },
    purge_cache: {
      description: 'Purge a URL (and its transformations) from the CDN cache; the output has the request id.',
      method: 'POST',
      path: '/files/purge',
      params: { url: { in: 'body', type: 'string', required: true, format: 'uri' } },
      output: { request_id: 'requestId' },
      summary: 'Purge {requestId} queued',
    },
  },
});
