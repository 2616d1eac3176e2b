import { defineManifest } from '../../manifest/manifest-schema';

export const webex = defineManifest({
  name: 'webex',
  title: 'Webex Messaging',
  category: 'messaging',
  description:
    'Post and list messages in Webex spaces, or message a person directly, with a bot or user access token.',
  docsUrl: 'https://developer.webex.com/docs/api/v1/messages/create-a-message',
  verification: 'documented',
  baseUrl: 'https://webexapis.com/v1',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A bot access token (developer.webex.com → My Apps) or an integration access token',
  },
  errors: { message: ['message', 'errors.0.description'] },
  actions: {
    create_message: {
      description:
        'Post a message to a space (room_id) or a person (to_person_email / to_person_id); give text or markdown.',
      method: 'POST',
      path: '/messages',
      idempotent: false,
      params: {
        room_id: { in: 'body', wire: 'roomId', type: 'string', description: 'The space ID' },
        to_person_email: {
          in: 'body',
          wire: 'toPersonEmail',
          type: 'string',
          format: 'email',
          description: 'A person to message 1:1',
        },
        to_person_id: {
          in: 'body',
          wire: 'toPersonId',
          type: 'string',
          description: 'A person ID to message 1:1',
        },
        parent_id: { in: 'body', wire: 'parentId', type: 'string', description: 'The message to reply to' },
        text: { in: 'body', type: 'string', maxLength: 7439, description: 'Plain text (also the fallback)' },
        markdown: { in: 'body', type: 'string', maxLength: 7439, description: 'The message in Markdown' },
        files: {
          in: 'body',
          type: 'array',
          maxItems: 1,
          items: { type: 'string', format: 'uri' },
          description: 'One public file URL to attach',
        },
        attachments: {
          in: 'body',
          type: 'array',
          items: { type: 'object' },
          description: 'An Adaptive Card attachment',
        },
      },
      output: { id: 'id', room_id: 'roomId', created: 'created' },
      summary: 'Posted {id}',
    },
    list_messages: {
      description: 'List messages of a space, newest first.',
      method: 'GET',
      path: '/messages',
      params: {
        room_id: { in: 'query', wire: 'roomId', type: 'string', required: true, description: 'The space ID' },
        parent_id: {
          in: 'query',
          wire: 'parentId',
          type: 'string',
          description: 'Only replies to this message',
        },
        mentioned_people: {
          in: 'query',
          wire: 'mentionedPeople',
          type: 'string',
          description: 'me, or a person ID: only messages mentioning them',
        },
        before: {
          in: 'query',
          type: 'string',
          format: 'date-time',
          description: 'Only messages before this time',
        },
        max: { in: 'query', type: 'integer', minimum: 1, maximum: 100, description: 'Messages per page' },
      },
      pagination: { style: 'link', items: 'items' },
    },
  },
});
