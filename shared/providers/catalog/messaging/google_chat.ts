import { defineManifest } from '../../manifest/manifest-schema';

export const googleChat = defineManifest({
  name: 'google_chat',
  title: 'Google Chat (incoming webhook)',
  category: 'messaging',
  description:
    'Post text or card messages into a Google Chat space through the space’s incoming webhook URL.',
  docsUrl: 'https://developers.google.com/workspace/chat/quickstart/webhooks',
  verification: 'wire-tested',
  baseUrl: '{webhook_url}',
  auth: {
    credentialType: 'token',
    fields: {
      webhook_url: {
        description:
          'The webhook URL of the space (https://chat.googleapis.com/v1/spaces/…/messages?key=…&token=…)',
        secret: true,
        pattern: '^https://chat\\.googleapis\\.com/v1/spaces/[A-Za-z0-9_-]+/messages\\?[A-Za-z0-9_.~%=&-]+$',
      },
    },
    apply: [],
    hint: 'The webhook URL from the space → Apps & integrations → Webhooks',
  },
  actions: {
    post_message: {
      description:
        'Post a message to the space; give text (Chat formatting) or cards_v2. A thread_key groups messages into one thread.',
      method: 'POST',
      path: '',
      idempotent: false,
      params: {
        text: {
          in: 'body',
          type: 'string',
          description:
            'The message text (the whole message at most 32,000 bytes); *bold*, _italic_ and <users/all> work',
        },
        cards_v2: {
          in: 'body',
          wire: 'cardsV2',
          type: 'array',
          items: { type: 'object' },
          description: 'Card messages: [{"cardId":"…","card":{"header":…,"sections":[…]}}]',
        },
        thread_key: {
          in: 'body',
          wire: 'thread.threadKey',
          type: 'string',
          maxLength: 4000,
          description: 'Your key for a thread: messages with the same key land in the same thread',
        },
        message_reply_option: {
          in: 'query',
          wire: 'messageReplyOption',
          type: 'string',
          enum: ['REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD', 'REPLY_MESSAGE_OR_FAIL'],
          description: 'With thread_key: reply in that thread (or start one), or fail when it does not exist',
        },
      },
      output: { name: 'name', thread: 'thread.name', create_time: 'createTime' },
      summary: 'Posted {name}',
    },
  },
});
