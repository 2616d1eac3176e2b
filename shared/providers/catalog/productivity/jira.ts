import { defineManifest } from '../../manifest/manifest-schema';

const issueKey = {
  in: 'path' as const,
  type: 'string' as const,
  required: true,
  pattern: '^([A-Z][A-Z0-9_]+-[0-9]+|[0-9]+)$',
  description: 'The issue key (PROJ-123) or numeric ID',
};

export const jira = defineManifest({
  name: 'jira',
  title: 'Jira Cloud',
  category: 'productivity',
  description:
    'Create and search Jira Cloud issues and comment on them, with an Atlassian account e-mail and API token.',
  docsUrl: 'https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/',
  verification: 'wire-tested',
  baseUrl: 'https://{site}.atlassian.net/rest/api/3',
  auth: {
    credentialType: 'api_key',
    fields: {
      site: {
        description: 'The site name: acme for acme.atlassian.net',
        pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
      },
      email: { description: 'The e-mail address of the Atlassian account' },
      api_token: { description: 'An API token from id.atlassian.com → Security → API tokens', secret: true },
    },
    apply: [{ in: 'basic', username: '{email}', password: '{api_token}' }],
    hint: '{"site":"acme","email":"you@acme.com","api_token":"…"}',
  },
  errors: { message: ['errorMessages.0', 'message', 'errors.summary', 'errors.project', 'errors.issuetype'] },
  actions: {
    create_issue: {
      description:
        'Create an issue; the output has its key. The description is an Atlassian Document Format object.',
      method: 'POST',
      path: '/issue',
      params: {
        project_key: {
          in: 'body',
          wire: 'fields.project.key',
          type: 'string',
          required: true,
          pattern: '^[A-Z][A-Z0-9_]{0,254}$',
          description: 'The project key, e.g. PROJ',
        },
        issue_type: {
          in: 'body',
          wire: 'fields.issuetype.name',
          type: 'string',
          required: true,
          description: 'The issue type name, e.g. Task, Bug or Story',
        },
        summary: {
          in: 'body',
          wire: 'fields.summary',
          type: 'string',
          required: true,
          maxLength: 255,
          description: 'The issue title',
        },
        description: {
          in: 'body',
          wire: 'fields.description',
          type: 'object',
          description:
            'An ADF document: {"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"…"}]}]}',
        },
        labels: {
          in: 'body',
          wire: 'fields.labels',
          type: 'array',
          items: { type: 'string', pattern: '^\\S+$' },
          description: 'Labels (no spaces)',
        },
        priority: {
          in: 'body',
          wire: 'fields.priority.name',
          type: 'string',
          description: 'A priority name, e.g. High',
        },
        assignee_account_id: {
          in: 'body',
          wire: 'fields.assignee.accountId',
          type: 'string',
          description: 'The Atlassian account ID of the assignee',
        },
        parent_key: {
          in: 'body',
          wire: 'fields.parent.key',
          type: 'string',
          description: 'The parent issue key (for subtasks or child issues)',
        },
        duedate: {
          in: 'body',
          wire: 'fields.duedate',
          type: 'string',
          format: 'date',
          description: 'Due date',
        },
      },
      output: { id: 'id', key: 'key', self: 'self' },
      summary: 'Created issue {key}',
    },
    add_comment: {
      description: 'Add a comment to an issue; the body is an Atlassian Document Format object.',
      method: 'POST',
      path: '/issue/{issue}/comment',
      params: {
        issue: issueKey,
        body: {
          in: 'body',
          wire: 'body',
          type: 'object',
          required: true,
          description: 'An ADF document, as for create_issue description',
        },
      },
      output: { id: 'id', created: 'created' },
      summary: 'Commented on the issue',
    },
    get_issue: {
      description: 'Read an issue with its fields.',
      method: 'GET',
      path: '/issue/{issue}',
      params: {
        issue: issueKey,
        fields: {
          in: 'query',
          type: 'string',
          description: 'Comma-separated fields to return, e.g. summary,status',
        },
      },
      output: { id: 'id', key: 'key', fields: 'fields' },
      summary: 'Read issue {key}',
    },
    search_issues: {
      description: 'Search issues with JQL (enhanced search); reads more pages with max_pages.',
      method: 'GET',
      path: '/search/jql',
      params: {
        jql: {
          in: 'query',
          type: 'string',
          required: true,
          description: 'A bounded JQL query, e.g. project = PROJ AND status = "To Do"',
        },
        fields: {
          in: 'query',
          type: 'string',
          description: 'Comma-separated fields per issue (default: id only), e.g. summary,status,assignee',
        },
        max_results: {
          in: 'query',
          wire: 'maxResults',
          type: 'integer',
          minimum: 1,
          maximum: 5000,
          description: 'Issues per page',
        },
      },
      pagination: { style: 'cursor', items: 'issues', next: 'nextPageToken', param: 'nextPageToken' },
    },
  },
});
