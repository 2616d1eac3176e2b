import { defineManifest } from '../../manifest/manifest-schema';

export const zulip = defineManifest({
  name: 'zulip',
  title: 'Zulip',
  category: 'messaging',
  description:
    'Send channel and direct messages and read message history in a Zulip organization with a bot or user API key.',
  docsUrl: 'https://zulip.com/api/send-message',
  verification: 'wire-tested',
  baseUrl: 'https://{host}/api/v1',
  auth: {
    credentialType: 'api_key',
    fields: {
      host: {
        description: 'The organization’s host name, e.g. acme.zulipchat.com or chat.example.com',
        pattern:
          '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+(?::[0-9]{1,5})?$',
      },
      email: { description: 'The e-mail address of the bot or user the API key belongs to' },
      api_key: {
        description: 'The API key (Personal settings → Account & privacy, or the bot’s key)',
        secret: true,
      },
    },
    apply: [{ in: 'basic', username: '{email}', password: '{api_key}' }],
    hint: '{"host":"acme.zulipchat.com","email":"bot@acme.zulipchat.com","api_key":"…"}',
  },
  errors: { message: ['msg'] },
  actions: {
    send_message: {
      description:
        'Send a message to a channel topic or a direct message to users; the output has the new message ID.',
      method: 'POST',
      path: '/messages',
      encoding: 'form',
      idempotent: false,
      params: {
        type: {
          in: 'body',
          type: 'string',
          required: true,
          enum: ['stream', 'channel', 'direct', 'private'],
          description: 'stream or channel: to a channel topic; direct or private: to users',
        },
        to: {
          in: 'body',
          type: 'string',
          required: true,
          description:
            'A channel: its name or ID. Direct: a JSON list of user IDs or e-mails, e.g. [9,10] or ["ada@example.com"]',
        },
        topic: {
          in: 'body',
          type: 'string',
          maxLength: 60,
          description: 'The topic of a channel message (at most 60 characters)',
        },
        content: {
          in: 'body',
          type: 'string',
          required: true,
          maxLength: 10000,
          description: 'The message in Zulip Markdown (at most 10000 bytes)',
        },
      },
      output: { id: 'id' },
      summary: 'Zulip message {id} sent',
    },
    get_messages: {
      description:
        'Read messages around an anchor, optionally within a narrow (channel, topic, sender…), oldest first.',
      method: 'GET',
      path: '/messages',
      params: {
        anchor: {
          in: 'query',
          type: 'string',
          required: true,
          description: 'A message ID, or newest, oldest or first_unread',
        },
        num_before: { in: 'query', type: 'integer', minimum: 0, maximum: 5000, required: true },
        num_after: { in: 'query', type: 'integer', minimum: 0, maximum: 5000, required: true },
        narrow: {
          in: 'query',
          type: 'string',
          description: 'A JSON list of filters, e.g. [{"operator":"channel","operand":"general"}]',
        },
        apply_markdown: {
          in: 'query',
          type: 'boolean',
          description: 'false: content as the original Markdown instead of HTML',
        },
      },
      output: { messages: 'messages', found_newest: 'found_newest', found_oldest: 'found_oldest' },
    },
  },
});
