import { defineManifest } from '../../manifest/manifest-schema';

export const elasticEmail = defineManifest({
  name: 'elastic_email',
  title: 'Elastic Email',
  category: 'email',
  description: 'Send transactional e-mail through the Elastic Email REST API v4.',
  docsUrl: 'https://elasticemail.com/developers/api-documentation/rest-api#operation/emailsTransactionalPost',
  verification: 'documented',
  baseUrl: 'https://api.elasticemail.com/v4',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'X-ElasticEmail-ApiKey', value: '{token}' }],
    hint: 'An Elastic Email API key (Settings → Manage API Keys) with send access',
  },
  errors: { message: ['Error', 'error', 'message'] },
  actions: {
    send_transactional_email: {
      description:
        'Send one transactional message to a list of recipients (all visible to each other); the output has the transaction and message ids.',
      method: 'POST',
      path: '/emails/transactional',
      params: {
        to: {
          in: 'body',
          wire: 'Recipients.To',
          type: 'array',
          items: { type: 'string' },
          minItems: 1,
          required: true,
          description: 'Recipient addresses',
        },
        cc: { in: 'body', wire: 'Recipients.CC', type: 'array', items: { type: 'string' } },
        bcc: { in: 'body', wire: 'Recipients.BCC', type: 'array', items: { type: 'string' } },
        from: {
          in: 'body',
          wire: 'Content.From',
          type: 'string',
          required: true,
          description: 'Sender on a verified domain, e.g. "Acme <hi@acme.com>"',
        },
        subject: { in: 'body', wire: 'Content.Subject', type: 'string' },
        body_content_type: {
          in: 'body',
          wire: 'Content.Body.0.ContentType',
          type: 'string',
          enum: ['HTML', 'PlainText', 'AMP'],
          description: 'The type of body (default HTML)',
        },
        body: { in: 'body', wire: 'Content.Body.0.Content', type: 'string', description: 'The message body' },
        template_name: {
          in: 'body',
          wire: 'Content.TemplateName',
          type: 'string',
          description: 'A stored template instead of a body',
        },
        merge: {
          in: 'body',
          wire: 'Content.Merge',
          type: 'object',
          description: 'Merge fields for the template',
        },
        reply_to: { in: 'body', wire: 'Content.ReplyTo', type: 'string' },
      },
      output: { transaction_id: 'TransactionID', message_id: 'MessageID' },
      summary: 'Elastic Email sent transaction {TransactionID}',
    },
  },
});
