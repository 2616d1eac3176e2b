import { defineManifest } from '../../manifest/manifest-schema';

const WORKSPACE = {
  in: 'header',
  wire: 'workspace',
  type: 'string',
  description: 'A workspace ID; default the main workspace',
} as const;
const LINK_ID = { in: 'path', required: true, type: 'string', pattern: '^[A-Za-z0-9]+$' } as const;

export const rebrandly = defineManifest({
  name: 'rebrandly',
  title: 'Rebrandly',
  category: 'utility',
  description: 'Create, read, list and delete branded short links with a Rebrandly API key.',
  docsUrl: 'https://developers.rebrandly.com/docs/create-a-new-link',
  verification: 'documented',
  baseUrl: 'https://api.rebrandly.com/v1',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'apikey', value: '{token}' }],
    hint: 'An API key (Account settings → API keys)',
  },
  errors: { message: ['message', 'code'] },
  actions: {
    create_link: {
      description: 'Create a branded short link to a destination URL.',
      method: 'POST',
      path: '/links',
      params: {
        destination: { in: 'body', type: 'string', required: true, format: 'uri', maxLength: 2048 },
        slashtag: {
          in: 'body',
          type: 'string',
          pattern: '^[A-Za-z0-9_-]{1,40}$',
          description: 'The part after the domain (default: generated)',
        },
        title: { in: 'body', type: 'string', minLength: 3, maxLength: 255 },
        domain_id: { in: 'body', wire: 'domain.id', type: 'string', description: 'A branded domain ID' },
        domain_name: {
          in: 'body',
          wire: 'domain.fullName',
          type: 'string',
          description: 'Or the branded domain name (default rebrand.ly)',
        },
        description: { in: 'body', type: 'string', minLength: 3, maxLength: 2000 },
        workspace: WORKSPACE,
      },
      output: { id: 'id', short_url: 'shortUrl', destination: 'destination', slashtag: 'slashtag' },
      summary: 'Created {shortUrl}',
    },
    get_link: {
      description: 'Read one link, with its click count.',
      method: 'GET',
      path: '/links/{link_id}',
      params: { link_id: LINK_ID, workspace: WORKSPACE },
      summary: '{shortUrl} → {destination}',
    },
    list_links: {
      description: 'List links, newest first; pass the last link id as last to continue.',
      method: 'GET',
      path: '/links',
      params: {
        domain_id: { in: 'query', wire: 'domain.id', type: 'string' },
        order_by: {
          in: 'query',
          wire: 'orderBy',
          type: 'string',
          enum: ['createdAt', 'updatedAt', 'title', 'slashtag'],
        },
        order_dir: { in: 'query', wire: 'orderDir', type: 'string', enum: ['asc', 'desc'] },
        limit: { in: 'query', type: 'integer', minimum: 1, maximum: 25 },
        last: { in: 'query', type: 'string', description: 'The id of the last link of the previous page' },
        workspace: WORKSPACE,
      },
    },
    delete_link: {
      description: 'Delete a link.',
      method: 'DELETE',
      path: '/links/{link_id}',
      params: { link_id: LINK_ID, workspace: WORKSPACE },
      idempotent: true,
      summary: 'Deleted {shortUrl}',
    },
  },
});
