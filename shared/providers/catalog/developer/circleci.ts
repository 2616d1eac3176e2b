import { defineManifest } from '../../manifest/manifest-schema';

/** A project slug `<vcs>/<org>/<repo>` as three path segments (each encoded on its own). */
const PROJECT = {
  vcs: {
    in: 'path',
    required: true,
    type: 'string',
    enum: ['gh', 'github', 'bb', 'bitbucket', 'circleci'] as string[],
    description: 'The first part of the project slug: gh, bb, or circleci for GitLab/standalone projects',
  },
  org: {
    in: 'path',
    required: true,
    type: 'string',
    minLength: 1,
    description: 'The organization part of the project slug (an org name or ID)',
  },
  repo: {
    in: 'path',
    required: true,
    type: 'string',
    minLength: 1,
    description: 'The repository or project part of the slug',
  },
} as const;

const PIPELINE_ID = {
  in: 'path',
  required: true,
  type: 'string',
  pattern: '^[0-9a-fA-F-]{36}$',
  description: 'The pipeline UUID',
} as const;

export const circleci = defineManifest({
  name: 'circleci',
  title: 'CircleCI',
  category: 'developer',
  description:
    'Trigger CircleCI pipelines and read pipelines and workflows with a personal API token (API v2).',
  docsUrl: 'https://circleci.com/docs/api/v2/index.html',
  verification: 'wire-tested',
  baseUrl: 'https://circleci.com/api/v2',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Circle-Token', value: '{token}' }],
    hint: 'A personal API token (User Settings → Personal API Tokens); project tokens do not work on v2',
  },
  errors: { message: ['message'] },
  actions: {
    trigger_pipeline: {
      description: 'Start a pipeline on a branch or tag, with optional pipeline parameters.',
      method: 'POST',
      path: '/project/{vcs}/{org}/{repo}/pipeline',
      params: {
        ...PROJECT,
        branch: { in: 'body', type: 'string', description: 'The branch to build (not with tag)' },
        tag: { in: 'body', type: 'string', description: 'The tag to build (not with branch)' },
        parameters: {
          in: 'body',
          type: 'object',
          additionalProperties: {
            anyOf: [{ type: 'string' as const }, { type: 'integer' as const }, { type: 'boolean' as const }],
          },
          description: 'Pipeline parameters declared in the config',
        },
      },
      output: { id: 'id', number: 'number', state: 'state', created_at: 'created_at' },
      summary: 'Pipeline #{number} {state}',
    },
    list_pipelines: {
      description: "List a project's recent pipelines, newest first, optionally for one branch.",
      method: 'GET',
      path: '/project/{vcs}/{org}/{repo}/pipeline',
      params: {
        ...PROJECT,
        branch: { in: 'query', type: 'string' },
      },
      pagination: { style: 'cursor', items: 'items', next: 'next_page_token', param: 'page-token' },
    },
    get_pipeline: {
      description: 'Read one pipeline by its UUID.',
      method: 'GET',
      path: '/pipeline/{pipeline_id}',
      params: { pipeline_id: PIPELINE_ID },
      summary: 'Pipeline #{number} {state}',
    },
    list_pipeline_workflows: {
      description: "List a pipeline's workflows with their status (success, failed, running…).",
      method: 'GET',
      path: '/pipeline/{pipeline_id}/workflow',
      params: { pipeline_id: PIPELINE_ID },
      pagination: { style: 'cursor', items: 'items', next: 'next_page_token', param: 'page-token' },
    },
  },
});
