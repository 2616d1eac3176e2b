import { defineManifest } from '../../manifest/manifest-schema';

export const brevo = defineManifest({
  name: 'brevo',
  title: 'Brevo',
  category: 'email',
  description: 'Send transactional e-mail and manage contacts with the Brevo (formerly Sendinblue) API v3.',
  docsUrl: 'https://developers.brevo.com/reference/sendtransacemail',
  verification: 'documented',
  baseUrl: 'https://api.brevo.com/v3',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'api-key', value: '{token}' }],
    hint: 'A Brevo API v3 key (SMTP & API → API Keys)',
  },
  errors: { message: ['message', 'code'] },
  actions: {
    send_transactional_email: {
      description:
        'Send one transactional e-mail to one recipient, with inline content or a template id. The output has the messageId.',
      method: 'POST',
      path: '/smtp/email',
      params: {
        sender_email: { in: 'body', wire: 'sender.email', type: 'string', format: 'email' },
        sender_name: { in: 'body', wire: 'sender.name', type: 'string' },
        to_email: { in: 'body', wire: 'to.0.email', type: 'string', format: 'email', required: true },
        to_name: { in: 'body', wire: 'to.0.name', type: 'string' },
        subject: { in: 'body', wire: 'subject', type: 'string' },
        html_content: { in: 'body', wire: 'htmlContent', type: 'string' },
        text_content: { in: 'body', wire: 'textContent', type: 'string' },
        template_id: {
          in: 'body',
          wire: 'templateId',
          type: 'integer',
          minimum: 1,
          description: 'A template id; then sender and content come from the template',
        },
        params: { in: 'body', wire: 'params', type: 'object', description: 'Template parameters' },
        reply_to_email: { in: 'body', wire: 'replyTo.email', type: 'string', format: 'email' },
        tags: { in: 'body', wire: 'tags', type: 'array', items: { type: 'string' } },
        scheduled_at: {
          in: 'body',
          wire: 'scheduledAt',
          type: 'string',
          format: 'date-time',
          description: 'When to send (UTC date-time)',
        },
      },
      output: { message_id: 'messageId' },
      summary: 'Brevo queued {messageId}',
    },
    create_contact: {
      description:
        'Create a contact (or update it when update_enabled is true), optionally adding it to lists.',
      method: 'POST',
      path: '/contacts',
      params: {
        email: { in: 'body', type: 'string', format: 'email', required: true },
        attributes: {
          in: 'body',
          type: 'object',
          description: 'Contact attributes in capitals, e.g. {"FIRSTNAME":"Ada"}',
        },
        list_ids: { in: 'body', wire: 'listIds', type: 'array', items: { type: 'integer', minimum: 1 } },
        update_enabled: {
          in: 'body',
          wire: 'updateEnabled',
          type: 'boolean',
          description: 'Update the contact when it already exists',
        },
      },
      output: { id: 'id' },
      summary: 'Brevo contact saved',
    },
  },
});
