import { defineManifest } from '../../manifest/manifest-schema';

const gid = { type: 'string' as const, pattern: '^[0-9]{1,32}$' };

export const asana = defineManifest({
  name: 'asana',
  title: 'Asana',
  category: 'productivity',
  description:
    'Create Asana tasks, comment on them and list the tasks of a project with a personal access token.',
  docsUrl: 'https://developers.asana.com/reference/createtask',
  verification: 'wire-tested',
  baseUrl: 'https://app.asana.com/api/1.0',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A personal access token from the Asana developer console',
  },
  errors: { message: ['errors.0.message'] },
  actions: {
    create_task: {
      description: 'Create a task in a workspace or in projects; the output has its gid and link.',
      method: 'POST',
      path: '/tasks',
      params: {
        name: { in: 'body', wire: 'data.name', type: 'string', required: true, description: 'The task name' },
        notes: {
          in: 'body',
          wire: 'data.notes',
          type: 'string',
          description: 'The description (plain text)',
        },
        workspace: {
          ...gid,
          in: 'body',
          wire: 'data.workspace',
          description: 'The workspace gid; needed unless projects or parent is given',
        },
        projects: {
          in: 'body',
          wire: 'data.projects',
          type: 'array',
          items: gid,
          description: 'Project gids the task belongs to',
        },
        parent: {
          ...gid,
          in: 'body',
          wire: 'data.parent',
          description: 'Make it a subtask of this task gid',
        },
        assignee: {
          in: 'body',
          wire: 'data.assignee',
          type: 'string',
          description: 'A user gid, an e-mail address, or "me"',
        },
        due_on: { in: 'body', wire: 'data.due_on', type: 'string', format: 'date', description: 'Due date' },
        due_at: {
          in: 'body',
          wire: 'data.due_at',
          type: 'string',
          format: 'date-time',
          description: 'Due date and time (instead of due_on)',
        },
      },
      output: { gid: 'data.gid', name: 'data.name', permalink_url: 'data.permalink_url' },
      summary: 'Created task {data.name}',
    },
    add_comment: {
      description: 'Add a comment (story) to a task.',
      method: 'POST',
      path: '/tasks/{task_gid}/stories',
      params: {
        task_gid: { ...gid, in: 'path', required: true, description: 'The task gid' },
        text: {
          in: 'body',
          wire: 'data.text',
          type: 'string',
          required: true,
          description: 'The comment text',
        },
      },
      output: { gid: 'data.gid', created_at: 'data.created_at' },
      summary: 'Commented on the task',
    },
    list_project_tasks: {
      description: 'List the tasks of a project (100 a page); reads more pages with max_pages.',
      method: 'GET',
      path: '/tasks',
      params: {
        project: { ...gid, in: 'query', required: true, description: 'The project gid' },
        completed_since: {
          in: 'query',
          type: 'string',
          description: 'Only tasks incomplete or completed since this time ("now" for incomplete only)',
        },
        opt_fields: {
          in: 'query',
          type: 'string',
          description: 'Comma-separated extra fields, e.g. name,completed,due_on,assignee.name',
        },
      },
      constants: { query: { limit: '100' } },
      pagination: { style: 'cursor', items: 'data', next: 'next_page.offset', param: 'offset' },
    },
  },
});
