import { defineManifest } from '../../manifest/manifest-schema';

export const campaignMonitor = defineManifest({
  name: 'campaign_monitor',
  title: 'Campaign Monitor',
  category: 'marketing',
  description: 'Add or update subscribers on a Campaign Monitor list with the API v3.3.',
  docsUrl: 'https://www.campaignmonitor.com/api/v3-3/subscribers/',
  verification: 'documented',
  baseUrl: 'https://api.createsend.com/api/v3.3',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'basic', username: '{token}', password: 'x' }],
    hint: 'A Campaign Monitor API key (Account settings → API keys)',
  },
  errors: { message: ['Message'] },
  actions: {
    add_subscriber: {
      description:
        'Add a subscriber to a list, or update the name and custom fields of an existing one; the output is the address.',
      method: 'POST',
      path: '/subscribers/{list_id}.json',
      params: {
        list_id: {
          in: 'path',
          type: 'string',
          required: true,
          pattern: '^[0-9a-f]{32}$',
          description: 'The list’s API id (32 hex digits)',
        },
        email: { in: 'body', wire: 'EmailAddress', type: 'string', format: 'email', required: true },
        name: { in: 'body', wire: 'Name', type: 'string' },
        consent_to_track: {
          in: 'body',
          wire: 'ConsentToTrack',
          type: 'string',
          enum: ['Yes', 'No', 'Unchanged'],
          required: true,
          description: 'Whether opens and clicks may be tracked',
        },
        resubscribe: { in: 'body', wire: 'Resubscribe', type: 'boolean' },
        custom_fields: {
          in: 'body',
          wire: 'CustomFields',
          type: 'array',
          items: {
            type: 'object',
            properties: { Key: { type: 'string' }, Value: { type: 'string', maxLength: 250 } },
            required: ['Key', 'Value'],
            additionalProperties: false,
          },
          description: '[{"Key":"website","Value":"https://…"}]',
        },
      },
      summary: 'Campaign Monitor accepted the subscriber',
    },
  },
});
