import { defineManifest } from '../../manifest/manifest-schema';

const STATUS_ID = { type: 'string', pattern: '^[0-9A-Za-z]{1,32}$' } as const;

export const mastodon = defineManifest({
  name: 'mastodon',
  title: 'Mastodon',
  category: 'social',
  description:
    'Post, read and delete statuses and read account timelines on any Mastodon server with an access token.',
  docsUrl: 'https://docs.joinmastodon.org/methods/statuses/',
  verification: 'wire-tested',
  baseUrl: 'https://{instance}/api/v1',
  auth: {
    credentialType: 'oauth',
    fields: {
      instance: {
        description: 'The server’s host name, e.g. mastodon.social',
        pattern:
          '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$',
      },
      token: {
        description: 'An access token (Preferences → Development → your application)',
        secret: true,
      },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: '{"instance":"mastodon.social","token":"…"} (scopes write:statuses and read:statuses)',
  },
  errors: { message: ['error_description', 'error'] },
  actions: {
    post_status: {
      description:
        'Publish a status (or schedule it with scheduled_at); a retried step does not post twice. The output has the status ID and URL.',
      method: 'POST',
      path: '/statuses',
      idempotencyHeader: 'Idempotency-Key',
      params: {
        status: {
          in: 'body',
          type: 'string',
          maxLength: 5000,
          description: 'The text (servers allow 500 characters by default)',
        },
        media_ids: {
          in: 'body',
          type: 'array',
          maxItems: 4,
          items: { type: 'string' },
          description: 'IDs of uploaded media to attach (instead of or with text)',
        },
        in_reply_to_id: { ...STATUS_ID, in: 'body', description: 'The status this one replies to' },
        sensitive: { in: 'body', type: 'boolean', description: 'Mark the media as sensitive' },
        spoiler_text: { in: 'body', type: 'string', description: 'A content warning shown before the text' },
        visibility: { in: 'body', type: 'string', enum: ['public', 'unlisted', 'private', 'direct'] },
        language: {
          in: 'body',
          type: 'string',
          pattern: '^[a-z]{2,3}$',
          description: 'ISO 639 language code, e.g. en',
        },
        scheduled_at: {
          in: 'body',
          type: 'string',
          format: 'date-time',
          description: 'Publish later (at least 5 minutes ahead); the output is then a scheduled status',
        },
      },
      output: { id: 'id', url: 'url', created_at: 'created_at', visibility: 'visibility' },
      summary: 'Posted {url}',
    },
    get_status: {
      description: 'Read one status by its ID.',
      method: 'GET',
      path: '/statuses/{id}',
      params: { id: { ...STATUS_ID, in: 'path', required: true, description: 'The status ID' } },
    },
    delete_status: {
      description: 'Delete one of your statuses; the output has its text, for redrafting.',
      method: 'DELETE',
      path: '/statuses/{id}',
      params: { id: { ...STATUS_ID, in: 'path', required: true, description: 'The status ID' } },
      output: { id: 'id', text: 'text' },
      summary: 'Deleted status {id}',
    },
    account_statuses: {
      description: 'List an account’s statuses, newest first (pages follow the Link header).',
      method: 'GET',
      path: '/accounts/{account_id}/statuses',
      params: {
        account_id: { ...STATUS_ID, in: 'path', required: true, description: 'The account ID' },
        limit: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 40,
          description: 'Per page (default 20)',
        },
        exclude_replies: { in: 'query', type: 'boolean' },
        exclude_reblogs: { in: 'query', type: 'boolean' },
        only_media: { in: 'query', type: 'boolean' },
        pinned: { in: 'query', type: 'boolean' },
        tagged: { in: 'query', type: 'string', description: 'Only statuses with this hashtag (without #)' },
      },
      pagination: { style: 'link', items: '' },
    },
    verify_credentials: {
      description: 'Read the account the token belongs to (its ID is needed by account_statuses).',
      method: 'GET',
      path: '/accounts/verify_credentials',
      output: { id: 'id', username: 'username', acct: 'acct', url: 'url' },
      summary: 'Signed in as @{acct}',
    },
  },
});
