import { defineManifest } from '../../manifest/manifest-schema';

const IDENTIFIER = {
  in: 'path',
  type: 'string',
  required: true,
  minLength: 1,
  maxLength: 150,
  description: 'The person’s id (or e-mail address, when the workspace identifies people by e-mail)',
} as const;

export const customerio = defineManifest({
  name: 'customerio',
  title: 'Customer.io (Track API)',
  category: 'marketing',
  description: 'Identify people and track their events in Customer.io with the Track API (US or EU).',
  docsUrl: 'https://docs.customer.io/integrations/api/track/',
  verification: 'documented',
  baseUrl: 'https://{track_host}/api/v1',
  auth: {
    credentialType: 'api_key',
    fields: {
      track_host: {
        description: 'track.customer.io (US) or track-eu.customer.io (EU)',
        enum: ['track.customer.io', 'track-eu.customer.io'],
        default: 'track.customer.io',
      },
      site_id: { description: 'The workspace Site ID (Settings → API Credentials)' },
      api_key: { description: 'The Track API key paired with the Site ID', secret: true },
    },
    apply: [{ in: 'basic', username: '{site_id}', password: '{api_key}' }],
    hint: '{"site_id":"…","api_key":"…","track_host":"track-eu.customer.io"} (host defaults to US)',
  },
  errors: { message: ['meta.error', 'meta.errors.0', 'errors.0.message', 'message'] },
  actions: {
    identify: {
      description: 'Create or update a person with an e-mail address and a few attributes.',
      method: 'PUT',
      path: '/customers/{identifier}',
      params: {
        identifier: IDENTIFIER,
        email: { in: 'body', type: 'string', format: 'email' },
        created_at: {
          in: 'body',
          type: 'integer',
          minimum: 0,
          description: 'Unix time the person signed up',
        },
        first_name: { in: 'body', type: 'string' },
        last_name: { in: 'body', type: 'string' },
        unsubscribed: { in: 'body', type: 'boolean', description: 'true: no marketing messages' },
      },
      summary: 'Identified the person',
    },
    track_event: {
      description: 'Record an event for a person, which can trigger campaigns.',
      method: 'POST',
      path: '/customers/{identifier}/events',
      params: {
        identifier: IDENTIFIER,
        name: { in: 'body', type: 'string', required: true, minLength: 1, maxLength: 100 },
        data: { in: 'body', type: 'object', description: 'Event properties' },
        timestamp: {
          in: 'body',
          type: 'integer',
          minimum: 0,
          description: 'Unix time of the event (default now)',
        },
        id: {
          in: 'body',
          type: 'string',
          pattern: '^[0-9A-HJKMNP-TV-Z]{26}$',
          description: 'A ULID that deduplicates the event',
        },
      },
      summary: 'Tracked the event',
    },
  },
});
