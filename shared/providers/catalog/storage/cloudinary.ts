import { defineManifest } from '../../manifest/manifest-schema';

const resourceType = {
  in: 'path' as const,
  type: 'string' as const,
  required: true as const,
  enum: ['image', 'video', 'raw'],
  description: 'image, video (also audio) or raw',
};

export const cloudinary = defineManifest({
  name: 'cloudinary',
  title: 'Cloudinary',
  category: 'storage',
  description:
    'List, search, read and delete media assets of a Cloudinary product environment, and read its usage (Admin API).',
  docsUrl: 'https://cloudinary.com/documentation/admin_api',
  verification: 'documented',
  baseUrl: 'https://api.cloudinary.com/v1_1/{cloud_name}',
  auth: {
    credentialType: 'api_key',
    fields: {
      cloud_name: {
        description: 'The cloud name of the product environment',
        pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$',
      },
      api_key: { description: 'The API key (Settings → API Keys)' },
      api_secret: { description: 'The API secret of that key', secret: true },
    },
    apply: [{ in: 'basic', username: '{api_key}', password: '{api_secret}' }],
    hint: '{"cloud_name":"demo","api_key":"123456789012345","api_secret":"…"}',
  },
  actions: {
    list_resources: {
      description: 'List the assets of one type, optionally by public-id prefix, page by page.',
      method: 'GET',
      path: '/resources/{resource_type}',
      params: {
        resource_type: resourceType,
        prefix: { in: 'query', type: 'string', description: 'Only public ids starting with this' },
        max_results: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 500,
          description: 'Assets per page (default 10)',
        },
        tags: { in: 'query', type: 'boolean', description: 'Include the tags of each asset' },
      },
      pagination: { style: 'cursor', items: 'resources', next: 'next_cursor', param: 'next_cursor' },
    },
    search: {
      description: 'Search assets with a search expression, e.g. resource_type:image AND tags=kitten.',
      method: 'POST',
      path: '/resources/search',
      params: {
        expression: { in: 'body', type: 'string', description: 'A search expression (empty: every asset)' },
        sort_by: {
          in: 'body',
          type: 'array',
          items: { type: 'object' },
          description: 'e.g. [{"created_at": "desc"}]',
        },
        max_results: { in: 'body', type: 'integer', minimum: 1, maximum: 500 },
        with_field: {
          in: 'body',
          type: 'array',
          items: { type: 'string' },
          description: 'Extra fields, e.g. ["tags", "context"]',
        },
      },
      pagination: {
        style: 'cursor',
        items: 'resources',
        next: 'next_cursor',
        param: 'next_cursor',
        in: 'body',
      },
      idempotent: true,
    },
    get_resource: {
      description: 'Read the details of one asset by its asset id.',
      method: 'GET',
      path: '/resources/{asset_id}',
      params: {
        asset_id: {
          in: 'path',
          type: 'string',
          required: true,
          pattern: '^[a-f0-9]{32}$',
          description: 'The immutable asset id',
        },
      },
    },
    delete_resources: {
      description: 'Delete assets by public id (up to 100 per call).',
      method: 'DELETE',
      path: '/resources/{resource_type}/{delivery_type}',
      params: {
        resource_type: resourceType,
        delivery_type: {
          in: 'path',
          type: 'string',
          required: true,
          enum: ['upload', 'private', 'authenticated', 'fetch'],
          description: 'The delivery type (usually upload)',
        },
        public_ids: {
          in: 'query',
          wire: 'public_ids[]',
          type: 'array',
          required: true,
          minItems: 1,
          maxItems: 100,
          items: { type: 'string', minLength: 1 },
        },
      },
      output: { deleted: 'deleted' },
      idempotent: true,
    },
    get_usage: {
      description:
        'Read the usage of the product environment (storage, bandwidth, transformations, credits).',
      method: 'GET',
      path: '/usage',
    },
  },
});
