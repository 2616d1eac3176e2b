import { defineManifest } from '../../manifest/manifest-schema';

const ISSUE_CREATE = `mutation IssueCreate($input: IssueCreateInput!) {
  issueCreate(input: $input) {
    success
    issue { id identifier title url }
  }
}`;

const COMMENT_CREATE = `mutation CommentCreate($input: CommentCreateInput!) {
  commentCreate(input: $input) {
    success
    comment { id url }
  }
}`;

const TEAMS = `query Teams {
  teams { nodes { id key name } }
}`;

const uuid = { type: 'string' as const, pattern: '^[0-9a-fA-F-]{36}$' };

export const linear = defineManifest({
  name: 'linear',
  title: 'Linear',
  category: 'productivity',
  description:
    'Create Linear issues and comments and list teams through the GraphQL API with a personal API key.',
  docsUrl: 'https://linear.app/developers/graphql',
  verification: 'wire-tested',
  baseUrl: 'https://api.linear.app',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: '{token}' }],
    hint: 'A personal API key (lin_api_…) from Settings → Security & access',
  },
  errors: { errorWhenPresent: 'errors', message: ['errors.0.message'] },
  actions: {
    create_issue: {
      description: 'Create an issue in a team; the output has its identifier (ENG-123) and URL.',
      method: 'POST',
      path: '/graphql',
      params: {
        team_id: {
          ...uuid,
          in: 'body',
          wire: 'variables.input.teamId',
          required: true,
          description: 'The team ID',
        },
        title: {
          in: 'body',
          wire: 'variables.input.title',
          type: 'string',
          required: true,
          description: 'The title',
        },
        description: {
          in: 'body',
          wire: 'variables.input.description',
          type: 'string',
          description: 'The description in Markdown',
        },
        priority: {
          in: 'body',
          wire: 'variables.input.priority',
          type: 'integer',
          minimum: 0,
          maximum: 4,
          description: '0 none, 1 urgent, 2 high, 3 medium, 4 low',
        },
        assignee_id: {
          ...uuid,
          in: 'body',
          wire: 'variables.input.assigneeId',
          description: 'The assignee user ID',
        },
        state_id: {
          ...uuid,
          in: 'body',
          wire: 'variables.input.stateId',
          description: 'The workflow state ID',
        },
        project_id: { ...uuid, in: 'body', wire: 'variables.input.projectId', description: 'The project ID' },
        label_ids: {
          in: 'body',
          wire: 'variables.input.labelIds',
          type: 'array',
          items: uuid,
          description: 'Label IDs',
        },
        due_date: {
          in: 'body',
          wire: 'variables.input.dueDate',
          type: 'string',
          format: 'date',
          description: 'Due date',
        },
      },
      constants: { body: { query: ISSUE_CREATE } },
      output: {
        id: 'data.issueCreate.issue.id',
        identifier: 'data.issueCreate.issue.identifier',
        url: 'data.issueCreate.issue.url',
      },
      summary: 'Created {data.issueCreate.issue.identifier}',
    },
    add_comment: {
      description: 'Comment on an issue, in Markdown.',
      method: 'POST',
      path: '/graphql',
      params: {
        issue_id: {
          in: 'body',
          wire: 'variables.input.issueId',
          type: 'string',
          required: true,
          description: 'The issue ID or identifier (ENG-123)',
        },
        body: {
          in: 'body',
          wire: 'variables.input.body',
          type: 'string',
          required: true,
          description: 'Markdown',
        },
      },
      constants: { body: { query: COMMENT_CREATE } },
      output: { id: 'data.commentCreate.comment.id', url: 'data.commentCreate.comment.url' },
      summary: 'Commented on the issue',
    },
    list_teams: {
      description: 'List the teams of the workspace (to find a team ID).',
      method: 'POST',
      path: '/graphql',
      params: {},
      constants: { body: { query: TEAMS } },
      idempotent: true,
      output: 'data.teams.nodes',
      summary: 'Listed the teams',
    },
  },
});
