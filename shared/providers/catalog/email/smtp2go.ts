import { defineManifest } from '../../manifest/manifest-schema';

const ADDRESSES = { type: 'array', items: { type: 'string' }, maxItems: 100 } as const;

export const smtp2go = defineManifest({
  name: 'smtp2go',
  title: 'SMTP2GO',
  category: 'email',
  description: 'Send e-mail through the SMTP2GO API v3, inline or from a stored template.',
  docsUrl: 'https://developers.smtp2go.com/docs/send-an-email',
  verification: 'documented',
  baseUrl: 'https://api.smtp2go.com/v3',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'X-Smtp2go-Api-Key', value: '{token}' }],
    hint: 'An SMTP2GO API key (Sending → API Keys), starting with api-',
  },
  errors: { message: ['data.error', 'data.failures.0', 'error'] },
  actions: {
    send_email: {
      description:
        'Send one e-mail to up to 100 recipients; the output counts the succeeded and failed ones.',
      method: 'POST',
      path: '/email/send',
      params: {
        sender: {
          in: 'body',
          type: 'string',
          required: true,
          description: 'A verified sender, e.g. "Acme <hi@acme.com>"',
        },
        to: {
          in: 'body',
          ...ADDRESSES,
          minItems: 1,
          required: true,
          description: 'Recipients (at most 100)',
        },
        cc: { in: 'body', ...ADDRESSES },
        bcc: { in: 'body', ...ADDRESSES },
        subject: { in: 'body', type: 'string', required: true },
        html_body: { in: 'body', type: 'string' },
        text_body: { in: 'body', type: 'string' },
        template_id: { in: 'body', type: 'string', description: 'A stored template instead of a body' },
        template_data: { in: 'body', type: 'object', description: 'Variables for the template' },
      },
      output: { succeeded: 'data.succeeded', failed: 'data.failed', email_id: 'data.email_id' },
      summary: 'SMTP2GO sent to {data.succeeded} recipient(s)',
    },
  },
});
