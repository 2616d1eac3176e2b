import { defineManifest } from '../../manifest/manifest-schema';

const VERSION = { 'Intercom-Version': '2.11' };

export const intercom = defineManifest({
  name: 'intercom',
  title: 'Intercom',
  category: 'support',
  description: 'Create contacts, start and reply to conversations, and list conversations in Intercom.',
  docsUrl: 'https://developers.intercom.com/docs/references/2.11/rest-api/api.intercom.io',
  verification: 'wire-tested',
  baseUrl: 'https://{api_host}',
  auth: {
    credentialType: 'token',
    fields: {
      api_host: {
        description: 'The regional API host of the workspace',
        enum: ['api.intercom.io', 'api.eu.intercom.io', 'api.au.intercom.io'],
        default: 'api.intercom.io',
      },
      access_token: { description: 'The access token of your Intercom app (Developer Hub)', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {access_token}' }],
    hint: '{"access_token":"…"} (add "api_host":"api.eu.intercom.io" or "api.au.intercom.io" outside the US)',
  },
  errors: { message: ['errors.0.message', 'message'] },
  actions: {
    create_contact: {
      description: 'Create a user or lead contact; a user needs an email or external_id.',
      method: 'POST',
      path: '/contacts',
      constants: { headers: VERSION },
      params: {
        role: { in: 'body', type: 'string', enum: ['user', 'lead'], default: 'user' },
        email: { in: 'body', type: 'string', format: 'email' },
        external_id: { in: 'body', type: 'string', description: 'Your own id for the user' },
        name: { in: 'body', type: 'string' },
        phone: { in: 'body', type: 'string' },
        owner_id: { in: 'body', type: 'integer', description: 'The admin who owns the contact' },
        unsubscribed_from_emails: { in: 'body', type: 'boolean' },
        custom_attributes: { in: 'body', type: 'object', description: 'Custom data attributes by name' },
      },
      output: { id: 'id', role: 'role', email: 'email', contact: '' },
      summary: 'Created Intercom {role} {id}',
    },
    create_conversation: {
      description: 'Start a conversation as a contact (user or lead), with the first message.',
      method: 'POST',
      path: '/conversations',
      constants: { headers: VERSION },
      params: {
        from_type: {
          in: 'body',
          wire: 'from.type',
          type: 'string',
          enum: ['user', 'lead', 'contact'],
          required: true,
        },
        from_id: {
          in: 'body',
          wire: 'from.id',
          type: 'string',
          required: true,
          description: 'The contact id',
        },
        body: { in: 'body', type: 'string', required: true, description: 'The message text (no HTML)' },
      },
      output: { conversation_id: 'conversation_id', message_id: 'id', type: 'type' },
      summary: 'Started conversation {conversation_id}',
    },
    reply_to_conversation: {
      description: 'Reply to a conversation as an admin: a visible comment or an internal note.',
      method: 'POST',
      path: '/conversations/{conversation_id}/reply',
      constants: { headers: VERSION, body: { type: 'admin' } },
      params: {
        conversation_id: {
          in: 'path',
          required: true,
          type: 'string',
          pattern: '^[0-9]{1,30}$',
          description: 'The conversation id',
        },
        admin_id: { in: 'body', type: 'string', required: true, description: 'The replying admin' },
        message_type: { in: 'body', type: 'string', enum: ['comment', 'note'], default: 'comment' },
        body: { in: 'body', type: 'string', required: true, description: 'The reply (HTML allowed)' },
      },
      output: { id: 'id', state: 'state', conversation: '' },
      summary: 'Replied to conversation {id}',
    },
    list_conversations: {
      description: 'List conversations, newest first; pages.next.starting_after leads to the next page.',
      method: 'GET',
      path: '/conversations',
      constants: { headers: VERSION },
      params: { per_page: { in: 'query', type: 'integer', minimum: 1, maximum: 150, default: 20 } },
      pagination: {
        style: 'cursor',
        items: 'conversations',
        next: 'pages.next.starting_after',
        param: 'starting_after',
      },
    },
  },
});
