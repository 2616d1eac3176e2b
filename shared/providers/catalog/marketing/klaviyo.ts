import { defineManifest } from '../../manifest/manifest-schema';

/** Klaviyo versions its API by a dated revision header; this manifest was checked against this one. */
const HEADERS = { revision: '2025-01-15', accept: 'application/vnd.api+json' };

export const klaviyo = defineManifest({
  name: 'klaviyo',
  title: 'Klaviyo',
  category: 'marketing',
  description:
    'Create and list Klaviyo profiles and record events, with JSON:API bodies and a pinned revision.',
  docsUrl: 'https://developers.klaviyo.com/en/reference/api_overview',
  verification: 'wire-tested',
  baseUrl: 'https://a.klaviyo.com/api',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: 'Klaviyo-API-Key {token}' }],
    hint: 'A Klaviyo private API key (pk_…) with profiles and events scopes',
  },
  errors: { message: ['errors.0.detail', 'errors.0.title', 'message'] },
  actions: {
    create_profile: {
      description:
        'Create a profile from an e-mail, phone number or external id; fails with 409 when it already exists.',
      method: 'POST',
      path: '/profiles',
      constants: { headers: HEADERS, body: { data: { type: 'profile' } } },
      params: {
        email: { in: 'body', wire: 'data.attributes.email', type: 'string', format: 'email' },
        phone_number: {
          in: 'body',
          wire: 'data.attributes.phone_number',
          type: 'string',
          pattern: '^\\+[1-9][0-9]{6,14}$',
          description: 'E.164, e.g. +15005550006',
        },
        external_id: { in: 'body', wire: 'data.attributes.external_id', type: 'string' },
        first_name: { in: 'body', wire: 'data.attributes.first_name', type: 'string' },
        last_name: { in: 'body', wire: 'data.attributes.last_name', type: 'string' },
        organization: { in: 'body', wire: 'data.attributes.organization', type: 'string' },
        properties: {
          in: 'body',
          wire: 'data.attributes.properties',
          type: 'object',
          description: 'Custom profile properties',
        },
      },
      output: { id: 'data.id', email: 'data.attributes.email', created: 'data.attributes.created' },
      summary: 'Created profile {data.id}',
    },
    list_profiles: {
      description: 'List profiles, optionally filtered, e.g. equals(email,"ada@example.com").',
      method: 'GET',
      path: '/profiles',
      constants: { headers: HEADERS },
      params: {
        filter: { in: 'query', type: 'string', description: 'A Klaviyo filter expression' },
        page_size: { in: 'query', wire: 'page[size]', type: 'integer', minimum: 1, maximum: 100 },
        sort: { in: 'query', type: 'string', description: 'e.g. -created' },
      },
      pagination: { style: 'next_url', items: 'data', next: 'links.next' },
    },
    create_event: {
      description: 'Record an event (metric) for a profile identified by e-mail; Klaviyo answers 202.',
      method: 'POST',
      path: '/events',
      constants: {
        headers: HEADERS,
        body: {
          data: {
            type: 'event',
            attributes: {
              metric: { data: { type: 'metric' } },
              profile: { data: { type: 'profile' } },
            },
          },
        },
      },
      params: {
        metric_name: {
          in: 'body',
          wire: 'data.attributes.metric.data.attributes.name',
          type: 'string',
          required: true,
          description: 'The metric (event name), e.g. Placed Order',
        },
        email: {
          in: 'body',
          wire: 'data.attributes.profile.data.attributes.email',
          type: 'string',
          format: 'email',
          required: true,
        },
        properties: {
          in: 'body',
          wire: 'data.attributes.properties',
          type: 'object',
          required: true,
          description: 'Event properties ({} when there are none)',
        },
        value: { in: 'body', wire: 'data.attributes.value', type: 'number', description: 'Monetary value' },
        time: { in: 'body', wire: 'data.attributes.time', type: 'string', format: 'date-time' },
        unique_id: {
          in: 'body',
          wire: 'data.attributes.unique_id',
          type: 'string',
          description: 'Deduplicates events with the same id',
        },
      },
      summary: 'Klaviyo accepted the event',
    },
  },
});
