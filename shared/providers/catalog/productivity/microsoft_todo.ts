import { defineManifest } from '../../manifest/manifest-schema';

export const microsoftTodo = defineManifest({
  name: 'microsoft_todo',
  title: 'Microsoft To Do',
  category: 'productivity',
  description:
    'Create tasks in and list Microsoft To Do lists through Microsoft Graph with an OAuth access token.',
  docsUrl: 'https://learn.microsoft.com/en-us/graph/api/todotasklist-post-tasks',
  verification: 'documented',
  baseUrl: 'https://graph.microsoft.com/v1.0',
  auth: {
    credentialType: 'oauth',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A Microsoft Graph access token with the Tasks.ReadWrite permission',
  },
  errors: { message: ['error.message'] },
  actions: {
    create_task: {
      description: 'Create a task in a To Do list.',
      method: 'POST',
      path: '/me/todo/lists/{list_id}/tasks',
      params: {
        list_id: {
          in: 'path',
          type: 'string',
          required: true,
          minLength: 1,
          description: 'The task list ID',
        },
        title: { in: 'body', type: 'string', required: true, description: 'The task title' },
        body: { in: 'body', wire: 'body.content', type: 'string', description: 'Notes' },
        body_content_type: {
          in: 'body',
          wire: 'body.contentType',
          type: 'string',
          enum: ['text', 'html'],
          description: 'The type of the notes',
        },
        importance: {
          in: 'body',
          type: 'string',
          enum: ['low', 'normal', 'high'],
          description: 'Importance',
        },
        due_date_time: {
          in: 'body',
          wire: 'dueDateTime.dateTime',
          type: 'string',
          description: 'Due, e.g. 2026-12-04T17:00:00 (with due_time_zone)',
        },
        due_time_zone: { in: 'body', wire: 'dueDateTime.timeZone', type: 'string', description: 'e.g. UTC' },
        categories: { in: 'body', type: 'array', items: { type: 'string' }, description: 'Category names' },
      },
      output: { id: 'id', title: 'title', status: 'status' },
      summary: 'Created task {title}',
    },
    list_task_lists: {
      description: 'List the To Do lists of the signed-in user (to find a list ID).',
      method: 'GET',
      path: '/me/todo/lists',
      params: {},
      output: 'value',
      summary: 'Listed the task lists',
    },
  },
});
