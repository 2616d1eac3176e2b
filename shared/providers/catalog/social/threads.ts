import { defineManifest } from '../../manifest/manifest-schema';

const USER_ID = {
  in: 'path',
  type: 'string',
  required: true,
  pattern: '^(me|[0-9]{1,25})$',
  description: 'The Threads user ID, or me',
} as const;

export const threads = defineManifest({
  name: 'threads',
  title: 'Threads',
  category: 'social',
  description:
    'Publish text, image and video posts to Threads (create a container, then publish it) with a Threads user token.',
  docsUrl: 'https://developers.facebook.com/docs/threads/posts/',
  verification: 'documented',
  baseUrl: 'https://graph.threads.net/v1.0',
  auth: {
    credentialType: 'oauth',
    apply: [{ in: 'query', name: 'access_token', value: '{token}' }],
    hint: 'A Threads user access token with threads_basic and threads_content_publish',
  },
  errors: { message: ['error.error_user_msg', 'error.message'] },
  actions: {
    create_container: {
      description:
        'Step 1: create a media container (text, or an image or video at a public URL); publish its id with publish.',
      method: 'POST',
      path: '/{user_id}/threads',
      encoding: 'form',
      idempotent: false,
      params: {
        user_id: USER_ID,
        media_type: { in: 'body', type: 'string', required: true, enum: ['TEXT', 'IMAGE', 'VIDEO'] },
        text: {
          in: 'body',
          type: 'string',
          maxLength: 500,
          description: 'The text (at most 500 characters)',
        },
        image_url: { in: 'body', type: 'string', format: 'uri', description: 'IMAGE: a public image URL' },
        video_url: { in: 'body', type: 'string', format: 'uri', description: 'VIDEO: a public video URL' },
        reply_to_id: { in: 'body', type: 'string', description: 'The post this one replies to' },
        reply_control: {
          in: 'body',
          type: 'string',
          enum: [
            'everyone',
            'accounts_you_follow',
            'mentioned_only',
            'parent_post_author_only',
            'followers_only',
          ],
        },
      },
      output: { id: 'id' },
      summary: 'Container {id} created',
    },
    publish: {
      description:
        'Step 2: publish a container (wait about 30 seconds after creating it); the output has the post ID.',
      method: 'POST',
      path: '/{user_id}/threads_publish',
      encoding: 'form',
      idempotent: false,
      params: {
        user_id: USER_ID,
        creation_id: {
          in: 'body',
          type: 'string',
          required: true,
          pattern: '^[0-9]{1,25}$',
          description: 'The container id from create_container',
        },
      },
      output: { id: 'id' },
      summary: 'Published {id}',
    },
    get_me: {
      description: 'Read the Threads user the token belongs to.',
      method: 'GET',
      path: '/me',
      constants: { query: { fields: 'id,username,name' } },
      output: { id: 'id', username: 'username', name: 'name' },
      summary: 'Signed in as @{username}',
    },
  },
});
