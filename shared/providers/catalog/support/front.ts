import { defineManifest } from '../../manifest/manifest-schema';

const CONVERSATION_ID = {
  in: 'path',
  required: true,
  type: 'string',
  pattern: '^cnv_[A-Za-z0-9]{1,40}$',
  description: 'The conversation id (cnv_…)',
} as const;

export const front = defineManifest({
  name: 'front',
  title: 'Front',
  category: 'support',
  description:
    'List Front conversations, reply to them, add internal comments and send new messages from a channel.',
  docsUrl: 'https://dev.frontapp.com/reference/add-comment',
  verification: 'documented',
  baseUrl: 'https://api2.frontapp.com',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An API token (Settings → Developers → API tokens)',
  },
  errors: { message: ['_error.message', '_error.title', 'message'] },
  actions: {
    list_conversations: {
      description: 'List conversations, most recently updated first; _pagination.next is the next page URL.',
      method: 'GET',
      path: '/conversations',
      params: {
        q: {
          in: 'query',
          type: 'string',
          description: 'A filter object as JSON, e.g. {"statuses":["unassigned"]}',
        },
        limit: { in: 'query', type: 'integer', minimum: 1, maximum: 100, default: 50 },
      },
      pagination: { style: 'next_url', items: '_results', next: '_pagination.next' },
    },
    reply_to_conversation: {
      description: 'Send a reply in a conversation (to its recipients), as a teammate or the token.',
      method: 'POST',
      path: '/conversations/{conversation_id}/messages',
      params: {
        conversation_id: CONVERSATION_ID,
        body: { in: 'body', type: 'string', required: true, description: 'The reply (HTML allowed)' },
        author_id: {
          in: 'body',
          type: 'string',
          description: 'The teammate sending it (tea_… or alt:email:…)',
        },
        subject: { in: 'body', type: 'string' },
        channel_id: {
          in: 'body',
          type: 'string',
          description: 'The channel to send from (default: the last one)',
        },
        to: { in: 'body', type: 'array', items: { type: 'string' }, description: 'Override the recipients' },
        cc: { in: 'body', type: 'array', items: { type: 'string' } },
      },
      summary: 'Replied in conversation',
    },
    add_comment: {
      description: 'Add an internal comment (visible to teammates only) to a conversation.',
      method: 'POST',
      path: '/conversations/{conversation_id}/comments',
      params: {
        conversation_id: CONVERSATION_ID,
        body: { in: 'body', type: 'string', required: true, description: 'The comment (markdown allowed)' },
        author_id: { in: 'body', type: 'string', description: 'The teammate (default: the API token bot)' },
      },
      output: { id: 'id', body: 'body' },
      summary: 'Added comment {id}',
    },
    send_message: {
      description: 'Start a new outbound conversation by sending a message from a channel.',
      method: 'POST',
      path: '/channels/{channel_id}/messages',
      params: {
        channel_id: {
          in: 'path',
          required: true,
          type: 'string',
          pattern: '^cha_[A-Za-z0-9]{1,40}$',
          description: 'The channel id (cha_…)',
        },
        to: { in: 'body', type: 'array', items: { type: 'string' }, required: true, minItems: 1 },
        cc: { in: 'body', type: 'array', items: { type: 'string' } },
        subject: { in: 'body', type: 'string' },
        body: { in: 'body', type: 'string', required: true, description: 'The message (HTML allowed)' },
        author_id: { in: 'body', type: 'string', description: 'The teammate sending it' },
      },
      summary: 'Sent the message',
    },
  },
});
