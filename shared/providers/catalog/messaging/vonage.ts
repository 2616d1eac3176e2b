import { defineManifest } from '../../manifest/manifest-schema';

export const vonage = defineManifest({
  name: 'vonage',
  title: 'Vonage SMS',
  category: 'messaging',
  description: 'Send text messages through the Vonage (formerly Nexmo) SMS API with an API key and secret.',
  docsUrl: 'https://developer.vonage.com/en/api/sms',
  verification: 'wire-tested',
  baseUrl: 'https://rest.nexmo.com',
  auth: {
    credentialType: 'api_key',
    fields: {
      api_key: { description: 'The API key (Vonage API Dashboard)' },
      api_secret: { description: 'The API secret', secret: true },
    },
    apply: [
      { in: 'body', path: 'api_key', value: '{api_key}' },
      { in: 'body', path: 'api_secret', value: '{api_secret}' },
    ],
    hint: '{"api_key":"…","api_secret":"…"} from the Vonage API Dashboard',
  },
  // The SMS API answers 200 even on failure: a non-zero status with error-text per message.
  errors: {
    errorWhenPresent: 'messages.0.error-text',
    message: ['messages.0.error-text', 'error-text', 'title'],
    retryable: { codePath: 'messages.0.status', codes: ['1'] },
  },
  actions: {
    send_sms: {
      description:
        'Send an SMS; long texts are split into several parts, each in output.messages with its message-id.',
      method: 'POST',
      path: '/sms/json',
      encoding: 'form',
      idempotent: false,
      params: {
        from: {
          in: 'body',
          type: 'string',
          required: true,
          maxLength: 15,
          description:
            'A Vonage number (E.164 without +) or an alphanumeric sender ID (at most 11 characters)',
        },
        to: {
          in: 'body',
          type: 'string',
          required: true,
          pattern: '^[0-9]{7,15}$',
          description: 'The recipient in E.164 form without the +, e.g. 447700900000',
        },
        text: { in: 'body', type: 'string', required: true, description: 'The message text' },
        type: {
          in: 'body',
          type: 'string',
          enum: ['text', 'unicode'],
          description: 'unicode for non-GSM characters',
        },
        client_ref: {
          in: 'body',
          wire: 'client-ref',
          type: 'string',
          maxLength: 100,
          description: 'Your reference, returned in delivery receipts',
        },
        callback: {
          in: 'body',
          type: 'string',
          format: 'uri',
          description: 'A URL for the delivery receipt of this message',
        },
        ttl: {
          in: 'body',
          type: 'integer',
          minimum: 20000,
          maximum: 604800000,
          description: 'Lifetime in ms',
        },
      },
      output: { message_count: 'message-count', messages: 'messages' },
      summary: 'Vonage accepted {message-count} part(s), first {messages.0.message-id}',
    },
  },
});
