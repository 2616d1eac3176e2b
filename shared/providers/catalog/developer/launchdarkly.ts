import { defineManifest } from '../../manifest/manifest-schema';

const FLAG = {
  project_key: {
    in: 'path',
    required: true,
    type: 'string',
    minLength: 1,
    description: 'The project key, e.g. default',
  },
  flag_key: { in: 'path', required: true, type: 'string', minLength: 1, description: 'The feature flag key' },
} as const;

export const launchdarkly = defineManifest({
  name: 'launchdarkly',
  title: 'LaunchDarkly',
  category: 'developer',
  description:
    'List and read LaunchDarkly feature flags and change them (toggle, retarget) with JSON Patch and an access token.',
  docsUrl: 'https://launchdarkly.com/docs/api/feature-flags/patch-feature-flag',
  verification: 'documented',
  baseUrl: 'https://app.launchdarkly.com/api/v2',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: '{token}' }],
    hint: 'A personal or service access token (api-…), not an SDK key',
  },
  errors: { message: ['message', 'code'] },
  actions: {
    list_flags: {
      description: 'List the feature flags of a project, optionally with one environment’s settings.',
      method: 'GET',
      path: '/flags/{project_key}',
      params: {
        project_key: FLAG.project_key,
        env: { in: 'query', type: 'string', description: 'Only include this environment key' },
        filter: { in: 'query', type: 'string', description: 'e.g. query:checkout,tags:web' },
        summary: { in: 'query', type: 'boolean' },
        limit: { in: 'query', type: 'integer', minimum: 1, maximum: 100 },
        offset: { in: 'query', type: 'integer', minimum: 0 },
      },
      output: { items: 'items', total_count: 'totalCount' },
      summary: '{totalCount} flags',
    },
    get_flag: {
      description: 'Read one feature flag with its variations and per-environment state.',
      method: 'GET',
      path: '/flags/{project_key}/{flag_key}',
      params: { ...FLAG, env: { in: 'query', type: 'string', description: 'Only include this environment' } },
      summary: 'Flag {key}',
    },
    update_flag: {
      description:
        'Change a flag with JSON Patch operations, e.g. [{"op":"replace","path":"/environments/production/on","value":true}] turns it on in production.',
      method: 'PATCH',
      path: '/flags/{project_key}/{flag_key}',
      params: {
        ...FLAG,
        patch: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              op: { type: 'string', enum: ['add', 'remove', 'replace', 'move', 'copy', 'test'] },
              path: {
                type: 'string',
                description: 'A JSON Pointer into the flag, e.g. /environments/production/on',
              },
              value: { description: 'The new value (add, replace, test)' },
              from: { type: 'string' },
            },
            required: ['op', 'path'],
            additionalProperties: false,
          },
        },
        comment: { in: 'body', type: 'string', description: 'Why, shown in the audit log' },
      },
      summary: 'Updated flag {key}',
    },
  },
});
