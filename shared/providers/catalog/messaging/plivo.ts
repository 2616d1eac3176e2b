import { defineManifest } from '../../manifest/manifest-schema';

export const plivo = defineManifest({
  name: 'plivo',
  title: 'Plivo',
  category: 'messaging',
  description: 'Send SMS and MMS and read message records through the Plivo Messaging API.',
  docsUrl: 'https://www.plivo.com/docs/messaging/api/message/send-a-message',
  verification: 'documented',
  baseUrl: 'https://api.plivo.com/v1/Account/{auth_id}',
  auth: {
    credentialType: 'api_key',
    fields: {
      auth_id: { description: 'The Auth ID (console overview page)', pattern: '^[A-Za-z0-9]{10,40}$' },
      auth_token: { description: 'The Auth Token', secret: true },
    },
    apply: [{ in: 'basic', username: '{auth_id}', password: '{auth_token}' }],
    hint: '{"auth_id":"MA…","auth_token":"…"} from the Plivo console',
  },
  errors: { message: ['error'] },
  actions: {
    send_message: {
      description: 'Send an SMS or MMS; the output has the message UUIDs (one per destination).',
      method: 'POST',
      path: '/Message/',
      idempotent: false,
      params: {
        src: {
          in: 'body',
          type: 'string',
          description: 'The sender: a Plivo number (with country code) or an alphanumeric sender ID',
        },
        powerpack_uuid: {
          in: 'body',
          type: 'string',
          description: 'A Powerpack UUID to send from instead of src',
        },
        dst: {
          in: 'body',
          type: 'string',
          required: true,
          description: 'The recipient number with country code; several joined with <',
        },
        text: { in: 'body', type: 'string', maxLength: 1600, description: 'The message text' },
        type: { in: 'body', type: 'string', enum: ['sms', 'mms'], description: 'Default sms' },
        media_urls: {
          in: 'body',
          type: 'array',
          maxItems: 10,
          items: { type: 'string', format: 'uri' },
          description: 'MMS: media URLs',
        },
        url: {
          in: 'body',
          type: 'string',
          format: 'uri',
          description: 'A URL for delivery status callbacks',
        },
        method: { in: 'body', type: 'string', enum: ['GET', 'POST'], description: 'The callback method' },
        log: { in: 'body', type: 'boolean', description: 'false: do not store the text in Plivo logs' },
      },
      output: { message_uuid: 'message_uuid', message: 'message', api_id: 'api_id' },
      summary: 'Plivo: {message}',
    },
    get_message: {
      description: 'Read one message record by its UUID.',
      method: 'GET',
      path: '/Message/{message_uuid}/',
      params: {
        message_uuid: {
          in: 'path',
          required: true,
          type: 'string',
          pattern: '^[0-9a-fA-F-]{36}$',
          description: 'The message UUID',
        },
      },
      summary: 'Message {message_uuid}: {message_state}',
    },
  },
});
