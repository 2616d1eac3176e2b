import { defineManifest } from '../../manifest/manifest-schema';

export const omnisend = defineManifest({
  name: 'omnisend',
  title: 'Omnisend',
  category: 'marketing',
  description: 'Create or update Omnisend contacts identified by e-mail with the Contacts API v5.',
  docsUrl: 'https://api-docs.omnisend.com/docs/how-to-sync-contacts',
  verification: 'documented',
  baseUrl: 'https://api.omnisend.com/v5',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'X-API-KEY', value: '{token}' }],
    hint: 'An Omnisend API key (Store settings → Integrations & API → API keys)',
  },
  errors: { message: ['error', 'message'] },
  actions: {
    create_contact: {
      description:
        'Create a contact with an e-mail identifier and its e-mail channel status; the output has its id.',
      method: 'POST',
      path: '/contacts',
      constants: { body: { identifiers: [{ type: 'email' }] } },
      params: {
        email: { in: 'body', wire: 'identifiers.0.id', type: 'string', format: 'email', required: true },
        status: {
          in: 'body',
          wire: 'identifiers.0.channels.email.status',
          type: 'string',
          enum: ['subscribed', 'nonSubscribed', 'unsubscribed'],
          required: true,
        },
        status_date: {
          in: 'body',
          wire: 'identifiers.0.channels.email.statusDate',
          type: 'string',
          format: 'date-time',
          required: true,
          description: 'When the status was set (ISO 8601)',
        },
        send_welcome_message: { in: 'body', wire: 'identifiers.0.sendWelcomeMessage', type: 'boolean' },
        first_name: { in: 'body', wire: 'firstName', type: 'string' },
        last_name: { in: 'body', wire: 'lastName', type: 'string' },
        tags: {
          in: 'body',
          type: 'array',
          items: { type: 'string' },
          description: 'e.g. ["source: website"]',
        },
        country_code: { in: 'body', wire: 'countryCode', type: 'string', minLength: 2, maxLength: 2 },
        custom_properties: { in: 'body', wire: 'customProperties', type: 'object' },
      },
      output: { contact_id: 'contactID' },
      summary: 'Omnisend contact {contactID}',
    },
  },
});
