import { defineManifest } from '../../manifest/manifest-schema';

export const calendly = defineManifest({
  name: 'calendly',
  title: 'Calendly',
  category: 'productivity',
  description:
    'Read the current Calendly user and list scheduled events (API v2) with a personal access token.',
  docsUrl: 'https://developer.calendly.com/api-docs/calendly-api/scheduled-events/list-scheduled-events',
  verification: 'documented',
  baseUrl: 'https://api.calendly.com',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A personal access token from Integrations & apps → API and webhooks',
  },
  errors: { message: ['message', 'title'] },
  actions: {
    get_current_user: {
      description:
        'Read the user of the token; its uri and current_organization scope list_scheduled_events.',
      method: 'GET',
      path: '/users/me',
      params: {},
      output: {
        uri: 'resource.uri',
        name: 'resource.name',
        email: 'resource.email',
        organization: 'resource.current_organization',
      },
      summary: 'Calendly user {resource.name}',
    },
    list_scheduled_events: {
      description: 'List scheduled events of a user or organization; reads more pages with max_pages.',
      method: 'GET',
      path: '/scheduled_events',
      params: {
        user: {
          in: 'query',
          type: 'string',
          format: 'uri',
          description: 'A user URI (see get_current_user)',
        },
        organization: {
          in: 'query',
          type: 'string',
          format: 'uri',
          description: 'An organization URI (admins)',
        },
        status: {
          in: 'query',
          type: 'string',
          enum: ['active', 'canceled'],
          description: 'Only this status',
        },
        min_start_time: {
          in: 'query',
          type: 'string',
          format: 'date-time',
          description: 'Events starting at or after this UTC time',
        },
        max_start_time: {
          in: 'query',
          type: 'string',
          format: 'date-time',
          description: 'Events starting before this UTC time',
        },
        invitee_email: {
          in: 'query',
          type: 'string',
          format: 'email',
          description: 'Only events with this invitee',
        },
        sort: {
          in: 'query',
          type: 'string',
          enum: ['start_time:asc', 'start_time:desc'],
          description: 'Order',
        },
        count: { in: 'query', type: 'integer', minimum: 1, maximum: 100, description: 'Events per page' },
      },
      pagination: {
        style: 'cursor',
        items: 'collection',
        next: 'pagination.next_page_token',
        param: 'page_token',
      },
    },
  },
});
