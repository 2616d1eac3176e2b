import { defineManifest } from '../../manifest/manifest-schema';

const DROPLET_ID = { in: 'path', required: true, type: 'integer', minimum: 1 } as const;

export const digitalocean = defineManifest({
  name: 'digitalocean',
  title: 'DigitalOcean',
  category: 'developer',
  description: 'List, read, create and power-cycle DigitalOcean Droplets with a personal access token.',
  docsUrl: 'https://docs.digitalocean.com/reference/api/digitalocean/#tag/Droplets',
  verification: 'documented',
  baseUrl: 'https://api.digitalocean.com/v2',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A personal access token (API → Tokens) with droplet scopes',
  },
  errors: { message: ['message', 'id'] },
  actions: {
    list_droplets: {
      description: 'List Droplets, optionally only those with a tag.',
      method: 'GET',
      path: '/droplets',
      params: {
        tag_name: { in: 'query', type: 'string' },
        name: { in: 'query', type: 'string', description: 'Only the Droplet with this exact name' },
        per_page: { in: 'query', type: 'integer', minimum: 1, maximum: 200 },
      },
      pagination: { style: 'next_url', items: 'droplets', next: 'links.pages.next' },
    },
    get_droplet: {
      description: 'Read one Droplet: status, size, region, networks.',
      method: 'GET',
      path: '/droplets/{droplet_id}',
      params: { droplet_id: DROPLET_ID },
      output: 'droplet',
      summary: '{droplet.name}: {droplet.status}',
    },
    create_droplet: {
      description: 'Create a Droplet from an image, in a region and size.',
      method: 'POST',
      path: '/droplets',
      params: {
        name: {
          in: 'body',
          type: 'string',
          required: true,
          pattern: '^[a-zA-Z0-9.-]{1,255}$',
          description: 'The host name',
        },
        region: { in: 'body', type: 'string', description: 'A region slug, e.g. nyc3' },
        size: { in: 'body', type: 'string', required: true, description: 'A size slug, e.g. s-1vcpu-1gb' },
        image: {
          in: 'body',
          type: 'string',
          required: true,
          description: 'An image slug (ubuntu-24-04-x64) or image ID',
        },
        ssh_keys: {
          in: 'body',
          type: 'array',
          items: { type: 'string' },
          description: 'SSH key IDs or fingerprints',
        },
        tags: { in: 'body', type: 'array', items: { type: 'string' } },
        user_data: { in: 'body', type: 'string', maxLength: 65536, description: 'cloud-init data' },
        vpc_uuid: { in: 'body', type: 'string' },
        monitoring: { in: 'body', type: 'boolean' },
        backups: { in: 'body', type: 'boolean' },
      },
      output: 'droplet',
      summary: 'Created Droplet {droplet.id} ({droplet.status})',
    },
    droplet_action: {
      description: 'Reboot, power on/off, shut down or power-cycle a Droplet.',
      method: 'POST',
      path: '/droplets/{droplet_id}/actions',
      params: {
        droplet_id: DROPLET_ID,
        type: {
          in: 'body',
          type: 'string',
          required: true,
          enum: [
            'reboot',
            'power_cycle',
            'shutdown',
            'power_off',
            'power_on',
            'enable_backups',
            'disable_backups',
            'enable_ipv6',
            'snapshot',
          ],
        },
        name: { in: 'body', type: 'string', description: 'The snapshot name (snapshot only)' },
      },
      output: 'action',
      summary: 'Action {action.type}: {action.status}',
    },
  },
});
