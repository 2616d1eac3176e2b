import { defineManifest } from '../../manifest/manifest-schema';

export const toggl = defineManifest({
  name: 'toggl',
  title: 'Toggl Track',
  category: 'productivity',
  description: 'Create and list Toggl Track time entries (API v9) with an API token.',
  docsUrl: 'https://engineering.toggl.com/docs/api/time_entries',
  verification: 'documented',
  baseUrl: 'https://api.track.toggl.com/api/v9',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'basic', username: '{token}', password: 'api_token' }],
    hint: 'The API token from your Toggl Track profile page',
  },
  errors: { message: ['message', 'error'] },
  actions: {
    create_time_entry: {
      description:
        'Create a time entry in a workspace: a finished one (start + duration) or a running one (duration -1).',
      method: 'POST',
      path: '/workspaces/{workspace_id}/time_entries',
      params: {
        workspace_id: { in: 'path', type: 'integer', required: true, description: 'The workspace ID' },
        workspace: {
          in: 'body',
          wire: 'workspace_id',
          type: 'integer',
          description:
            'The workspace ID in the body as well (Toggl’s own examples send it; same value as workspace_id)',
        },
        start: {
          in: 'body',
          type: 'string',
          format: 'date-time',
          required: true,
          description: 'Start (UTC)',
        },
        duration: {
          in: 'body',
          type: 'integer',
          required: true,
          minimum: -1,
          description: 'Seconds; -1 starts a running timer',
        },
        stop: {
          in: 'body',
          type: 'string',
          format: 'date-time',
          description: 'Stop time (instead of a duration)',
        },
        description: { in: 'body', type: 'string', description: 'What was done' },
        project_id: { in: 'body', type: 'integer', description: 'The project ID' },
        task_id: { in: 'body', type: 'integer', description: 'The task ID' },
        tags: { in: 'body', type: 'array', items: { type: 'string' }, description: 'Tag names' },
        billable: { in: 'body', type: 'boolean', description: 'Billable (paid plans)' },
      },
      constants: { body: { created_with: 'flowgate' } },
      output: { id: 'id', start: 'start', duration: 'duration', description: 'description' },
      summary: 'Created time entry {id}',
    },
    list_time_entries: {
      description: 'List your time entries between two dates (or the recent ones).',
      method: 'GET',
      path: '/me/time_entries',
      params: {
        start_date: {
          in: 'query',
          type: 'string',
          format: 'date',
          description: 'From this date (with end_date)',
        },
        end_date: { in: 'query', type: 'string', format: 'date', description: 'Until this date (exclusive)' },
      },
      summary: 'Listed the time entries',
    },
  },
});
