import { defineManifest } from '../../manifest/manifest-schema';

const EMAIL = { in: 'body', wire: 'email_address', type: 'string', format: 'email', required: true } as const;

export const kit = defineManifest({
  name: 'kit',
  title: 'Kit (ConvertKit)',
  category: 'marketing',
  description: 'Create, list and tag subscribers and add them to forms with the Kit API v4.',
  docsUrl: 'https://developers.kit.com/api-reference/subscribers/create-a-subscriber',
  verification: 'wire-tested',
  baseUrl: 'https://api.kit.com/v4',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'X-Kit-Api-Key', value: '{token}' }],
    hint: 'A Kit v4 API key (Settings → Developer → API keys)',
  },
  errors: { message: ['errors.0', 'message', 'error'] },
  actions: {
    create_subscriber: {
      description:
        'Create a subscriber, or update the first name and fields of an existing one with the same address.',
      method: 'POST',
      path: '/subscribers',
      params: {
        email: EMAIL,
        first_name: { in: 'body', type: 'string' },
        state: {
          in: 'body',
          type: 'string',
          enum: ['active', 'bounced', 'cancelled', 'complained', 'inactive'],
          description: 'State for a new subscriber (default active)',
        },
        fields: {
          in: 'body',
          type: 'object',
          description: 'Custom field values by key, e.g. {"last_name":"Lovelace"}',
        },
      },
      output: 'subscriber',
      summary: 'Subscriber {subscriber.id}: {subscriber.email_address}',
    },
    list_subscribers: {
      description: 'List subscribers, newest first by default; follow pagination.end_cursor with after.',
      method: 'GET',
      path: '/subscribers',
      params: {
        email_address: { in: 'query', type: 'string', description: 'Only the subscriber with this address' },
        status: {
          in: 'query',
          type: 'string',
          enum: ['active', 'inactive', 'bounced', 'complained', 'cancelled', 'all'],
        },
        created_after: { in: 'query', type: 'string', format: 'date-time' },
        after: { in: 'query', type: 'string', description: 'The end_cursor of the previous page' },
        per_page: { in: 'query', type: 'integer', minimum: 1, maximum: 1000 },
      },
      output: { subscribers: 'subscribers', pagination: 'pagination' },
    },
    tag_subscriber: {
      description: 'Tag a subscriber by e-mail address (the subscriber must exist).',
      method: 'POST',
      path: '/tags/{tag_id}/subscribers',
      params: {
        tag_id: { in: 'path', type: 'integer', required: true, minimum: 1, description: 'The tag id' },
        email: EMAIL,
      },
      output: 'subscriber',
      summary: 'Tagged {subscriber.email_address}',
    },
    add_subscriber_to_form: {
      description: 'Add a subscriber to a form by e-mail address (the subscriber must exist).',
      method: 'POST',
      path: '/forms/{form_id}/subscribers',
      params: {
        form_id: { in: 'path', type: 'integer', required: true, minimum: 1, description: 'The form id' },
        email: EMAIL,
        referrer: {
          in: 'body',
          type: 'string',
          format: 'uri',
          description: 'The page the subscriber came from',
        },
      },
      output: 'subscriber',
      summary: 'Added {subscriber.email_address} to the form',
    },
  },
});
