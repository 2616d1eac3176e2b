import { defineManifest } from '../../manifest/manifest-schema';

const WEBSITE_ID = {
  in: 'path',
  required: true,
  type: 'string',
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
  description: 'The website id',
} as const;

export const crisp = defineManifest({
  name: 'crisp',
  title: 'Crisp',
  category: 'support',
  description:
    'Start Crisp conversations, send messages in them and list conversations, with a plugin token.',
  docsUrl: 'https://docs.crisp.chat/references/rest-api/v1/',
  verification: 'documented',
  baseUrl: 'https://api.crisp.chat/v1',
  auth: {
    credentialType: 'api_key',
    fields: {
      identifier: { description: 'The token identifier of the plugin keypair' },
      key: { description: 'The token key of the plugin keypair', secret: true },
    },
    apply: [
      { in: 'basic', username: '{identifier}', password: '{key}' },
      { in: 'header', name: 'X-Crisp-Tier', value: 'plugin' },
    ],
    hint: '{"identifier":"…","key":"…"} (a plugin token keypair from the Crisp Marketplace)',
  },
  errors: { message: ['reason', 'message'] },
  actions: {
    create_conversation: {
      description: 'Open a new, empty conversation on a website; the output has its session_id.',
      method: 'POST',
      path: '/website/{website_id}/conversation',
      params: { website_id: WEBSITE_ID },
      output: { session_id: 'data.session_id' },
      summary: 'Opened session {data.session_id}',
    },
    send_message: {
      description: 'Send a text message or private note in a conversation, as an operator.',
      method: 'POST',
      path: '/website/{website_id}/conversation/{session_id}/message',
      constants: { body: { from: 'operator', origin: 'chat' } },
      params: {
        website_id: WEBSITE_ID,
        session_id: {
          in: 'path',
          required: true,
          type: 'string',
          pattern: '^session_[0-9a-f-]{36}$',
          description: 'The conversation session id (session_…)',
        },
        type: { in: 'body', type: 'string', enum: ['text', 'note'], default: 'text' },
        content: { in: 'body', type: 'string', required: true },
        user_nickname: {
          in: 'body',
          wire: 'user.nickname',
          type: 'string',
          description: 'Sender name shown',
        },
      },
      output: { fingerprint: 'data.fingerprint' },
      summary: 'Sent message {data.fingerprint}',
    },
    list_conversations: {
      description: 'List one page (20 conversations) of a website, newest first.',
      method: 'GET',
      path: '/website/{website_id}/conversations/{page_number}',
      params: {
        website_id: WEBSITE_ID,
        page_number: { in: 'path', required: true, type: 'integer', minimum: 1, description: 'Page, from 1' },
        search_query: { in: 'query', type: 'string' },
        filter_unread: { in: 'query', type: 'string', enum: ['1', '0'] },
        filter_resolved: { in: 'query', type: 'string', enum: ['1', '0'] },
      },
      output: 'data',
    },
  },
});
