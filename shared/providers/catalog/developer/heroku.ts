import { defineManifest } from '../../manifest/manifest-schema';

const V3 = { headers: { Accept: 'application/vnd.heroku+json; version=3' } };
const APP = {
  in: 'path',
  required: true,
  type: 'string',
  minLength: 1,
  description: 'The app name or ID',
} as const;

export const heroku = defineManifest({
  name: 'heroku',
  title: 'Heroku',
  category: 'developer',
  description:
    'List and inspect Heroku apps, restart dynos, scale process types and start builds with the Platform API.',
  docsUrl: 'https://devcenter.heroku.com/articles/platform-api-reference',
  verification: 'documented',
  baseUrl: 'https://api.heroku.com',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An API key or authorization token (heroku authorizations:create)',
  },
  errors: { message: ['message', 'id'] },
  actions: {
    list_apps: {
      description: 'List the apps the token can see (up to the first page of 200).',
      method: 'GET',
      path: '/apps',
      constants: V3,
    },
    get_app: {
      description: 'Read one app: stack, region, web URL, build stack and owner.',
      method: 'GET',
      path: '/apps/{app}',
      params: { app: APP },
      constants: V3,
      summary: '{name}: {web_url}',
    },
    restart_all_dynos: {
      description: "Restart all of an app's dynos.",
      method: 'DELETE',
      path: '/apps/{app}/dynos',
      params: { app: APP },
      constants: V3,
      idempotent: true,
      summary: 'Restarted all dynos',
    },
    restart_dyno: {
      description: 'Restart one dyno (web.1) or all dynos of a process type (web).',
      method: 'DELETE',
      path: '/apps/{app}/dynos/{dyno}',
      params: {
        app: APP,
        dyno: { in: 'path', required: true, type: 'string', minLength: 1, description: 'e.g. web.1 or web' },
      },
      constants: V3,
      idempotent: true,
      summary: 'Restarted',
    },
    scale_process: {
      description: 'Set the dyno count and/or size of one process type (web, worker…).',
      method: 'PATCH',
      path: '/apps/{app}/formation/{type}',
      params: {
        app: APP,
        type: { in: 'path', required: true, type: 'string', minLength: 1, description: 'The process type' },
        quantity: { in: 'body', type: 'integer', minimum: 0 },
        size: { in: 'body', type: 'string', description: 'e.g. basic, standard-1X, performance-m' },
      },
      constants: V3,
      idempotent: true,
      summary: '{type}: {quantity} × {size}',
    },
    create_build: {
      description: 'Build (and release) an app from a source tarball URL.',
      method: 'POST',
      path: '/apps/{app}/builds',
      params: {
        app: APP,
        source_url: {
          in: 'body',
          wire: 'source_blob.url',
          type: 'string',
          required: true,
          format: 'uri',
          description: 'A URL of a .tgz of the source',
        },
        source_version: {
          in: 'body',
          wire: 'source_blob.version',
          type: 'string',
          description: 'e.g. the commit SHA',
        },
      },
      constants: V3,
      output: { id: 'id', status: 'status', output_stream_url: 'output_stream_url' },
      summary: 'Build {id} {status}',
    },
  },
});
