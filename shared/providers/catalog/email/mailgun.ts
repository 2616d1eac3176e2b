import { defineManifest } from '../../manifest/manifest-schema';

const DOMAIN = {
  in: 'path',
  type: 'string',
  required: true,
  pattern: '^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$',
  description: 'The sending domain configured in Mailgun (mg.example.com)',
} as const;

export const mailgun = defineManifest({
  name: 'mailgun',
  title: 'Mailgun',
  category: 'email',
  description: 'Send e-mail and read delivery events through the Mailgun API, in the US or EU region.',
  docsUrl: 'https://documentation.mailgun.com/docs/mailgun/api-reference/openapi-final/tag/Messages/',
  verification: 'wire-tested',
  baseUrl: 'https://{region}/v3',
  auth: {
    credentialType: 'api_key',
    fields: {
      region: {
        description: 'The API host of the account’s region',
        enum: ['api.mailgun.net', 'api.eu.mailgun.net'],
        default: 'api.mailgun.net',
      },
      api_key: { description: 'A Mailgun private API key or domain sending key', secret: true },
    },
    apply: [{ in: 'basic', username: 'api', password: '{api_key}' }],
    hint: '{"api_key":"…","region":"api.eu.mailgun.net"} (region defaults to api.mailgun.net)',
  },
  errors: { message: ['message', 'error'] },
  actions: {
    send_message: {
      description:
        'Send a message from one of your domains; Mailgun builds the MIME message. Give text, html or template.',
      method: 'POST',
      path: '/{domain}/messages',
      encoding: 'form',
      params: {
        domain: DOMAIN,
        from: {
          in: 'body',
          type: 'string',
          required: true,
          maxLength: 1000,
          description: 'Sender, e.g. "Ada <ada@mg.example.com>"',
        },
        to: {
          in: 'body',
          type: 'string',
          required: true,
          maxLength: 10000,
          description: 'Recipients, comma-separated (at most 1000)',
        },
        cc: { in: 'body', type: 'string', description: 'Cc recipients, comma-separated' },
        bcc: { in: 'body', type: 'string', description: 'Bcc recipients, comma-separated' },
        subject: { in: 'body', type: 'string', maxLength: 998 },
        text: { in: 'body', type: 'string', description: 'Plain-text body' },
        html: { in: 'body', type: 'string', description: 'HTML body' },
        template: { in: 'body', type: 'string', description: 'Name of a stored template' },
        template_variables: {
          in: 'body',
          wire: 't:variables',
          type: 'string',
          description: 'Template variables as a JSON string',
        },
        tag: {
          in: 'body',
          wire: 'o:tag',
          type: 'string',
          maxLength: 128,
          description: 'A tag for statistics',
        },
        reply_to: { in: 'body', wire: 'h:Reply-To', type: 'string', description: 'Reply-To header' },
        test_mode: {
          in: 'body',
          wire: 'o:testmode',
          type: 'string',
          enum: ['yes', 'no'],
          description: 'yes: accepted but not delivered',
        },
      },
      output: { id: 'id', message: 'message' },
      summary: 'Mailgun: {message}',
    },
    list_events: {
      description:
        'Read the domain’s delivery events (accepted, delivered, failed, opened…), newest pages first.',
      method: 'GET',
      path: '/{domain}/events',
      params: {
        domain: DOMAIN,
        event: {
          in: 'query',
          type: 'string',
          description: 'Filter by event type, e.g. failed or "delivered OR opened"',
        },
        recipient: { in: 'query', type: 'string', description: 'Filter by recipient address' },
        begin: {
          in: 'query',
          type: 'string',
          description: 'Start of the time range (RFC 2822 date or Unix time)',
        },
        end: { in: 'query', type: 'string', description: 'End of the time range' },
        ascending: { in: 'query', type: 'string', enum: ['yes', 'no'] },
        limit: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 300,
          description: 'Events per page (max 300)',
        },
      },
      pagination: { style: 'next_url', items: 'items', next: 'paging.next' },
    },
  },
});
