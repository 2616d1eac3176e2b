import { defineManifest } from '../../manifest/manifest-schema';

const PHONE =
  'A phone number in E.164 form (+15558675310), or a channel address such as whatsapp:+15558675310';

export const twilio = defineManifest({
  name: 'twilio',
  title: 'Twilio Messaging',
  category: 'messaging',
  description: 'Send SMS, MMS and WhatsApp messages and read message records through the Twilio REST API.',
  docsUrl: 'https://www.twilio.com/docs/messaging/api/message-resource',
  verification: 'wire-tested',
  baseUrl: 'https://api.twilio.com/2010-04-01/Accounts/{account_sid}',
  auth: {
    credentialType: 'api_key',
    fields: {
      account_sid: {
        description: 'The Account SID (AC followed by 32 hex digits)',
        pattern: '^AC[0-9a-fA-F]{32}$',
      },
      auth_token: { description: 'The account Auth Token', secret: true },
    },
    apply: [{ in: 'basic', username: '{account_sid}', password: '{auth_token}' }],
    hint: '{"account_sid":"AC…","auth_token":"…"} from the Twilio Console dashboard',
  },
  errors: { message: ['message'] },
  actions: {
    send_message: {
      description:
        'Send a message from one of your numbers or a Messaging Service; give body, media_url or content_sid. The output has the message SID and status.',
      method: 'POST',
      path: '/Messages.json',
      encoding: 'form',
      idempotent: false,
      params: {
        to: { in: 'body', wire: 'To', type: 'string', required: true, maxLength: 64, description: PHONE },
        from: {
          in: 'body',
          wire: 'From',
          type: 'string',
          maxLength: 64,
          description:
            'Your Twilio number, short code or alphanumeric sender ID (or give messaging_service_sid)',
        },
        messaging_service_sid: {
          in: 'body',
          wire: 'MessagingServiceSid',
          type: 'string',
          pattern: '^MG[0-9a-fA-F]{32}$',
          description: 'A Messaging Service SID (MG…) to send from instead of a from number',
        },
        body: {
          in: 'body',
          wire: 'Body',
          type: 'string',
          maxLength: 1600,
          description: 'The text of the message (at most 1600 characters)',
        },
        media_url: {
          in: 'body',
          wire: 'MediaUrl',
          type: 'string',
          format: 'uri',
          description: 'A public URL of an image or other media to send as MMS',
        },
        content_sid: {
          in: 'body',
          wire: 'ContentSid',
          type: 'string',
          pattern: '^HX[0-9a-fA-F]{32}$',
          description: 'A Content Template SID (HX…) to send instead of a body',
        },
        content_variables: {
          in: 'body',
          wire: 'ContentVariables',
          type: 'string',
          description: 'The template variables as a JSON string, e.g. {"1":"Ada"}',
        },
        status_callback: {
          in: 'body',
          wire: 'StatusCallback',
          type: 'string',
          format: 'uri',
          description: 'A URL Twilio calls with status changes of this message',
        },
        send_at: {
          in: 'body',
          wire: 'SendAt',
          type: 'string',
          format: 'date-time',
          description: 'Schedule the message (needs a Messaging Service and schedule_type fixed)',
        },
        schedule_type: { in: 'body', wire: 'ScheduleType', type: 'string', enum: ['fixed'] },
      },
      output: { sid: 'sid', status: 'status', to: 'to', from: 'from', date_created: 'date_created' },
      summary: 'Message {sid} to {to}: {status}',
    },
    get_message: {
      description: 'Read one message record: status, price, error code.',
      method: 'GET',
      path: '/Messages/{sid}.json',
      params: {
        sid: {
          in: 'path',
          required: true,
          type: 'string',
          pattern: '^(SM|MM)[0-9a-fA-F]{32}$',
          description: 'The message SID (SM… or MM…)',
        },
      },
      summary: 'Message {sid}: {status}',
    },
    list_messages: {
      description:
        'List the account’s messages, newest first, optionally filtered by sender, recipient or date sent.',
      method: 'GET',
      path: '/Messages.json',
      params: {
        to: { in: 'query', wire: 'To', type: 'string', description: 'Only messages to this number' },
        from: { in: 'query', wire: 'From', type: 'string', description: 'Only messages from this number' },
        date_sent: {
          in: 'query',
          wire: 'DateSent',
          type: 'string',
          format: 'date',
          description: 'Only messages sent on this day (YYYY-MM-DD)',
        },
        page_size: {
          in: 'query',
          wire: 'PageSize',
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          description: 'How many messages to return (default 50)',
        },
      },
      output: { messages: 'messages', next_page_uri: 'next_page_uri' },
    },
  },
});
