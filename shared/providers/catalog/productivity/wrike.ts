import { defineManifest } from '../../manifest/manifest-schema';

const wrikeId = { type: 'string' as const, pattern: '^[A-Z0-9]{8,16}$' };

export const wrike = defineManifest({
  name: 'wrike',
  title: 'Wrike',
  category: 'productivity',
  description: 'Create Wrike tasks in folders or projects and comment on them (API v4) with an access token.',
  docsUrl: 'https://developers.wrike.com/reference/postfolderssingletasks',
  verification: 'documented',
  baseUrl: 'https://{host}/api/v4',
  auth: {
    credentialType: 'token',
    fields: {
      host: {
        description: 'The API host of your data centre',
        enum: ['www.wrike.com', 'app-eu.wrike.com', 'app-us2.wrike.com'],
        default: 'www.wrike.com',
      },
      token: { description: 'A permanent access token (Apps & Integrations → API)', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: '{"host":"www.wrike.com","token":"…"} (host: app-eu.wrike.com for the EU data centre)',
  },
  errors: { message: ['errorDescription', 'error'] },
  actions: {
    create_task: {
      description: 'Create a task in a folder or project; the output has its ID and permalink.',
      method: 'POST',
      path: '/folders/{folder_id}/tasks',
      params: {
        folder_id: { ...wrikeId, in: 'path', required: true, description: 'The folder or project API ID' },
        title: { in: 'body', type: 'string', required: true, minLength: 1, description: 'The task title' },
        description: { in: 'body', type: 'string', description: 'The description (HTML)' },
        status: {
          in: 'body',
          type: 'string',
          enum: ['Active', 'Completed', 'Deferred', 'Cancelled'],
          description: 'The task status (default Active)',
        },
        importance: {
          in: 'body',
          type: 'string',
          enum: ['High', 'Normal', 'Low'],
          description: 'Importance',
        },
        start_date: {
          in: 'body',
          wire: 'dates.start',
          type: 'string',
          format: 'date',
          description: 'Start date',
        },
        due_date: { in: 'body', wire: 'dates.due', type: 'string', format: 'date', description: 'Due date' },
        responsibles: {
          in: 'body',
          type: 'array',
          items: wrikeId,
          description: 'Contact IDs to make responsible',
        },
      },
      output: {
        id: 'data.0.id',
        title: 'data.0.title',
        permalink: 'data.0.permalink',
        status: 'data.0.status',
      },
      summary: 'Created task {data.0.title}',
    },
    add_comment: {
      description: 'Comment on a task.',
      method: 'POST',
      path: '/tasks/{task_id}/comments',
      params: {
        task_id: { ...wrikeId, in: 'path', required: true, description: 'The task API ID' },
        text: { in: 'body', type: 'string', required: true, description: 'The comment (HTML)' },
      },
      output: { id: 'data.0.id', created_date: 'data.0.createdDate' },
      summary: 'Commented on the task',
    },
  },
});
