import { defineManifest } from '../../manifest/manifest-schema';

const PHONE_NUMBER_ID = {
  in: 'path',
  type: 'string',
  required: true,
  pattern: '^[0-9]{5,20}$',
  description: 'The ID of your business phone number (WhatsApp Manager → API Setup)',
} as const;
const TO = {
  in: 'body',
  type: 'string',
  required: true,
  pattern: '^\\+?[0-9]{7,15}$',
  description: 'The recipient’s WhatsApp number with country code',
} as const;

export const whatsapp = defineManifest({
  name: 'whatsapp',
  title: 'WhatsApp Cloud API',
  category: 'messaging',
  description:
    'Send WhatsApp text and template messages from a business phone number through Meta’s Cloud API.',
  docsUrl: 'https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages',
  verification: 'documented',
  baseUrl: 'https://graph.facebook.com/v24.0',
  auth: {
    credentialType: 'oauth',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A system-user access token with whatsapp_business_messaging',
  },
  errors: { message: ['error.error_user_msg', 'error.message'] },
  actions: {
    send_text: {
      description:
        'Send a text message (only inside the 24-hour customer service window); the output has the message ID.',
      method: 'POST',
      path: '/{phone_number_id}/messages',
      idempotent: false,
      constants: { body: { messaging_product: 'whatsapp', recipient_type: 'individual', type: 'text' } },
      params: {
        phone_number_id: PHONE_NUMBER_ID,
        to: TO,
        body: {
          in: 'body',
          wire: 'text.body',
          type: 'string',
          required: true,
          maxLength: 4096,
          description: 'The message text (at most 4096 characters)',
        },
        preview_url: {
          in: 'body',
          wire: 'text.preview_url',
          type: 'boolean',
          description: 'Show a preview of the first URL in the text',
        },
        reply_to: {
          in: 'body',
          wire: 'context.message_id',
          type: 'string',
          description: 'The ID (wamid.…) of a message to reply to',
        },
      },
      output: { message_id: 'messages.0.id', wa_id: 'contacts.0.wa_id' },
      summary: 'Sent {messages.0.id}',
    },
    send_template: {
      description:
        'Send an approved message template, which may open a conversation outside the 24-hour window.',
      method: 'POST',
      path: '/{phone_number_id}/messages',
      idempotent: false,
      constants: { body: { messaging_product: 'whatsapp', recipient_type: 'individual', type: 'template' } },
      params: {
        phone_number_id: PHONE_NUMBER_ID,
        to: TO,
        template_name: {
          in: 'body',
          wire: 'template.name',
          type: 'string',
          required: true,
          maxLength: 512,
          description: 'The template’s name',
        },
        language: {
          in: 'body',
          wire: 'template.language.code',
          type: 'string',
          required: true,
          description: 'The template’s language code, e.g. en_US',
        },
        components: {
          in: 'body',
          wire: 'template.components',
          type: 'array',
          items: { type: 'object' },
          description: 'Parameters for the header, body and buttons: [{"type":"body","parameters":[…]}]',
        },
      },
      output: { message_id: 'messages.0.id', wa_id: 'contacts.0.wa_id', status: 'messages.0.message_status' },
      summary: 'Sent {messages.0.id}',
    },
  },
});
