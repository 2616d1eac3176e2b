import { defineManifest } from '../../manifest/manifest-schema';

export const rocketChat = defineManifest({
  name: 'rocket_chat',
  title: 'Rocket.Chat',
  category: 'messaging',
  description:
    'Post messages to channels, groups and users on a Rocket.Chat workspace with a personal access token.',
  docsUrl: 'https://developer.rocket.chat/apidocs/post-message',
  verification: 'documented',
  baseUrl: 'https://{host}/api/v1',
  auth: {
    credentialType: 'token',
    fields: {
      host: {
        description: 'The workspace host name, e.g. chat.example.com',
        pattern:
          '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+(?::[0-9]{1,5})?$',
      },
      user_id: { description: 'The user ID the token belongs to' },
      auth_token: { description: 'A personal access token (or a login auth token)', secret: true },
    },
    apply: [
      { in: 'header', name: 'X-Auth-Token', value: '{auth_token}' },
      { in: 'header', name: 'X-User-Id', value: '{user_id}' },
    ],
    hint: '{"host":"chat.example.com","user_id":"…","auth_token":"…"} (My Account → Personal Access Tokens)',
  },
  errors: { okFlag: 'success', message: ['error', 'message'] },
  actions: {
    post_message: {
      description:
        'Post a message to a room by ID, or to a channel (#name) or user (@name); the output has the message ID.',
      method: 'POST',
      path: '/chat.postMessage',
      idempotent: false,
      params: {
        room_id: { in: 'body', wire: 'roomId', type: 'string', description: 'The room ID (or give channel)' },
        channel: {
          in: 'body',
          type: 'string',
          maxLength: 200,
          description: '#channel-name or @username (or give room_id)',
        },
        text: {
          in: 'body',
          type: 'string',
          maxLength: 5000,
          description: 'The message text, Markdown allowed',
        },
        alias: { in: 'body', type: 'string', description: 'A display name to show instead of the user’s' },
        emoji: { in: 'body', type: 'string', description: 'An emoji as avatar, e.g. :smirk:' },
        avatar: { in: 'body', type: 'string', format: 'uri', description: 'An image URL as avatar' },
        attachments: {
          in: 'body',
          type: 'array',
          items: { type: 'object' },
          description: 'Message attachments (title, text, color, fields…)',
        },
      },
      output: { id: 'message._id', room_id: 'message.rid', channel: 'channel', ts: 'ts' },
      summary: 'Posted {message._id} in {channel}',
    },
    get_message: {
      description: 'Read one message by its ID.',
      method: 'GET',
      path: '/chat.getMessage',
      params: {
        msg_id: { in: 'query', wire: 'msgId', type: 'string', required: true, description: 'The message ID' },
      },
      output: 'message',
    },
  },
});
