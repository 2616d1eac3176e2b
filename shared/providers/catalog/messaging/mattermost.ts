import { defineManifest } from '../../manifest/manifest-schema';

const ID = { type: 'string', pattern: '^[a-z0-9]{26}$' } as const;

export const mattermost = defineManifest({
  name: 'mattermost',
  title: 'Mattermost',
  category: 'messaging',
  description:
    'Post messages, reply in threads and look up channels on a Mattermost server with a personal access or bot token.',
  docsUrl: 'https://developers.mattermost.com/api-documentation/#/operations/CreatePost',
  verification: 'documented',
  baseUrl: 'https://{host}/api/v4',
  auth: {
    credentialType: 'token',
    fields: {
      host: {
        description: 'The server’s host name, e.g. chat.example.com',
        pattern:
          '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+(?::[0-9]{1,5})?$',
      },
      token: { description: 'A personal access token or bot access token', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: '{"host":"chat.example.com","token":"…"}',
  },
  errors: { message: ['message'] },
  actions: {
    create_post: {
      description:
        'Post a message in a channel, or a reply when root_id is given; the output has the post ID.',
      method: 'POST',
      path: '/posts',
      idempotent: false,
      params: {
        channel_id: { ...ID, in: 'body', required: true, description: 'The channel ID (26 characters)' },
        message: {
          in: 'body',
          type: 'string',
          required: true,
          maxLength: 16383,
          description: 'The message, Markdown allowed',
        },
        root_id: { ...ID, in: 'body', description: 'The post ID of the thread to reply in' },
        file_ids: {
          in: 'body',
          type: 'array',
          maxItems: 5,
          items: { type: 'string' },
          description: 'IDs of uploaded files to attach (at most 5)',
        },
        props: { in: 'body', type: 'object', description: 'Extra post properties, e.g. attachments' },
      },
      output: { id: 'id', channel_id: 'channel_id', create_at: 'create_at' },
      summary: 'Posted {id}',
    },
    get_post: {
      description: 'Read one post by its ID.',
      method: 'GET',
      path: '/posts/{post_id}',
      params: { post_id: { ...ID, in: 'path', required: true, description: 'The post ID' } },
    },
    get_channel_by_name: {
      description: 'Look up a channel by team name and channel name, to find its ID.',
      method: 'GET',
      path: '/teams/name/{team_name}/channels/name/{channel_name}',
      params: {
        team_name: {
          in: 'path',
          type: 'string',
          required: true,
          maxLength: 64,
          description: 'The team’s URL name',
        },
        channel_name: {
          in: 'path',
          type: 'string',
          required: true,
          maxLength: 64,
          description: 'The channel’s URL name, e.g. town-square',
        },
      },
      output: { id: 'id', name: 'name', display_name: 'display_name', type: 'type' },
      summary: 'Channel {name}: {id}',
    },
  },
});
