import { defineManifest } from '../../manifest/manifest-schema';

// Reddit asks every client for a unique, descriptive User-Agent.
const HEADERS = { 'User-Agent': 'server:flowgate-automation:1.0' };
const SUBREDDIT = {
  type: 'string',
  pattern: '^[A-Za-z0-9_]{2,21}$',
  description: 'The subreddit name without r/',
} as const;

export const reddit = defineManifest({
  name: 'reddit',
  title: 'Reddit',
  category: 'social',
  description:
    'Submit text and link posts, comment, and read a subreddit’s newest posts through Reddit’s OAuth API.',
  docsUrl: 'https://www.reddit.com/dev/api/#POST_api_submit',
  verification: 'wire-tested',
  baseUrl: 'https://oauth.reddit.com',
  auth: {
    credentialType: 'oauth',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An OAuth access token with the submit and read scopes',
  },
  // With api_type=json failures come back as 200 {"json":{"errors":[[code, message, field]]}}.
  errors: {
    errorWhenPresent: 'json.errors',
    message: ['json.errors.0.1', 'message', 'error'],
    retryable: { codePath: 'json.errors.0.0', codes: ['RATELIMIT'] },
  },
  actions: {
    submit: {
      description: 'Submit a text (kind self) or link (kind link) post; the output has its ID and URL.',
      method: 'POST',
      path: '/api/submit',
      encoding: 'form',
      idempotent: false,
      constants: { headers: HEADERS, body: { api_type: 'json' } },
      params: {
        sr: { ...SUBREDDIT, in: 'body', required: true },
        kind: { in: 'body', type: 'string', required: true, enum: ['self', 'link'] },
        title: { in: 'body', type: 'string', required: true, maxLength: 300, description: 'The post title' },
        text: {
          in: 'body',
          type: 'string',
          maxLength: 40000,
          description: 'The body of a self post (Markdown)',
        },
        url: { in: 'body', type: 'string', format: 'uri', description: 'The link of a link post' },
        nsfw: { in: 'body', type: 'boolean' },
        spoiler: { in: 'body', type: 'boolean' },
        flair_id: { in: 'body', type: 'string', maxLength: 36, description: 'A flair template ID' },
        flair_text: { in: 'body', type: 'string', maxLength: 64 },
        sendreplies: { in: 'body', type: 'boolean', description: 'Send replies to your inbox' },
        resubmit: { in: 'body', type: 'boolean', description: 'Allow a link that was posted before' },
      },
      output: { id: 'json.data.id', name: 'json.data.name', url: 'json.data.url' },
      summary: 'Submitted {json.data.url}',
    },
    comment: {
      description: 'Reply to a post or comment by its fullname (t3_… or t1_…).',
      method: 'POST',
      path: '/api/comment',
      encoding: 'form',
      idempotent: false,
      constants: { headers: HEADERS, body: { api_type: 'json' } },
      params: {
        thing_id: {
          in: 'body',
          type: 'string',
          required: true,
          pattern: '^t[134]_[a-z0-9]{1,13}$',
          description: 'The fullname of the post or comment',
        },
        text: {
          in: 'body',
          type: 'string',
          required: true,
          maxLength: 10000,
          description: 'The comment (Markdown)',
        },
      },
      output: { comment: 'json.data.things.0.data' },
      summary: 'Commented',
    },
    list_new: {
      description: 'List a subreddit’s newest posts.',
      method: 'GET',
      path: '/r/{subreddit}/new',
      constants: { headers: HEADERS, query: { raw_json: '1' } },
      params: {
        subreddit: { ...SUBREDDIT, in: 'path', required: true },
        limit: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 100,
          description: 'Per page (default 25)',
        },
      },
      pagination: { style: 'cursor', items: 'data.children', next: 'data.after', param: 'after' },
    },
  },
});
