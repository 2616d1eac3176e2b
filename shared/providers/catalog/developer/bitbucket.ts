import { defineManifest } from '../../manifest/manifest-schema';

const REPO = {
  workspace: {
    in: 'path',
    required: true,
    type: 'string',
    minLength: 1,
    description: 'The workspace ID or slug',
  },
  repo_slug: { in: 'path', required: true, type: 'string', minLength: 1, description: 'The repository slug' },
} as const;

export const bitbucket = defineManifest({
  name: 'bitbucket',
  title: 'Bitbucket Cloud',
  category: 'developer',
  description:
    'List and open Bitbucket Cloud pull requests, comment on them and create issues with an access token.',
  docsUrl: 'https://developer.atlassian.com/cloud/bitbucket/rest/api-group-pullrequests/',
  verification: 'documented',
  baseUrl: 'https://api.bitbucket.org/2.0',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A repository, project or workspace access token (Settings → Access tokens)',
  },
  errors: { message: ['error.message', 'error.detail'] },
  actions: {
    list_pull_requests: {
      description: "List a repository's pull requests (default OPEN), newest activity first.",
      method: 'GET',
      path: '/repositories/{workspace}/{repo_slug}/pullrequests',
      params: {
        ...REPO,
        state: { in: 'query', type: 'string', enum: ['OPEN', 'MERGED', 'DECLINED', 'SUPERSEDED'] },
        q: {
          in: 'query',
          type: 'string',
          description: 'A Bitbucket filter query, e.g. author.nickname="ada"',
        },
        sort: { in: 'query', type: 'string', description: 'e.g. -updated_on' },
        pagelen: { in: 'query', type: 'integer', minimum: 1, maximum: 50 },
      },
      pagination: { style: 'next_url', items: 'values', next: 'next' },
    },
    create_pull_request: {
      description:
        'Open a pull request from a source branch to a destination branch (default: the main branch).',
      method: 'POST',
      path: '/repositories/{workspace}/{repo_slug}/pullrequests',
      params: {
        ...REPO,
        title: { in: 'body', type: 'string', required: true, minLength: 1 },
        source_branch: { in: 'body', wire: 'source.branch.name', type: 'string', required: true },
        destination_branch: { in: 'body', wire: 'destination.branch.name', type: 'string' },
        description: { in: 'body', type: 'string', description: 'Markdown' },
        close_source_branch: { in: 'body', type: 'boolean' },
        reviewers: {
          in: 'body',
          type: 'array',
          items: {
            type: 'object',
            properties: { uuid: { type: 'string', description: '{…} account UUID' } },
            required: ['uuid'],
            additionalProperties: false,
          },
        },
      },
      output: { id: 'id', state: 'state', url: 'links.html.href', title: 'title' },
      summary: 'Opened pull request #{id}',
    },
    comment_on_pull_request: {
      description: 'Add a comment to a pull request.',
      method: 'POST',
      path: '/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments',
      params: {
        ...REPO,
        pull_request_id: { in: 'path', required: true, type: 'integer', minimum: 1 },
        body: {
          in: 'body',
          wire: 'content.raw',
          type: 'string',
          required: true,
          minLength: 1,
          description: 'Markdown',
        },
      },
      output: { id: 'id', url: 'links.html.href' },
      summary: 'Commented on the pull request',
    },
    create_issue: {
      description: "Create an issue in the repository's issue tracker (it must be enabled).",
      method: 'POST',
      path: '/repositories/{workspace}/{repo_slug}/issues',
      params: {
        ...REPO,
        title: { in: 'body', type: 'string', required: true, minLength: 1 },
        content: { in: 'body', wire: 'content.raw', type: 'string', description: 'Markdown' },
        kind: { in: 'body', type: 'string', enum: ['bug', 'enhancement', 'proposal', 'task'] },
        priority: { in: 'body', type: 'string', enum: ['trivial', 'minor', 'major', 'critical', 'blocker'] },
      },
      output: { id: 'id', state: 'state', url: 'links.html.href' },
      summary: 'Created issue #{id}',
    },
  },
});
