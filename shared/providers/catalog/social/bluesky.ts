import { defineManifest } from '../../manifest/manifest-schema';

const REPO = {
  in: 'body',
  type: 'string',
  required: true,
  maxLength: 253,
  description: 'Your DID (did:plc:…) or handle (ada.bsky.social)',
} as const;

export const bluesky = defineManifest({
  name: 'bluesky',
  title: 'Bluesky',
  category: 'social',
  description:
    'Create and delete Bluesky posts and read author feeds through the AT Protocol XRPC API of your PDS.',
  docsUrl: 'https://docs.bsky.app/docs/api/com-atproto-repo-create-record',
  verification: 'wire-tested',
  baseUrl: 'https://{pds_host}/xrpc',
  auth: {
    credentialType: 'token',
    fields: {
      pds_host: {
        description: 'The host of your PDS; bsky.social for Bluesky-hosted accounts',
        default: 'bsky.social',
        pattern:
          '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$',
      },
      access_jwt: {
        description: 'The accessJwt from com.atproto.server.createSession (short-lived)',
        secret: true,
      },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {access_jwt}' }],
    hint: '{"access_jwt":"eyJ…","pds_host":"bsky.social"}: a session access token (it expires after about 2 hours)',
  },
  errors: { message: ['message', 'error'] },
  actions: {
    create_post: {
      description: 'Publish a post (app.bsky.feed.post record); the output has its at:// URI and CID.',
      method: 'POST',
      path: '/com.atproto.repo.createRecord',
      idempotent: false,
      constants: { body: { collection: 'app.bsky.feed.post', record: { $type: 'app.bsky.feed.post' } } },
      params: {
        repo: REPO,
        text: {
          in: 'body',
          wire: 'record.text',
          type: 'string',
          required: true,
          maxLength: 3000,
          description: 'The post text (at most 300 graphemes)',
        },
        created_at: {
          in: 'body',
          wire: 'record.createdAt',
          type: 'string',
          format: 'date-time',
          required: true,
          description: 'The post’s timestamp, normally now (ISO 8601)',
        },
        langs: {
          in: 'body',
          wire: 'record.langs',
          type: 'array',
          maxItems: 3,
          items: { type: 'string' },
          description: 'Up to 3 language codes, e.g. ["en"]',
        },
        reply: {
          in: 'body',
          wire: 'record.reply',
          type: 'object',
          description: 'For a reply: {"root":{"uri","cid"},"parent":{"uri","cid"}}',
        },
        embed: {
          in: 'body',
          wire: 'record.embed',
          type: 'object',
          description: 'An embed, e.g. {"$type":"app.bsky.embed.external","external":{…}}',
        },
        facets: {
          in: 'body',
          wire: 'record.facets',
          type: 'array',
          items: { type: 'object' },
          description: 'Rich-text facets (links, mentions, tags) by byte range',
        },
      },
      output: { uri: 'uri', cid: 'cid' },
      summary: 'Posted {uri}',
    },
    delete_post: {
      description: 'Delete one of your posts by its record key (the last part of its at:// URI).',
      method: 'POST',
      path: '/com.atproto.repo.deleteRecord',
      constants: { body: { collection: 'app.bsky.feed.post' } },
      params: {
        repo: REPO,
        rkey: {
          in: 'body',
          type: 'string',
          required: true,
          pattern: '^[A-Za-z0-9._:~-]{1,512}$',
          description: 'The record key',
        },
      },
      summary: 'Deleted post',
    },
    get_author_feed: {
      description: 'Read an account’s posts and reposts, newest first.',
      method: 'GET',
      path: '/app.bsky.feed.getAuthorFeed',
      params: {
        actor: {
          in: 'query',
          type: 'string',
          required: true,
          maxLength: 253,
          description: 'A handle or DID',
        },
        limit: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 100,
          description: 'Per page (default 50)',
        },
        filter: {
          in: 'query',
          type: 'string',
          enum: ['posts_with_replies', 'posts_no_replies', 'posts_with_media', 'posts_and_author_threads'],
        },
      },
      pagination: { style: 'cursor', items: 'feed', next: 'cursor', param: 'cursor' },
    },
  },
});
