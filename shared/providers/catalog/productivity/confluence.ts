import { defineManifest } from '../../manifest/manifest-schema';

export const confluence = defineManifest({
  name: 'confluence',
  title: 'Confluence Cloud',
  category: 'productivity',
  description:
    'Create and read Confluence Cloud pages (REST API v2) with an Atlassian account e-mail and API token.',
  docsUrl: 'https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-page/',
  verification: 'documented',
  baseUrl: 'https://{site}.atlassian.net/wiki/api/v2',
  auth: {
    credentialType: 'api_key',
    fields: {
      site: {
        description: 'The site name: acme for acme.atlassian.net',
        pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
      },
      email: { description: 'The e-mail address of the Atlassian account' },
      api_token: { description: 'An API token from id.atlassian.com → Security → API tokens', secret: true },
    },
    apply: [{ in: 'basic', username: '{email}', password: '{api_token}' }],
    hint: '{"site":"acme","email":"you@acme.com","api_token":"…"}',
  },
  errors: { message: ['errors.0.title', 'errors.0.detail', 'message'] },
  actions: {
    create_page: {
      description: 'Create a page in a space, in storage format (XHTML); the output has its ID and web link.',
      method: 'POST',
      path: '/pages',
      params: {
        space_id: {
          in: 'body',
          wire: 'spaceId',
          type: 'string',
          required: true,
          pattern: '^[0-9]+$',
          description: 'The numeric space ID (not the space key)',
        },
        title: { in: 'body', type: 'string', required: true, maxLength: 255, description: 'The page title' },
        body: {
          in: 'body',
          wire: 'body.value',
          type: 'string',
          required: true,
          description: 'The page content in storage format, e.g. <p>Hello</p>',
        },
        parent_id: {
          in: 'body',
          wire: 'parentId',
          type: 'string',
          pattern: '^[0-9]+$',
          description: 'The parent page ID',
        },
        status: {
          in: 'body',
          type: 'string',
          enum: ['current', 'draft'],
          description: 'current publishes the page (default), draft keeps it a draft',
        },
      },
      constants: { body: { body: { representation: 'storage' } } },
      output: { id: 'id', title: 'title', status: 'status', webui: '_links.webui' },
      summary: 'Created page {title}',
    },
    get_page: {
      description: 'Read a page, optionally with its body in storage format.',
      method: 'GET',
      path: '/pages/{page_id}',
      params: {
        page_id: {
          in: 'path',
          type: 'string',
          required: true,
          pattern: '^[0-9]+$',
          description: 'The page ID',
        },
        body_format: {
          in: 'query',
          wire: 'body-format',
          type: 'string',
          enum: ['storage', 'atlas_doc_format', 'view'],
          description: 'Include the body in this format',
        },
      },
      output: { id: 'id', title: 'title', space_id: 'spaceId', version: 'version.number', body: 'body' },
      summary: 'Read page {title}',
    },
  },
});
