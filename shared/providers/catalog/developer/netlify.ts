import { defineManifest } from '../../manifest/manifest-schema';

const SITE_ID = {
  in: 'path',
  required: true,
  type: 'string',
  minLength: 1,
  description: 'The site ID (Site configuration → Site details) or its domain',
} as const;

export const netlify = defineManifest({
  name: 'netlify',
  title: 'Netlify',
  category: 'developer',
  description: 'Trigger Netlify site builds and list, read and restore deploys with a personal access token.',
  docsUrl: 'https://open-api.netlify.com/',
  verification: 'documented',
  baseUrl: 'https://api.netlify.com/api/v1',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A personal access token (User settings → Applications)',
  },
  errors: { message: ['message', 'error'] },
  actions: {
    list_sites: {
      description: 'List the sites the token can see.',
      method: 'GET',
      path: '/sites',
      params: {
        name: { in: 'query', type: 'string', description: 'Only sites whose name contains this' },
        filter: { in: 'query', type: 'string', enum: ['all', 'owner', 'guest'] },
      },
      pagination: { style: 'page', items: '', param: 'page', sizeParam: 'per_page', size: 100 },
    },
    trigger_build: {
      description: 'Start a new build (and deploy) of a site from its linked repository.',
      method: 'POST',
      path: '/sites/{site_id}/builds',
      params: {
        site_id: SITE_ID,
        clear_cache: { in: 'body', type: 'boolean', description: 'Clear the build cache first' },
      },
      output: { id: 'id', deploy_id: 'deploy_id', done: 'done', created_at: 'created_at' },
      summary: 'Build {id} started (deploy {deploy_id})',
    },
    list_deploys: {
      description: "List a site's deploys, newest first.",
      method: 'GET',
      path: '/sites/{site_id}/deploys',
      params: { site_id: SITE_ID },
      pagination: { style: 'page', items: '', param: 'page', sizeParam: 'per_page', size: 100 },
    },
    get_deploy: {
      description: 'Read one deploy: state, URLs, branch, commit and errors.',
      method: 'GET',
      path: '/deploys/{deploy_id}',
      params: { deploy_id: { in: 'path', required: true, type: 'string', minLength: 1 } },
      summary: 'Deploy {id}: {state}',
    },
    restore_deploy: {
      description: 'Publish an earlier deploy of a site again (roll back to it).',
      method: 'POST',
      path: '/sites/{site_id}/deploys/{deploy_id}/restore',
      params: {
        site_id: SITE_ID,
        deploy_id: { in: 'path', required: true, type: 'string', minLength: 1 },
      },
      idempotent: true,
      summary: 'Published deploy {id}',
    },
  },
});
