import { defineManifest } from '../../manifest/manifest-schema';

const num = { type: 'string' as const, pattern: '^[0-9]{1,20}$' };
const UA = { 'User-Agent': 'Flowgate automation (https://github.com/flowgate)' };

export const basecamp = defineManifest({
  name: 'basecamp',
  title: 'Basecamp',
  category: 'productivity',
  description: 'Create to-dos and post messages in Basecamp projects with an OAuth access token.',
  docsUrl: 'https://github.com/basecamp/bc3-api',
  verification: 'documented',
  baseUrl: 'https://3.basecampapi.com/{account_id}',
  auth: {
    credentialType: 'oauth',
    fields: {
      account_id: {
        description: 'The account ID: the number after basecamp.com/ in your Basecamp URL',
        pattern: '^[0-9]{1,12}$',
      },
      access_token: { description: 'An OAuth 2 access token from launchpad.37signals.com', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {access_token}' }],
    hint: '{"account_id":"999999999","access_token":"…"}',
  },
  errors: { message: ['error', 'message'] },
  actions: {
    create_todo: {
      description: 'Create a to-do in a to-do list of a project; the output has its ID and app URL.',
      method: 'POST',
      path: '/buckets/{project_id}/todolists/{todolist_id}/todos.json',
      params: {
        project_id: { ...num, in: 'path', required: true, description: 'The project (bucket) ID' },
        todolist_id: { ...num, in: 'path', required: true, description: 'The to-do list ID' },
        content: { in: 'body', type: 'string', required: true, description: 'What to do' },
        description: { in: 'body', type: 'string', description: 'Details, as rich-text HTML' },
        assignee_ids: {
          in: 'body',
          type: 'array',
          items: { type: 'integer' },
          description: 'People IDs to assign',
        },
        due_on: { in: 'body', type: 'string', format: 'date', description: 'Due date' },
        starts_on: { in: 'body', type: 'string', format: 'date', description: 'Start date' },
        notify: { in: 'body', type: 'boolean', description: 'Notify the assignees' },
      },
      constants: { headers: UA },
      output: { id: 'id', content: 'content', app_url: 'app_url' },
      summary: 'Created to-do {content}',
    },
    create_message: {
      description: 'Post a message on the message board of a project.',
      method: 'POST',
      path: '/buckets/{project_id}/message_boards/{message_board_id}/messages.json',
      params: {
        project_id: { ...num, in: 'path', required: true, description: 'The project (bucket) ID' },
        message_board_id: { ...num, in: 'path', required: true, description: 'The message board ID' },
        subject: { in: 'body', type: 'string', required: true, description: 'The title' },
        content: { in: 'body', type: 'string', description: 'The body, as rich-text HTML' },
        status: {
          in: 'body',
          type: 'string',
          enum: ['active', 'drafted'],
          description: 'active publishes it',
        },
      },
      constants: { headers: UA, body: { status: 'active' } },
      output: { id: 'id', subject: 'subject', app_url: 'app_url' },
      summary: 'Posted {subject}',
    },
    list_projects: {
      description: 'List the active projects of the account; reads more pages with max_pages.',
      method: 'GET',
      path: '/projects.json',
      params: {},
      constants: { headers: UA },
      pagination: { style: 'link', items: '' },
    },
  },
});
