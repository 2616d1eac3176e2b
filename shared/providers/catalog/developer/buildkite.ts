import { defineManifest } from '../../manifest/manifest-schema';

const PIPELINE = {
  org_slug: {
    in: 'path',
    required: true,
    type: 'string',
    pattern: '^[a-z0-9][a-z0-9-]*$',
    description: 'The organization slug',
  },
  pipeline_slug: {
    in: 'path',
    required: true,
    type: 'string',
    pattern: '^[a-z0-9][a-z0-9-]*$',
    description: 'The pipeline slug',
  },
} as const;
const BUILD_NUMBER = { in: 'path', required: true, type: 'integer', minimum: 1 } as const;

export const buildkite = defineManifest({
  name: 'buildkite',
  title: 'Buildkite',
  category: 'developer',
  description: 'Create, read, list and cancel Buildkite pipeline builds with an API access token.',
  docsUrl: 'https://buildkite.com/docs/apis/rest-api/builds',
  verification: 'documented',
  baseUrl: 'https://api.buildkite.com/v2',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An API access token with read_builds / write_builds',
  },
  errors: { message: ['message'] },
  actions: {
    create_build: {
      description: 'Start a build of a pipeline for a commit and branch.',
      method: 'POST',
      path: '/organizations/{org_slug}/pipelines/{pipeline_slug}/builds',
      params: {
        ...PIPELINE,
        commit: { in: 'body', type: 'string', required: true, description: 'A SHA, ref or HEAD' },
        branch: { in: 'body', type: 'string', required: true },
        message: { in: 'body', type: 'string' },
        author_name: { in: 'body', wire: 'author.name', type: 'string' },
        author_email: { in: 'body', wire: 'author.email', type: 'string', format: 'email' },
        env: {
          in: 'body',
          type: 'object',
          additionalProperties: { type: 'string' },
          description: 'Environment variables for the build',
        },
        meta_data: { in: 'body', type: 'object', additionalProperties: { type: 'string' } },
        clean_checkout: { in: 'body', type: 'boolean' },
        ignore_pipeline_branch_filters: { in: 'body', type: 'boolean' },
      },
      output: { id: 'id', number: 'number', state: 'state', web_url: 'web_url' },
      summary: 'Build #{number} {state}',
    },
    get_build: {
      description: 'Read one build by number, with its jobs and state.',
      method: 'GET',
      path: '/organizations/{org_slug}/pipelines/{pipeline_slug}/builds/{number}',
      params: { ...PIPELINE, number: BUILD_NUMBER },
      summary: 'Build #{number} {state}',
    },
    list_builds: {
      description: "List a pipeline's builds, newest first, filtered by branch, state or commit.",
      method: 'GET',
      path: '/organizations/{org_slug}/pipelines/{pipeline_slug}/builds',
      params: {
        ...PIPELINE,
        branch: { in: 'query', type: 'string' },
        state: {
          in: 'query',
          type: 'string',
          enum: [
            'running',
            'scheduled',
            'passed',
            'failing',
            'failed',
            'blocked',
            'canceled',
            'canceling',
            'skipped',
            'not_run',
            'finished',
          ],
        },
        commit: { in: 'query', type: 'string' },
        per_page: { in: 'query', type: 'integer', minimum: 1, maximum: 100 },
      },
      pagination: { style: 'link', items: '' },
    },
    cancel_build: {
      description: 'Cancel a scheduled or running build.',
      method: 'PUT',
      path: '/organizations/{org_slug}/pipelines/{pipeline_slug}/builds/{number}/cancel',
      params: { ...PIPELINE, number: BUILD_NUMBER },
      idempotent: true,
      summary: 'Build #{number} {state}',
    },
  },
});
