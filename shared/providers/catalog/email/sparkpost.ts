import { defineManifest } from '../../manifest/manifest-schema';

export const sparkpost = defineManifest({
  name: 'sparkpost',
  title: 'SparkPost',
  category: 'email',
  description:
    'Send e-mail with SparkPost transmissions (US or EU account), inline or from a stored template.',
  docsUrl: 'https://developers.sparkpost.com/api/transmissions/',
  verification: 'documented',
  baseUrl: 'https://{host}/api/v1',
  auth: {
    credentialType: 'api_key',
    fields: {
      host: {
        description: 'The API host of the account: api.sparkpost.com (US) or api.eu.sparkpost.com (EU)',
        enum: ['api.sparkpost.com', 'api.eu.sparkpost.com'],
        default: 'api.sparkpost.com',
      },
      api_key: { description: 'A SparkPost API key with Transmissions: Read/Write', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: '{api_key}' }],
    hint: '{"api_key":"…","host":"api.eu.sparkpost.com"} (host defaults to api.sparkpost.com)',
  },
  errors: { message: ['errors.0.message', 'errors.0.description', 'message'] },
  actions: {
    send_transmission: {
      description:
        'Create a transmission to one recipient with inline content or a stored template; the output has the transmission id.',
      method: 'POST',
      path: '/transmissions',
      params: {
        to: {
          in: 'body',
          wire: 'recipients.0.address.email',
          type: 'string',
          format: 'email',
          required: true,
        },
        to_name: { in: 'body', wire: 'recipients.0.address.name', type: 'string' },
        from_email: {
          in: 'body',
          wire: 'content.from.email',
          type: 'string',
          description: 'Sender on a verified sending domain (required without a template)',
        },
        from_name: { in: 'body', wire: 'content.from.name', type: 'string' },
        subject: { in: 'body', wire: 'content.subject', type: 'string' },
        text: { in: 'body', wire: 'content.text', type: 'string' },
        html: { in: 'body', wire: 'content.html', type: 'string' },
        reply_to: { in: 'body', wire: 'content.reply_to', type: 'string' },
        template_id: {
          in: 'body',
          wire: 'content.template_id',
          type: 'string',
          maxLength: 64,
          description: 'A stored template id instead of inline content',
        },
        substitution_data: { in: 'body', type: 'object', description: 'Values for {{placeholders}}' },
        campaign_id: { in: 'body', type: 'string', maxLength: 64 },
        sandbox: {
          in: 'body',
          wire: 'options.sandbox',
          type: 'boolean',
          description: 'Send from the sandbox domain (a few test messages only)',
        },
      },
      output: {
        id: 'results.id',
        accepted: 'results.total_accepted_recipients',
        rejected: 'results.total_rejected_recipients',
      },
      summary: 'SparkPost transmission {results.id}: {results.total_accepted_recipients} accepted',
    },
  },
});
