import { defineManifest } from '../../manifest/manifest-schema';

const PROJECT_ID = {
  in: 'path',
  required: true,
  type: 'string',
  minLength: 1,
  maxLength: 255,
  description: 'The numeric project ID or its full path (group/project); a path is URL-encoded for you',
} as const;

const ISSUE_IID = {
  in: 'path',
  required: true,
  type: 'integer',
  minimum: 1,
  description: 'The issue number inside the project (its iid, as in #42)',
} as const;

export const gitlab = defineManifest({
  name: 'gitlab',
  title: 'GitLab',
  category: 'developer',
  description:
    'Create, list and comment on GitLab.com issues and start CI/CD pipelines with a personal access token.',
  docsUrl: 'https://docs.gitlab.com/api/issues/',
  verification: 'wire-tested',
  baseUrl: 'https://gitlab.com/api/v4',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'PRIVATE-TOKEN', value: '{token}' }],
    hint: 'A personal, project or group access token with the api scope',
  },
  errors: { message: ['message', 'error_description', 'error'] },
  actions: {
    create_issue: {
      description: 'Open an issue in a project; the output has its id, iid and web URL.',
      method: 'POST',
      path: '/projects/{project_id}/issues',
      params: {
        project_id: PROJECT_ID,
        title: { in: 'body', type: 'string', required: true, minLength: 1, maxLength: 255 },
        description: {
          in: 'body',
          type: 'string',
          maxLength: 1048576,
          description: 'The issue body (Markdown)',
        },
        labels: { in: 'body', type: 'string', description: 'Comma-separated label names' },
        assignee_ids: {
          in: 'body',
          type: 'array',
          items: { type: 'integer' },
          description: 'User IDs to assign',
        },
        milestone_id: { in: 'body', type: 'integer' },
        due_date: { in: 'body', type: 'string', format: 'date', description: 'YYYY-MM-DD' },
        confidential: { in: 'body', type: 'boolean' },
        issue_type: { in: 'body', type: 'string', enum: ['issue', 'incident', 'test_case', 'task'] },
      },
      output: { id: 'id', iid: 'iid', web_url: 'web_url', state: 'state' },
      summary: 'Created issue #{iid}',
    },
    list_issues: {
      description: "List a project's issues, filtered by state, labels or a search term (Link-header pages).",
      method: 'GET',
      path: '/projects/{project_id}/issues',
      params: {
        project_id: PROJECT_ID,
        state: { in: 'query', type: 'string', enum: ['opened', 'closed', 'all'] },
        labels: { in: 'query', type: 'string', description: 'Comma-separated; issues must have all of them' },
        search: { in: 'query', type: 'string', description: 'Searches titles and descriptions' },
        assignee_username: { in: 'query', type: 'string' },
        order_by: {
          in: 'query',
          type: 'string',
          enum: [
            'created_at',
            'updated_at',
            'priority',
            'due_date',
            'relative_position',
            'label_priority',
            'milestone_due',
            'popularity',
            'weight',
          ],
        },
        sort: { in: 'query', type: 'string', enum: ['asc', 'desc'] },
        per_page: { in: 'query', type: 'integer', minimum: 1, maximum: 100, default: 100 },
      },
      pagination: { style: 'link', items: '' },
    },
    add_issue_comment: {
      description: 'Add a comment (note) to an issue.',
      method: 'POST',
      path: '/projects/{project_id}/issues/{issue_iid}/notes',
      params: {
        project_id: PROJECT_ID,
        issue_iid: ISSUE_IID,
        body: { in: 'body', type: 'string', required: true, minLength: 1, maxLength: 1000000 },
        internal: { in: 'body', type: 'boolean', description: 'true makes it an internal note' },
      },
      output: { id: 'id', body: 'body', created_at: 'created_at' },
      summary: 'Commented on the issue',
    },
    update_issue: {
      description: 'Change an issue: close or reopen it, retitle it, or set its labels.',
      method: 'PUT',
      path: '/projects/{project_id}/issues/{issue_iid}',
      params: {
        project_id: PROJECT_ID,
        issue_iid: ISSUE_IID,
        state_event: { in: 'body', type: 'string', enum: ['close', 'reopen'] },
        title: { in: 'body', type: 'string', maxLength: 255 },
        description: { in: 'body', type: 'string' },
        labels: { in: 'body', type: 'string', description: 'Comma-separated; replaces all labels' },
        add_labels: { in: 'body', type: 'string', description: 'Comma-separated labels to add' },
        remove_labels: { in: 'body', type: 'string', description: 'Comma-separated labels to remove' },
      },
      output: { id: 'id', iid: 'iid', state: 'state', web_url: 'web_url' },
      summary: 'Issue #{iid} is {state}',
    },
    create_pipeline: {
      description: 'Start a CI/CD pipeline for a branch or tag, optionally with variables.',
      method: 'POST',
      path: '/projects/{project_id}/pipeline',
      params: {
        project_id: PROJECT_ID,
        ref: { in: 'query', type: 'string', required: true, description: 'The branch or tag to run' },
        variables: {
          in: 'body',
          type: 'array',
          items: {
            type: 'object',
            properties: {
              key: { type: 'string' },
              value: { type: 'string' },
              variable_type: { type: 'string', enum: ['env_var', 'file'] },
            },
            required: ['key', 'value'],
            additionalProperties: false,
          },
        },
      },
      idempotent: false,
      output: { id: 'id', status: 'status', ref: 'ref', web_url: 'web_url' },
      summary: 'Pipeline {id} {status}',
    },
  },
});
