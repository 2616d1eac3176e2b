import { defineManifest } from '../../manifest/manifest-schema';

export const ntfy = defineManifest({
  name: 'ntfy',
  title: 'ntfy',
  category: 'messaging',
  description: 'Publish push notifications to an ntfy topic on ntfy.sh or a self-hosted ntfy server.',
  docsUrl: 'https://docs.ntfy.sh/publish/#publish-as-json',
  verification: 'documented',
  baseUrl: 'https://{host}',
  auth: {
    credentialType: 'token',
    fields: {
      host: {
        description: 'The server’s host name; default ntfy.sh',
        default: 'ntfy.sh',
        pattern:
          '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+(?::[0-9]{1,5})?$',
      },
      token: { description: 'An access token (tk_…) for protected topics', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: '{"token":"tk_…","host":"ntfy.example.com"} (host defaults to ntfy.sh)',
  },
  errors: { message: ['error'] },
  actions: {
    publish: {
      description:
        'Publish a message to a topic; subscribers get it as a notification. The output has the message ID.',
      method: 'POST',
      path: '/',
      idempotent: false,
      params: {
        topic: {
          in: 'body',
          type: 'string',
          required: true,
          pattern: '^[-_A-Za-z0-9]{1,64}$',
          description: 'The topic name (letters, digits, - and _; at most 64)',
        },
        message: { in: 'body', type: 'string', maxLength: 4096, description: 'The message body' },
        title: { in: 'body', type: 'string', description: 'The notification title' },
        tags: {
          in: 'body',
          type: 'array',
          items: { type: 'string' },
          description: 'Tags; emoji short codes such as warning or tada show as emoji',
        },
        priority: {
          in: 'body',
          type: 'integer',
          minimum: 1,
          maximum: 5,
          description: '1 min, 3 default, 5 max',
        },
        click: { in: 'body', type: 'string', format: 'uri', description: 'A URL opened when tapped' },
        attach: { in: 'body', type: 'string', format: 'uri', description: 'A URL of a file to attach' },
        filename: { in: 'body', type: 'string', description: 'The file name of the attachment' },
        icon: { in: 'body', type: 'string', format: 'uri', description: 'A URL of a notification icon' },
        markdown: { in: 'body', type: 'boolean', description: 'true: the message is Markdown' },
        delay: { in: 'body', type: 'string', description: 'Deliver later: 30m, 9am, a Unix time…' },
        email: { in: 'body', type: 'string', format: 'email', description: 'Also forward by e-mail' },
        actions: {
          in: 'body',
          type: 'array',
          maxItems: 3,
          items: { type: 'object' },
          description: 'Up to 3 action buttons (view, http, broadcast)',
        },
      },
      output: { id: 'id', topic: 'topic', time: 'time' },
      summary: 'Published {id} to {topic}',
    },
  },
});
