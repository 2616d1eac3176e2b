import { defineManifest } from '../../manifest/manifest-schema';

const SERVICE_ID = {
  in: 'path',
  required: true,
  type: 'string',
  pattern: '^srv-[a-z0-9]+$',
  description: 'The service ID (srv-…)',
} as const;

export const render = defineManifest({
  name: 'render',
  title: 'Render',
  category: 'developer',
  description: 'List Render services, trigger and read deploys, and restart services with an API key.',
  docsUrl: 'https://api-docs.render.com/reference/create-deploy',
  verification: 'documented',
  baseUrl: 'https://api.render.com/v1',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An API key (Account Settings → API Keys)',
  },
  errors: { message: ['message', 'id'] },
  actions: {
    list_services: {
      description: 'List services (each item has a service and a cursor; pass the last cursor to continue).',
      method: 'GET',
      path: '/services',
      params: {
        name: { in: 'query', type: 'string', description: 'Only services with this name' },
        type: {
          in: 'query',
          type: 'string',
          enum: ['static_site', 'web_service', 'private_service', 'background_worker', 'cron_job'],
        },
        limit: { in: 'query', type: 'integer', minimum: 1, maximum: 100 },
        cursor: { in: 'query', type: 'string' },
      },
    },
    trigger_deploy: {
      description: 'Deploy a service: the latest commit, a given commit, or an image.',
      method: 'POST',
      path: '/services/{service_id}/deploys',
      params: {
        service_id: SERVICE_ID,
        clear_cache: {
          in: 'body',
          wire: 'clearCache',
          type: 'string',
          enum: ['clear', 'do_not_clear'],
          description: 'clear empties the build cache first',
        },
        commit_id: { in: 'body', wire: 'commitId', type: 'string', description: 'A specific Git commit SHA' },
        image_url: {
          in: 'body',
          wire: 'imageUrl',
          type: 'string',
          description: 'Image-backed services only',
        },
      },
      output: { id: 'id', status: 'status', created_at: 'createdAt' },
      summary: 'Deploy {id}: {status}',
    },
    list_deploys: {
      description: "List a service's deploys, newest first (pass the last item's cursor to continue).",
      method: 'GET',
      path: '/services/{service_id}/deploys',
      params: {
        service_id: SERVICE_ID,
        limit: { in: 'query', type: 'integer', minimum: 1, maximum: 100 },
        cursor: { in: 'query', type: 'string' },
      },
    },
    get_deploy: {
      description: 'Read one deploy and its status.',
      method: 'GET',
      path: '/services/{service_id}/deploys/{deploy_id}',
      params: {
        service_id: SERVICE_ID,
        deploy_id: { in: 'path', required: true, type: 'string', pattern: '^dep-[a-z0-9]+$' },
      },
      summary: 'Deploy {id}: {status}',
    },
    restart_service: {
      description: 'Restart a running service without a new build.',
      method: 'POST',
      path: '/services/{service_id}/restart',
      params: { service_id: SERVICE_ID },
      summary: 'Restarted',
    },
  },
});
