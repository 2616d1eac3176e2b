import { defineManifest } from '../../manifest/manifest-schema';

export const sendgrid = defineManifest({
  name: 'sendgrid',
  title: 'SendGrid',
  category: 'email',
  description:
    'Send e-mail through the Twilio SendGrid v3 Mail Send endpoint, inline or from a dynamic template.',
  docsUrl: 'https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send',
  verification: 'wire-tested',
  baseUrl: 'https://api.sendgrid.com/v3',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A SendGrid API key with Mail Send access (Settings → API Keys), starting with SG.',
  },
  errors: { message: ['errors.0.message', 'error', 'message'] },
  actions: {
    send_email: {
      description:
        'Send one message to one recipient with a plain-text or HTML body. SendGrid answers 202 with no body once it accepts the message.',
      method: 'POST',
      path: '/mail/send',
      params: {
        to: {
          in: 'body',
          wire: 'personalizations.0.to.0.email',
          type: 'string',
          format: 'email',
          required: true,
          description: 'Recipient address',
        },
        to_name: {
          in: 'body',
          wire: 'personalizations.0.to.0.name',
          type: 'string',
          description: 'Recipient display name',
        },
        from: {
          in: 'body',
          wire: 'from.email',
          type: 'string',
          format: 'email',
          required: true,
          description: 'A verified sender address or an address on an authenticated domain',
        },
        from_name: { in: 'body', wire: 'from.name', type: 'string', description: 'Sender display name' },
        reply_to: { in: 'body', wire: 'reply_to.email', type: 'string', format: 'email' },
        subject: { in: 'body', wire: 'subject', type: 'string', required: true, minLength: 1 },
        content_type: {
          in: 'body',
          wire: 'content.0.type',
          type: 'string',
          enum: ['text/plain', 'text/html'],
          required: true,
          description: 'The MIME type of the body',
        },
        body: { in: 'body', wire: 'content.0.value', type: 'string', required: true, minLength: 1 },
        categories: {
          in: 'body',
          type: 'array',
          items: { type: 'string', maxLength: 255 },
          maxItems: 10,
          description: 'Category names for statistics',
        },
        send_at: {
          in: 'body',
          type: 'integer',
          minimum: 0,
          description: 'Unix time to deliver at (at most 72 hours ahead)',
        },
      },
      summary: 'SendGrid accepted the message',
    },
    send_template_email: {
      description:
        'Send a dynamic template (id starting with d-) to one recipient, filling it with template data.',
      method: 'POST',
      path: '/mail/send',
      params: {
        to: {
          in: 'body',
          wire: 'personalizations.0.to.0.email',
          type: 'string',
          format: 'email',
          required: true,
        },
        from: { in: 'body', wire: 'from.email', type: 'string', format: 'email', required: true },
        from_name: { in: 'body', wire: 'from.name', type: 'string' },
        template_id: {
          in: 'body',
          type: 'string',
          pattern: '^d-[0-9a-f]{32}$',
          required: true,
          description: 'The dynamic template id (d- and 32 hex digits)',
        },
        dynamic_template_data: {
          in: 'body',
          wire: 'personalizations.0.dynamic_template_data',
          type: 'object',
          description: 'Values for the template’s Handlebars placeholders',
        },
      },
      summary: 'SendGrid accepted the message',
    },
  },
});
