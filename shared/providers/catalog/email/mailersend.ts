import { defineManifest } from '../../manifest/manifest-schema';

export const mailersend = defineManifest({
  name: 'mailersend',
  title: 'MailerSend',
  category: 'email',
  description: 'Send transactional e-mail with the MailerSend Email API, inline or from a template.',
  docsUrl: 'https://developers.mailersend.com/api/v1/email.html',
  verification: 'documented',
  baseUrl: 'https://api.mailersend.com/v1',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A MailerSend API token with Email access (Integrations → API tokens)',
  },
  errors: { message: ['message', 'error'] },
  actions: {
    send_email: {
      description:
        'Send one e-mail. MailerSend answers 202 with no body (the message id is in a response header).',
      method: 'POST',
      path: '/email',
      params: {
        from_email: {
          in: 'body',
          wire: 'from.email',
          type: 'string',
          format: 'email',
          description: 'Sender on a verified domain (optional when the template has a default sender)',
        },
        from_name: { in: 'body', wire: 'from.name', type: 'string' },
        to: {
          in: 'body',
          type: 'array',
          minItems: 1,
          maxItems: 50,
          items: {
            type: 'object',
            properties: { email: { type: 'string', format: 'email' }, name: { type: 'string' } },
            required: ['email'],
            additionalProperties: false,
          },
          required: true,
          description: 'Recipients: [{"email":"…","name":"…"}] (1 to 50)',
        },
        subject: { in: 'body', type: 'string', maxLength: 998 },
        text: { in: 'body', type: 'string' },
        html: { in: 'body', type: 'string' },
        template_id: { in: 'body', type: 'string', description: 'A template id instead of inline content' },
        personalization: {
          in: 'body',
          type: 'array',
          items: {
            type: 'object',
            properties: { email: { type: 'string', format: 'email' }, data: { type: 'object' } },
            required: ['email', 'data'],
          },
          description: 'Per-recipient template data: [{"email":"…","data":{…}}]',
        },
        tags: { in: 'body', type: 'array', items: { type: 'string' }, maxItems: 5 },
        send_at: {
          in: 'body',
          type: 'integer',
          minimum: 0,
          description: 'Unix time to send at (up to 3 days ahead)',
        },
      },
      summary: 'MailerSend accepted the e-mail',
    },
  },
});
