import { defineManifest } from '../../manifest/manifest-schema';

const taskId = {
  in: 'path' as const,
  type: 'string' as const,
  required: true,
  pattern: '^[A-Za-z0-9]+$',
  description: 'The task ID',
};

export const todoist = defineManifest({
  name: 'todoist',
  title: 'Todoist',
  category: 'productivity',
  description: 'Create, list and complete Todoist tasks (API v1) with a personal API token.',
  docsUrl: 'https://developer.todoist.com/api/v1/',
  verification: 'documented',
  baseUrl: 'https://api.todoist.com/api/v1',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'The API token from Settings → Integrations → Developer',
  },
  errors: { message: ['error', 'message'] },
  actions: {
    create_task: {
      description: 'Create a task; due dates may be natural language ("tomorrow at 5pm").',
      method: 'POST',
      path: '/tasks',
      params: {
        content: {
          in: 'body',
          type: 'string',
          required: true,
          maxLength: 500,
          description: 'The task title',
        },
        description: { in: 'body', type: 'string', maxLength: 16383, description: 'The task description' },
        project_id: { in: 'body', type: 'string', description: 'The project ID (default: Inbox)' },
        section_id: { in: 'body', type: 'string', description: 'The section ID' },
        parent_id: { in: 'body', type: 'string', description: 'Make it a subtask of this task ID' },
        labels: { in: 'body', type: 'array', items: { type: 'string' }, description: 'Label names' },
        priority: {
          in: 'body',
          type: 'integer',
          minimum: 1,
          maximum: 4,
          description: '1 normal … 4 urgent (the app shows 4 as p1)',
        },
        due_string: {
          in: 'body',
          type: 'string',
          description: 'Natural-language due date, e.g. "every monday"',
        },
        due_date: { in: 'body', type: 'string', format: 'date', description: 'Due date' },
        due_datetime: { in: 'body', type: 'string', format: 'date-time', description: 'Due date and time' },
        assignee_id: { in: 'body', type: 'string', description: 'A collaborator user ID (shared projects)' },
      },
      output: { id: 'id', content: 'content', project_id: 'project_id', due: 'due' },
      summary: 'Created task {content}',
    },
    list_tasks: {
      description:
        'List active tasks, optionally of a project or with a label; reads more pages with max_pages.',
      method: 'GET',
      path: '/tasks',
      params: {
        project_id: { in: 'query', type: 'string', description: 'Only tasks of this project' },
        section_id: { in: 'query', type: 'string', description: 'Only tasks of this section' },
        label: { in: 'query', type: 'string', description: 'Only tasks with this label name' },
        limit: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 200,
          description: 'Tasks per page (default 50)',
        },
      },
      pagination: { style: 'cursor', items: 'results', next: 'next_cursor', param: 'cursor' },
    },
    close_task: {
      description: 'Mark a task done (a recurring task moves to its next date).',
      method: 'POST',
      path: '/tasks/{task_id}/close',
      params: { task_id: taskId },
      idempotent: true,
      summary: 'Closed the task',
    },
  },
});
