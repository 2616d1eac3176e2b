import { defineManifest } from '../../manifest/manifest-schema';

const fileId = {
  in: 'path' as const,
  type: 'string' as const,
  required: true as const,
  pattern: '^[A-Za-z0-9_-]{1,128}$',
  description: 'The file or folder id',
};
const allDrives = {
  in: 'query' as const,
  wire: 'supportsAllDrives',
  type: 'boolean' as const,
  description: 'Set true to reach files in shared drives',
};

export const googleDrive = defineManifest({
  name: 'google_drive',
  title: 'Google Drive',
  category: 'storage',
  description:
    'List and search files, read metadata, create folders, rename or move, share and delete files in Google Drive (API v3).',
  docsUrl: 'https://developers.google.com/workspace/drive/api/reference/rest/v3/files',
  verification: 'wire-tested',
  baseUrl: 'https://www.googleapis.com/drive/v3',
  auth: {
    credentialType: 'oauth',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A Google OAuth 2.0 access token with a Drive scope (drive.file, drive.readonly or drive)',
  },
  actions: {
    list_files: {
      description:
        "List or search files; q uses the Drive query language, e.g. name contains 'report' and trashed = false.",
      method: 'GET',
      path: '/files',
      params: {
        q: {
          in: 'query',
          type: 'string',
          maxLength: 2000,
          description: "A search query, e.g. 'FOLDER_ID' in parents and trashed = false",
        },
        order_by: {
          in: 'query',
          wire: 'orderBy',
          type: 'string',
          description: 'e.g. modifiedTime desc,name',
        },
        page_size: {
          in: 'query',
          wire: 'pageSize',
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          description: 'Files per page (default 100)',
        },
        fields: {
          in: 'query',
          type: 'string',
          description:
            'Partial response, e.g. nextPageToken,files(id,name,mimeType); keep nextPageToken to page',
        },
        corpora: { in: 'query', type: 'string', enum: ['user', 'domain', 'drive', 'allDrives'] },
        drive_id: { in: 'query', wire: 'driveId', type: 'string' },
        include_items_from_all_drives: { in: 'query', wire: 'includeItemsFromAllDrives', type: 'boolean' },
        supports_all_drives: allDrives,
      },
      pagination: { style: 'cursor', items: 'files', next: 'nextPageToken', param: 'pageToken' },
    },
    get_file: {
      description: 'Read the metadata of a file or folder.',
      method: 'GET',
      path: '/files/{file_id}',
      params: {
        file_id: fileId,
        fields: { in: 'query', type: 'string', description: 'e.g. id,name,mimeType,webViewLink,parents' },
        supports_all_drives: allDrives,
      },
    },
    create_folder: {
      description: 'Create a folder, optionally inside parent folders.',
      method: 'POST',
      path: '/files',
      constants: { body: { mimeType: 'application/vnd.google-apps.folder' } },
      params: {
        name: { in: 'body', type: 'string', required: true, minLength: 1, maxLength: 1000 },
        parents: {
          in: 'body',
          type: 'array',
          maxItems: 1,
          items: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' },
          description: 'The parent folder id',
        },
        description: { in: 'body', type: 'string', maxLength: 4000 },
        supports_all_drives: allDrives,
      },
      output: { id: 'id', name: 'name', mime_type: 'mimeType' },
      summary: 'Created folder {name} ({id})',
    },
    update_file: {
      description: 'Rename a file or move it between folders (add_parents / remove_parents).',
      method: 'PATCH',
      path: '/files/{file_id}',
      params: {
        file_id: fileId,
        name: { in: 'body', type: 'string', minLength: 1, maxLength: 1000 },
        description: { in: 'body', type: 'string', maxLength: 4000 },
        add_parents: {
          in: 'query',
          wire: 'addParents',
          type: 'string',
          description: 'Comma-separated folder ids to add',
        },
        remove_parents: {
          in: 'query',
          wire: 'removeParents',
          type: 'string',
          description: 'Comma-separated folder ids to remove',
        },
        supports_all_drives: allDrives,
      },
      output: { id: 'id', name: 'name' },
      summary: 'Updated {name}',
      idempotent: true,
    },
    share_file: {
      description: 'Grant a user, group, domain or anyone a role on a file (creates a permission).',
      method: 'POST',
      path: '/files/{file_id}/permissions',
      params: {
        file_id: fileId,
        role: {
          in: 'body',
          type: 'string',
          required: true,
          enum: ['reader', 'commenter', 'writer', 'fileOrganizer', 'organizer'],
        },
        type: { in: 'body', type: 'string', required: true, enum: ['user', 'group', 'domain', 'anyone'] },
        email_address: {
          in: 'body',
          wire: 'emailAddress',
          type: 'string',
          format: 'email',
          description: 'For type user or group',
        },
        domain: { in: 'body', type: 'string', description: 'For type domain' },
        send_notification_email: { in: 'query', wire: 'sendNotificationEmail', type: 'boolean' },
        email_message: { in: 'query', wire: 'emailMessage', type: 'string', maxLength: 4000 },
        supports_all_drives: allDrives,
      },
      output: { permission_id: 'id', role: 'role', type: 'type' },
      summary: 'Granted {role} ({type})',
    },
    delete_file: {
      description: 'Delete a file or folder permanently (skipping the trash).',
      method: 'DELETE',
      path: '/files/{file_id}',
      params: { file_id: fileId, supports_all_drives: allDrives },
      summary: 'Deleted the file',
      idempotent: true,
    },
  },
});
