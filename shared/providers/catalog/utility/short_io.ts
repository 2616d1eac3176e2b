import { defineManifest } from '../../manifest/manifest-schema';

export const short_io = defineManifest({
  name: 'short_io',
  title: 'Short.io',
  category: 'utility',
  description:
    'Create branded short links on your own domain and look them up with a Short.io secret API key.',
  docsUrl: 'https://developers.short.io/reference',
  verification: 'documented',
  baseUrl: 'https://api.short.io',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: '{token}' }],
    hint: 'A private (secret) API key, sk_… (Integrations & API → API)',
  },
  errors: { message: ['message', 'error'] },
  actions: {
    create_link: {
      description: 'Shorten a URL on one of your Short.io domains; the output has the short URL and link id.',
      method: 'POST',
      path: '/links',
      params: {
        original_url: { in: 'body', wire: 'originalURL', type: 'string', required: true, format: 'uri' },
        domain: {
          in: 'body',
          type: 'string',
          required: true,
          description: 'Your short domain, e.g. link.example.com',
        },
        path: { in: 'body', type: 'string', description: 'The slug (default: generated)' },
        title: { in: 'body', type: 'string' },
        tags: { in: 'body', type: 'array', items: { type: 'string' } },
        allow_duplicates: { in: 'body', wire: 'allowDuplicates', type: 'boolean' },
        expires_at: { in: 'body', wire: 'expiresAt', type: 'string', format: 'date-time' },
      },
      output: {
        id: 'idString',
        short_url: 'shortURL',
        secure_short_url: 'secureShortURL',
        original_url: 'originalURL',
      },
      summary: 'Created {shortURL}',
    },
    expand_link: {
      description: 'Find the link behind a short path on a domain.',
      method: 'GET',
      path: '/links/expand',
      params: {
        domain: { in: 'query', type: 'string', required: true },
        path: { in: 'query', type: 'string', required: true, description: 'The slug after the domain' },
      },
      output: { id: 'idString', short_url: 'shortURL', original_url: 'originalURL', title: 'title' },
      summary: '{shortURL} → {originalURL}',
    },
    delete_link: {
      description: 'Delete a link by its id.',
      method: 'DELETE',
      path: '/links/{link_id}',
      params: { link_id: { in: 'path', required: true, type: 'string', pattern: '^[A-Za-z0-9_-]+$' } },
      idempotent: true,
      summary: 'Deleted the link',
    },
  },
});
