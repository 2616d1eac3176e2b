import { defineManifest } from '../../manifest/manifest-schema';

const workspaceId = {
  in: 'path' as const,
  type: 'string' as const,
  required: true,
  pattern: '^[0-9a-f]{24}$',
  description: 'The workspace ID',
};

export const clockify = defineManifest({
  name: 'clockify',
  title: 'Clockify',
  category: 'productivity',
  description: 'Add time entries and list workspaces and projects in Clockify with an API key.',
  docsUrl: 'https://docs.clockify.me/',
  verification: 'documented',
  baseUrl: 'https://api.clockify.me/api/v1',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'X-Api-Key', value: '{token}' }],
    hint: 'The API key from Profile settings → API',
  },
  errors: { message: ['message'] },
  actions: {
    create_time_entry: {
      description: 'Add a time entry for yourself; without end it starts a running timer.',
      method: 'POST',
      path: '/workspaces/{workspace_id}/time-entries',
      params: {
        workspace_id: workspaceId,
        start: {
          in: 'body',
          type: 'string',
          format: 'date-time',
          required: true,
          description: 'Start (UTC)',
        },
        end: { in: 'body', type: 'string', format: 'date-time', description: 'End (UTC)' },
        description: { in: 'body', type: 'string', maxLength: 3000, description: 'What was done' },
        project_id: { in: 'body', wire: 'projectId', type: 'string', description: 'The project ID' },
        task_id: { in: 'body', wire: 'taskId', type: 'string', description: 'The task ID' },
        tag_ids: {
          in: 'body',
          wire: 'tagIds',
          type: 'array',
          items: { type: 'string' },
          description: 'Tag IDs',
        },
        billable: { in: 'body', type: 'boolean', description: 'Billable' },
      },
      output: { id: 'id', description: 'description', time_interval: 'timeInterval' },
      summary: 'Added time entry {id}',
    },
    list_workspaces: {
      description: 'List the workspaces you belong to (to find a workspace ID).',
      method: 'GET',
      path: '/workspaces',
      params: {},
      summary: 'Listed the workspaces',
    },
    list_projects: {
      description: 'List the projects of a workspace; reads more pages with max_pages.',
      method: 'GET',
      path: '/workspaces/{workspace_id}/projects',
      params: {
        workspace_id: workspaceId,
        name: { in: 'query', type: 'string', description: 'Only projects whose name contains this' },
        archived: { in: 'query', type: 'boolean', description: 'Archived projects instead of active ones' },
      },
      pagination: { style: 'page', items: '', param: 'page', sizeParam: 'page-size', size: 50 },
    },
  },
});
