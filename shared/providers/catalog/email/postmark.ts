import { defineManifest } from '../../manifest/manifest-schema';

export const postmark = defineManifest({
  name: 'postmark',
  title: 'Postmark',
  category: 'email',
  description: 'Send transactional e-mail with a Postmark server token.',
  docsUrl: 'https://postmarkapp.com/developer/api/email-api',
  verification: 'wire-tested',
  baseUrl: 'https://api.postmarkapp.com',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'X-Postmark-Server-Token', value: '{token}' }],
    hint: 'The server API token (Servers → API Tokens)',
  },
  errors: { message: ['Message'] },
  actions: {
    send_email: {
      description: 'Send one e-mail; the output has the MessageID.',
      method: 'POST',
      path: '/email',
      params: {
        from: {
          in: 'body',
          wire: 'From',
          type: 'string',
          required: true,
          maxLength: 255,
          description: 'A confirmed sender signature',
        },
        to: {
          in: 'body',
          wire: 'To',
          type: 'string',
          required: true,
          maxLength: 2000,
          description: 'Recipients, comma-separated (at most 50)',
        },
        subject: { in: 'body', wire: 'Subject', type: 'string', maxLength: 2000 },
        text_body: { in: 'body', wire: 'TextBody', type: 'string' },
        html_body: { in: 'body', wire: 'HtmlBody', type: 'string' },
        tag: { in: 'body', wire: 'Tag', type: 'string', maxLength: 1000 },
        message_stream: {
          in: 'body',
          wire: 'MessageStream',
          type: 'string',
          description: 'Default: outbound',
        },
      },
      output: { message_id: 'MessageID', to: 'To', submitted_at: 'SubmittedAt' },
      summary: 'Sent to {To}',
    },
    send_email_with_template: {
      description: 'Send an e-mail from a Postmark template, filled with a template model.',
      method: 'POST',
      path: '/email/withTemplate',
      params: {
        from: { in: 'body', wire: 'From', type: 'string', required: true },
        to: { in: 'body', wire: 'To', type: 'string', required: true },
        template_alias: { in: 'body', wire: 'TemplateAlias', type: 'string', required: true },
        template_model: { in: 'body', wire: 'TemplateModel', type: 'object', required: true },
      },
      output: { message_id: 'MessageID', to: 'To', submitted_at: 'SubmittedAt' },
      summary: 'Sent to {To}',
    },
  },
});
