import { defineManifest } from '../../manifest/manifest-schema';

export const mandrill = defineManifest({
  name: 'mandrill',
  title: 'Mailchimp Transactional (Mandrill)',
  category: 'email',
  description:
    'Send transactional e-mail through Mailchimp Transactional (Mandrill); the API key travels in the JSON body.',
  docsUrl: 'https://mandrillapp.com/api/docs/messages.html',
  verification: 'documented',
  baseUrl: 'https://mandrillapp.com/api/1.0',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'body', path: 'key', value: '{token}' }],
    hint: 'A Mailchimp Transactional (Mandrill) API key',
  },
  errors: { message: ['message', 'name'] },
  actions: {
    send_message: {
      description:
        'Send one message to a list of recipients; the output lists each recipient’s status (sent, queued, rejected…).',
      method: 'POST',
      path: '/messages/send.json',
      params: {
        from_email: {
          in: 'body',
          wire: 'message.from_email',
          type: 'string',
          format: 'email',
          required: true,
        },
        from_name: { in: 'body', wire: 'message.from_name', type: 'string' },
        to: {
          in: 'body',
          wire: 'message.to',
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              email: { type: 'string', format: 'email' },
              name: { type: 'string' },
              type: { type: 'string', enum: ['to', 'cc', 'bcc'] },
            },
            required: ['email'],
            additionalProperties: false,
          },
          required: true,
          description: 'Recipients: [{"email":"…","name":"…","type":"to"}]',
        },
        subject: { in: 'body', wire: 'message.subject', type: 'string' },
        html: { in: 'body', wire: 'message.html', type: 'string' },
        text: { in: 'body', wire: 'message.text', type: 'string' },
        tags: {
          in: 'body',
          wire: 'message.tags',
          type: 'array',
          items: { type: 'string', maxLength: 50, pattern: '^[^_]' },
          description: 'Tags (not starting with an underscore)',
        },
        metadata: { in: 'body', wire: 'message.metadata', type: 'object' },
        send_at: {
          in: 'body',
          type: 'string',
          description: 'UTC time to send at, YYYY-MM-DD HH:MM:SS',
          pattern: '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$',
        },
      },
      summary: 'Mandrill: {0.email} {0.status}',
    },
  },
});
