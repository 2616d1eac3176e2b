import { defineManifest } from '../../manifest/manifest-schema';

export const telnyx = defineManifest({
  name: 'telnyx',
  title: 'Telnyx Messaging',
  category: 'messaging',
  description: 'Send SMS and MMS and read message records with the Telnyx v2 Messaging API.',
  docsUrl: 'https://developers.telnyx.com/docs/messaging/messages/send-message',
  verification: 'documented',
  baseUrl: 'https://api.telnyx.com/v2',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A v2 API key (Mission Control Portal → API Keys)',
  },
  errors: { message: ['errors.0.detail', 'errors.0.title'] },
  actions: {
    send_message: {
      description:
        'Send an SMS or MMS from a Telnyx number or messaging profile; the output has the message ID.',
      method: 'POST',
      path: '/messages',
      idempotent: false,
      params: {
        from: {
          in: 'body',
          type: 'string',
          description: 'A Telnyx number in E.164 form, short code or alphanumeric sender ID',
        },
        messaging_profile_id: {
          in: 'body',
          type: 'string',
          description: 'Send from this messaging profile’s number pool instead of from',
        },
        to: {
          in: 'body',
          type: 'string',
          required: true,
          pattern: '^\\+[1-9][0-9]{1,14}$',
          description: 'The recipient in E.164 form',
        },
        text: { in: 'body', type: 'string', description: 'The message text' },
        subject: { in: 'body', type: 'string', description: 'MMS subject' },
        media_urls: {
          in: 'body',
          type: 'array',
          items: { type: 'string', format: 'uri' },
          description: 'MMS media URLs',
        },
        type: { in: 'body', type: 'string', enum: ['SMS', 'MMS'] },
        webhook_url: { in: 'body', type: 'string', format: 'uri', description: 'Delivery updates go here' },
        use_profile_webhooks: { in: 'body', type: 'boolean' },
      },
      output: { id: 'data.id', to: 'data.to', parts: 'data.parts', cost: 'data.cost' },
      summary: 'Telnyx message {data.id} queued',
    },
    get_message: {
      description: 'Read one message record by its ID.',
      method: 'GET',
      path: '/messages/{id}',
      params: {
        id: {
          in: 'path',
          required: true,
          type: 'string',
          pattern: '^[0-9a-fA-F-]{36}$',
          description: 'The message ID',
        },
      },
      output: 'data',
    },
  },
});
