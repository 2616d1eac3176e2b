import { defineManifest } from '../../manifest/manifest-schema';

const TEAM_ID = {
  in: 'query',
  wire: 'teamId',
  type: 'string',
  description: 'Act on behalf of this team (its ID); omit for the personal account',
} as const;

export const vercel = defineManifest({
  name: 'vercel',
  title: 'Vercel',
  category: 'developer',
  description:
    'List, inspect and cancel Vercel deployments with an access token, for a personal account or a team.',
  docsUrl: 'https://vercel.com/docs/rest-api/reference/endpoints/deployments/list-deployments',
  verification: 'documented',
  baseUrl: 'https://api.vercel.com',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An access token (Account Settings → Tokens), scoped to the team you act on',
  },
  actions: {
    list_deployments: {
      description: 'List deployments, newest first, optionally for one project, target or state.',
      method: 'GET',
      path: '/v6/deployments',
      params: {
        team_id: TEAM_ID,
        project_id: { in: 'query', wire: 'projectId', type: 'string', description: 'Only this project' },
        target: { in: 'query', type: 'string', enum: ['production', 'preview'] },
        state: {
          in: 'query',
          type: 'string',
          description: 'Comma-separated: BUILDING, ERROR, INITIALIZING, QUEUED, READY, CANCELED',
        },
        limit: { in: 'query', type: 'integer', minimum: 1, maximum: 100 },
      },
      pagination: { style: 'cursor', items: 'deployments', next: 'pagination.next', param: 'until' },
    },
    get_deployment: {
      description: 'Read one deployment by its ID or URL (state, URL, creator, meta).',
      method: 'GET',
      path: '/v13/deployments/{id_or_url}',
      params: {
        id_or_url: {
          in: 'path',
          required: true,
          type: 'string',
          minLength: 1,
          description: 'A deployment ID (dpl_…) or its hostname',
        },
        team_id: TEAM_ID,
      },
      summary: 'Deployment {id}: {readyState}',
    },
    cancel_deployment: {
      description: 'Cancel a deployment that is still building.',
      method: 'PATCH',
      path: '/v12/deployments/{deployment_id}/cancel',
      params: {
        deployment_id: { in: 'path', required: true, type: 'string', minLength: 1 },
        team_id: TEAM_ID,
      },
      idempotent: true,
      summary: 'Deployment {id}: {readyState}',
    },
  },
});
