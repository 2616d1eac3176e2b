import { defineManifest } from '../../manifest/manifest-schema';

const V3 = { headers: { 'Travis-API-Version': '3' } };
const SLUG = {
  in: 'path',
  required: true,
  type: 'string',
  pattern: '^[^/]+/[^/]+$',
  description: 'owner/repository; the / is sent encoded as %2F, as Travis requires',
} as const;
const BUILD_ID = { in: 'path', required: true, type: 'integer', minimum: 1 } as const;

export const travis_ci = defineManifest({
  name: 'travis_ci',
  title: 'Travis CI',
  category: 'developer',
  description: 'Trigger, list, restart and cancel Travis CI builds on app.travis-ci.com through API v3.',
  docsUrl: 'https://docs.travis-ci.com/user/triggering-builds',
  verification: 'documented',
  baseUrl: 'https://api.travis-ci.com',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'token {token}' }],
    hint: 'Your API token (Settings → API authentication, or travis token --com)',
  },
  errors: { message: ['error_message', 'error_type'] },
  actions: {
    trigger_build: {
      description:
        'Request a build of a branch (latest commit or a given sha), optionally with extra config.',
      method: 'POST',
      path: '/repo/{slug}/requests',
      constants: V3,
      params: {
        slug: SLUG,
        branch: { in: 'body', wire: 'request.branch', type: 'string', required: true },
        sha: { in: 'body', wire: 'request.sha', type: 'string', pattern: '^[0-9a-f]{7,40}$' },
        message: {
          in: 'body',
          wire: 'request.message',
          type: 'string',
          description: 'Replaces the commit message',
        },
        config: {
          in: 'body',
          wire: 'request.config',
          type: 'object',
          description: 'Merged over .travis.yml, e.g. {"env":{"jobs":["TEST=unit"]}}',
        },
      },
      output: {
        request_id: 'request.id',
        remaining_requests: 'remaining_requests',
        branch: 'request.branch',
      },
      summary: 'Requested a build of {request.branch}',
    },
    list_builds: {
      description: "List a repository's builds, newest first, optionally for a branch or state.",
      method: 'GET',
      path: '/repo/{slug}/builds',
      constants: V3,
      params: {
        slug: SLUG,
        branch: { in: 'query', wire: 'branch.name', type: 'string' },
        state: {
          in: 'query',
          wire: 'build.state',
          type: 'string',
          description: 'Comma-separated: created, started, passed, failed, errored, canceled',
        },
        sort_by: { in: 'query', type: 'string', description: 'e.g. id:desc, started_at' },
      },
      pagination: { style: 'offset', items: 'builds', param: 'offset', sizeParam: 'limit', size: 100 },
    },
    restart_build: {
      description: 'Restart a build.',
      method: 'POST',
      path: '/build/{build_id}/restart',
      constants: V3,
      params: { build_id: BUILD_ID },
      output: { id: 'build.id', state: 'build.state' },
      summary: 'Restarting build {build.id}',
    },
    cancel_build: {
      description: 'Cancel a running build.',
      method: 'POST',
      path: '/build/{build_id}/cancel',
      constants: V3,
      params: { build_id: BUILD_ID },
      idempotent: true,
      output: { id: 'build.id', state: 'build.state' },
      summary: 'Canceling build {build.id}',
    },
  },
});
