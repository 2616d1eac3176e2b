import { defineManifest } from '../../manifest/manifest-schema';

export const gotify = defineManifest({
  name: 'gotify',
  title: 'Gotify',
  category: 'messaging',
  description: 'Send push messages through a self-hosted Gotify server with an application token.',
  docsUrl: 'https://gotify.net/api-docs',
  verification: 'documented',
  baseUrl: 'https://{host}',
  auth: {
    credentialType: 'token',
    fields: {
      host: {
        description: 'The server’s host name (and port), e.g. push.example.com',
        pattern:
          '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+(?::[0-9]{1,5})?$',
      },
      token: { description: 'An application token (Apps → Create Application)', secret: true },
    },
    apply: [{ in: 'header', name: 'X-Gotify-Key', value: '{token}' }],
    hint: '{"host":"push.example.com","token":"A…"}',
  },
  errors: { message: ['errorDescription', 'error'] },
  actions: {
    create_message: {
      description: 'Send a message from the application; the output has the message ID.',
      method: 'POST',
      path: '/message',
      idempotent: false,
      params: {
        message: { in: 'body', type: 'string', required: true, description: 'The message text' },
        title: { in: 'body', type: 'string', description: 'The title; default the application name' },
        priority: {
          in: 'body',
          type: 'integer',
          minimum: 0,
          maximum: 10,
          description: '0–10; default the application’s priority',
        },
        extras: {
          in: 'body',
          type: 'object',
          description: 'Extras by namespace, e.g. {"client::display":{"contentType":"text/markdown"}}',
        },
      },
      output: { id: 'id', app_id: 'appid', date: 'date' },
      summary: 'Gotify message {id}',
    },
  },
});
