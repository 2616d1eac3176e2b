import { defineManifest } from '../../manifest/manifest-schema';

const ID = { type: 'string', pattern: '^[0-9]{1,19}$' } as const;

export const xTwitter = defineManifest({
  name: 'x_twitter',
  title: 'X (Twitter) API v2',
  category: 'social',
  description:
    'Post and delete posts (tweets), and read your profile and a user’s posts, with an OAuth 2.0 user access token.',
  docsUrl: 'https://docs.x.com/x-api/posts/create-post',
  verification: 'documented',
  baseUrl: 'https://api.x.com/2',
  auth: {
    credentialType: 'oauth',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An OAuth 2.0 user access token with tweet.read, tweet.write and users.read',
  },
  errors: { message: ['detail', 'title', 'errors.0.message', 'errors.0.detail'] },
  actions: {
    create_post: {
      description: 'Publish a post, optionally as a reply or quote; the output has its ID.',
      method: 'POST',
      path: '/tweets',
      idempotent: false,
      params: {
        text: {
          in: 'body',
          type: 'string',
          maxLength: 25000,
          description: 'The text (280 characters on a free account)',
        },
        reply_to: {
          ...ID,
          in: 'body',
          wire: 'reply.in_reply_to_tweet_id',
          description: 'The ID of the post to reply to',
        },
        quote_tweet_id: { ...ID, in: 'body', description: 'The ID of a post to quote' },
        media_ids: {
          in: 'body',
          wire: 'media.media_ids',
          type: 'array',
          maxItems: 4,
          items: { type: 'string' },
          description: 'Up to 4 uploaded media IDs',
        },
        poll_options: {
          in: 'body',
          wire: 'poll.options',
          type: 'array',
          minItems: 2,
          maxItems: 4,
          items: { type: 'string', maxLength: 25 },
          description: 'A poll: 2 to 4 options (needs poll_duration_minutes)',
        },
        poll_duration_minutes: {
          in: 'body',
          wire: 'poll.duration_minutes',
          type: 'integer',
          minimum: 5,
          maximum: 10080,
        },
        reply_settings: {
          in: 'body',
          type: 'string',
          enum: ['following', 'mentionedUsers', 'subscribers', 'verified'],
          description: 'Who may reply (default everyone)',
        },
      },
      output: { id: 'data.id', text: 'data.text' },
      summary: 'Posted {data.id}',
    },
    delete_post: {
      description: 'Delete one of your posts.',
      method: 'DELETE',
      path: '/tweets/{id}',
      params: { id: { ...ID, in: 'path', required: true, description: 'The post ID' } },
      output: { deleted: 'data.deleted' },
      summary: 'Deleted',
    },
    get_me: {
      description: 'Read the user the token belongs to (its ID is needed by user_posts).',
      method: 'GET',
      path: '/users/me',
      output: { id: 'data.id', username: 'data.username', name: 'data.name' },
      summary: 'Signed in as @{data.username}',
    },
    user_posts: {
      description: 'List a user’s posts, newest first.',
      method: 'GET',
      path: '/users/{id}/tweets',
      params: {
        id: { ...ID, in: 'path', required: true, description: 'The user ID' },
        max_results: {
          in: 'query',
          type: 'integer',
          minimum: 5,
          maximum: 100,
          description: 'Per page (default 10)',
        },
        exclude: {
          in: 'query',
          type: 'string',
          enum: ['replies', 'retweets', 'replies,retweets'],
        },
        start_time: { in: 'query', type: 'string', format: 'date-time' },
        end_time: { in: 'query', type: 'string', format: 'date-time' },
        tweet_fields: {
          in: 'query',
          wire: 'tweet.fields',
          type: 'string',
          description: 'Extra fields, comma-separated, e.g. created_at,public_metrics',
        },
      },
      pagination: { style: 'cursor', items: 'data', next: 'meta.next_token', param: 'pagination_token' },
    },
  },
});
