import { defineManifest } from '../../manifest/manifest-schema';

const UA = { 'User-Agent': 'Flowgate automation (https://github.com/flowgate)' };

export const harvest = defineManifest({
  name: 'harvest',
  title: 'Harvest',
  category: 'productivity',
  description: 'Log and list Harvest time entries (API v2) with a personal access token and account ID.',
  docsUrl: 'https://help.getharvest.com/api-v2/timesheets-api/timesheets/time-entries/',
  verification: 'documented',
  baseUrl: 'https://api.harvestapp.com/v2',
  auth: {
    credentialType: 'token',
    fields: {
      account_id: { description: 'The Harvest account ID shown with the token', pattern: '^[0-9]{1,20}$' },
      access_token: {
        description: 'A personal access token from id.getharvest.com/developers',
        secret: true,
      },
    },
    apply: [
      { in: 'header', name: 'Authorization', value: 'Bearer {access_token}' },
      { in: 'header', name: 'Harvest-Account-Id', value: '{account_id}' },
    ],
    hint: '{"account_id":"123456","access_token":"…"}',
  },
  errors: { message: ['message', 'error_description', 'error'] },
  actions: {
    create_time_entry: {
      description: 'Log time on a project task for a day, as a duration in hours.',
      method: 'POST',
      path: '/time_entries',
      params: {
        project_id: { in: 'body', type: 'integer', required: true, description: 'The project ID' },
        task_id: {
          in: 'body',
          type: 'integer',
          required: true,
          description: 'The task ID (assigned to the project)',
        },
        spent_date: { in: 'body', type: 'string', format: 'date', required: true, description: 'The day' },
        hours: {
          in: 'body',
          type: 'number',
          minimum: 0,
          description: 'Hours, e.g. 1.5 (omit to start a timer)',
        },
        notes: { in: 'body', type: 'string', description: 'Notes' },
        user_id: { in: 'body', type: 'integer', description: 'Log for this user (default: you)' },
      },
      constants: { headers: UA },
      output: { id: 'id', hours: 'hours', spent_date: 'spent_date', is_running: 'is_running' },
      summary: 'Logged {hours} h on {spent_date}',
    },
    list_time_entries: {
      description: 'List time entries, newest first, with optional filters; reads more pages with max_pages.',
      method: 'GET',
      path: '/time_entries',
      params: {
        user_id: { in: 'query', type: 'integer', description: 'Only this user' },
        project_id: { in: 'query', type: 'integer', description: 'Only this project' },
        client_id: { in: 'query', type: 'integer', description: 'Only this client' },
        from: { in: 'query', type: 'string', format: 'date', description: 'Spent on or after this date' },
        to: { in: 'query', type: 'string', format: 'date', description: 'Spent on or before this date' },
        is_running: { in: 'query', type: 'boolean', description: 'Only running (or stopped) timers' },
      },
      constants: { headers: UA },
      pagination: { style: 'page', items: 'time_entries', param: 'page', sizeParam: 'per_page', size: 100 },
    },
  },
});
