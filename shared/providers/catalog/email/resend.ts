import { defineManifest } from '../../manifest/manifest-schema';

const ADDRESSES = {
  type: 'array',
  items: { type: 'string', minLength: 3 },
  minItems: 1,
  maxItems: 50,
} as const;

export const resend = defineManifest({
  name: 'resend',
  title: 'Resend',
  category: 'email',
  description: 'Send and look up transactional e-mail with the Resend API.',
  docsUrl: 'https://resend.com/docs/api-reference/emails/send-email',
  verification: 'wire-tested',
  baseUrl: 'https://api.resend.com',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A Resend API key (re_…) with sending access',
  },
  errors: { message: ['message', 'error.message', 'name'] },
  actions: {
    send_email: {
      description: 'Send one e-mail; the output has the id Resend gives it. Give html or text.',
      method: 'POST',
      path: '/emails',
      idempotencyHeader: 'Idempotency-Key',
      params: {
        from: {
          in: 'body',
          type: 'string',
          required: true,
          description: 'Sender on a verified domain, e.g. "Acme <hello@acme.com>"',
        },
        to: { in: 'body', ...ADDRESSES, required: true, description: 'Recipients (at most 50)' },
        subject: { in: 'body', type: 'string', required: true, minLength: 1 },
        html: { in: 'body', type: 'string' },
        text: { in: 'body', type: 'string' },
        cc: { in: 'body', ...ADDRESSES },
        bcc: { in: 'body', ...ADDRESSES },
        reply_to: { in: 'body', ...ADDRESSES, description: 'Reply-To addresses' },
        scheduled_at: {
          in: 'body',
          type: 'string',
          description: 'When to send: ISO 8601 or natural language such as "in 1 hour"',
        },
        tags: {
          in: 'body',
          type: 'array',
          items: {
            type: 'object',
            properties: {
              name: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,256}$' },
              value: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,256}$' },
            },
            required: ['name', 'value'],
            additionalProperties: false,
          },
          description: 'Key/value tags (ASCII letters, digits, _ and -)',
        },
      },
      output: 'id',
      summary: 'Resend accepted e-mail {id}',
    },
    get_email: {
      description: 'Retrieve one sent e-mail with its last event (delivered, bounced…).',
      method: 'GET',
      path: '/emails/{email_id}',
      params: {
        email_id: {
          in: 'path',
          type: 'string',
          required: true,
          pattern: '^[0-9a-fA-F-]{36}$',
          description: 'The e-mail id returned by send_email',
        },
      },
      output: { id: 'id', to: 'to', subject: 'subject', last_event: 'last_event', created_at: 'created_at' },
      summary: 'E-mail {id}: {last_event}',
    },
  },
});
