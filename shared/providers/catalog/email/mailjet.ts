import { defineManifest } from '../../manifest/manifest-schema';

export const mailjet = defineManifest({
  name: 'mailjet',
  title: 'Mailjet',
  category: 'email',
  description: 'Send transactional e-mail through Mailjet’s Send API v3.1, inline or from a stored template.',
  docsUrl: 'https://dev.mailjet.com/email/reference/send-emails/',
  verification: 'wire-tested',
  baseUrl: 'https://api.mailjet.com/v3.1',
  auth: {
    credentialType: 'api_key',
    fields: {
      api_key: { description: 'The Mailjet API key (public part)' },
      secret_key: { description: 'The Mailjet secret key', secret: true },
    },
    apply: [{ in: 'basic', username: '{api_key}', password: '{secret_key}' }],
    hint: '{"api_key":"…","secret_key":"…"} (Account settings → API key management)',
  },
  errors: {
    message: ['Messages.0.Errors.0.ErrorMessage', 'ErrorMessage', 'message'],
  },
  actions: {
    send_email: {
      description: 'Send one message to one recipient. Give text, HTML or a template id.',
      method: 'POST',
      path: '/send',
      params: {
        from_email: {
          in: 'body',
          wire: 'Messages.0.From.Email',
          type: 'string',
          format: 'email',
          required: true,
          description: 'A validated sender address',
        },
        from_name: { in: 'body', wire: 'Messages.0.From.Name', type: 'string' },
        to_email: {
          in: 'body',
          wire: 'Messages.0.To.0.Email',
          type: 'string',
          format: 'email',
          required: true,
        },
        to_name: { in: 'body', wire: 'Messages.0.To.0.Name', type: 'string' },
        subject: { in: 'body', wire: 'Messages.0.Subject', type: 'string' },
        text: { in: 'body', wire: 'Messages.0.TextPart', type: 'string' },
        html: { in: 'body', wire: 'Messages.0.HTMLPart', type: 'string' },
        template_id: {
          in: 'body',
          wire: 'Messages.0.TemplateID',
          type: 'integer',
          minimum: 1,
          description: 'A stored template’s numeric id',
        },
        template_language: {
          in: 'body',
          wire: 'Messages.0.TemplateLanguage',
          type: 'boolean',
          description: 'true: fill the template’s variables',
        },
        variables: { in: 'body', wire: 'Messages.0.Variables', type: 'object' },
        custom_id: {
          in: 'body',
          wire: 'Messages.0.CustomID',
          type: 'string',
          maxLength: 64,
          description: 'Your id for the message, returned in events',
        },
      },
      output: {
        status: 'Messages.0.Status',
        message_id: 'Messages.0.To.0.MessageID',
        message_uuid: 'Messages.0.To.0.MessageUUID',
      },
      summary: 'Mailjet: {Messages.0.Status}',
    },
  },
});
