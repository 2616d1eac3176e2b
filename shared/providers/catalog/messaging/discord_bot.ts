import { defineManifest } from '../../manifest/manifest-schema';

const SNOWFLAKE = { type: 'string', pattern: '^[0-9]{15,21}$' } as const;

export const discordBot = defineManifest({
  name: 'discord_bot',
  title: 'Discord (bot)',
  category: 'messaging',
  description: 'Post, read and react to messages in Discord channels as a bot, with its bot token.',
  docsUrl: 'https://discord.com/developers/docs/resources/message',
  verification: 'wire-tested',
  baseUrl: 'https://discord.com/api/v10',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bot {token}' }],
    hint: 'The bot token (Developer Portal → your application → Bot → Reset Token)',
  },
  errors: { message: ['message'] },
  actions: {
    create_message: {
      description:
        'Post a message in a channel the bot can write to; give content, embeds or both. The output has the message ID.',
      method: 'POST',
      path: '/channels/{channel_id}/messages',
      idempotent: false,
      params: {
        channel_id: { ...SNOWFLAKE, in: 'path', required: true, description: 'The channel ID' },
        content: {
          in: 'body',
          type: 'string',
          maxLength: 2000,
          description: 'The message text (at most 2000 characters)',
        },
        embeds: {
          in: 'body',
          type: 'array',
          maxItems: 10,
          items: { type: 'object' },
          description: 'Up to 10 embed objects (title, description, url, color, fields…)',
        },
        tts: { in: 'body', type: 'boolean', description: 'Send as a text-to-speech message' },
        reply_to: {
          ...SNOWFLAKE,
          in: 'body',
          wire: 'message_reference.message_id',
          description: 'The ID of a message in the channel to reply to',
        },
        allowed_mentions: {
          in: 'body',
          type: 'object',
          description: 'Which mentions ping, e.g. {"parse":[]} to ping no one',
        },
      },
      output: { id: 'id', channel_id: 'channel_id', timestamp: 'timestamp' },
      summary: 'Posted message {id}',
    },
    get_messages: {
      description: 'Read up to 100 messages of a channel, newest first, before, after or around a message.',
      method: 'GET',
      path: '/channels/{channel_id}/messages',
      params: {
        channel_id: { ...SNOWFLAKE, in: 'path', required: true, description: 'The channel ID' },
        limit: { in: 'query', type: 'integer', minimum: 1, maximum: 100, description: 'Default 50' },
        before: { ...SNOWFLAKE, in: 'query', description: 'Messages before this message ID' },
        after: { ...SNOWFLAKE, in: 'query', description: 'Messages after this message ID' },
        around: { ...SNOWFLAKE, in: 'query', description: 'Messages around this message ID' },
      },
    },
    add_reaction: {
      description: 'React to a message with an emoji as the bot.',
      method: 'PUT',
      path: '/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me',
      params: {
        channel_id: { ...SNOWFLAKE, in: 'path', required: true, description: 'The channel ID' },
        message_id: { ...SNOWFLAKE, in: 'path', required: true, description: 'The message ID' },
        emoji: {
          in: 'path',
          type: 'string',
          required: true,
          maxLength: 100,
          description: 'A Unicode emoji (👍) or a custom one as name:id',
        },
      },
      summary: 'Reacted',
    },
  },
});
