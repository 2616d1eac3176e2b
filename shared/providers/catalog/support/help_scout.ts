import { defineManifest } from '../../manifest/manifest-schema';

const CONVERSATION_ID = {
  in: 'path',
  required: true,
  type: 'integer',
  minimum: 1,
  description: 'The conversation id',
} as const;

export const helpScout = defineManifest({
  name: 'help_scout',
  title: 'Help Scout',
  category: 'support',
  description: 'Create and list Help Scout conversations and add notes, with the Mailbox API 2.0.',
  docsUrl: 'https://developer.helpscout.com/mailbox-api/endpoints/conversations/create',
  verification: 'documented',
  baseUrl: 'https://api.helpscout.net/v2',
  auth: {
    credentialType: 'oauth',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An OAuth access token of a Help Scout app (My Apps)',
  },
  errors: { message: ['_embedded.errors.0.message', 'message', 'error_description'] },
  actions: {
    create_conversation: {
      description:
        'Create an e-mail conversation from a customer, with its first message (answers 201, no body).',
      method: 'POST',
      path: '/conversations',
      constants: { body: { type: 'email', threads: [{ type: 'customer' }] } },
      params: {
        mailbox_id: {
          in: 'body',
          wire: 'mailboxId',
          type: 'integer',
          required: true,
          description: 'The inbox id',
        },
        subject: { in: 'body', type: 'string', required: true },
        customer_email: {
          in: 'body',
          wire: 'customer.email',
          type: 'string',
          format: 'email',
          required: true,
          description: 'The customer; created when new',
        },
        thread_customer_email: {
          in: 'body',
          wire: 'threads.0.customer.email',
          type: 'string',
          format: 'email',
          required: true,
          description: 'The author of the first message (usually the same customer)',
        },
        text: {
          in: 'body',
          wire: 'threads.0.text',
          type: 'string',
          required: true,
          description: 'The first message',
        },
        status: { in: 'body', type: 'string', enum: ['active', 'closed', 'pending'], default: 'active' },
        tags: { in: 'body', type: 'array', items: { type: 'string' } },
        assign_to: { in: 'body', wire: 'assignTo', type: 'integer', description: 'A user id to assign' },
      },
      summary: 'Created the conversation',
    },
    add_note: {
      description: 'Add a private note to a conversation.',
      method: 'POST',
      path: '/conversations/{conversation_id}/notes',
      params: {
        conversation_id: CONVERSATION_ID,
        text: { in: 'body', type: 'string', required: true },
        user: { in: 'body', type: 'integer', description: 'The user adding it (default: the token user)' },
      },
      summary: 'Added a note',
    },
    list_conversations: {
      description: 'List conversations of a mailbox or status; pages follow _links.next.href.',
      method: 'GET',
      path: '/conversations',
      params: {
        mailbox: { in: 'query', type: 'string', description: 'Mailbox id(s), comma-separated' },
        status: {
          in: 'query',
          type: 'string',
          enum: ['active', 'all', 'closed', 'open', 'pending', 'spam'],
          description: 'Default: active',
        },
        tag: { in: 'query', type: 'string', description: 'Tag name(s), comma-separated' },
        query: { in: 'query', type: 'string', description: 'A search query, e.g. (email:"ada@example.com")' },
      },
      pagination: { style: 'next_url', items: '_embedded.conversations', next: '_links.next.href' },
    },
  },
});
