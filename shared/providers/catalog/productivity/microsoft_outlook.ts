import { defineManifest } from '../../manifest/manifest-schema';

export const microsoftOutlook = defineManifest({
  name: 'microsoft_outlook',
  title: 'Microsoft Outlook (Graph)',
  category: 'productivity',
  description:
    'Send mail and create calendar events in Outlook through Microsoft Graph with an OAuth access token.',
  docsUrl: 'https://learn.microsoft.com/en-us/graph/api/user-sendmail',
  verification: 'documented',
  baseUrl: 'https://graph.microsoft.com/v1.0',
  auth: {
    credentialType: 'oauth',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A Microsoft Graph access token with Mail.Send (and Calendars.ReadWrite for events)',
  },
  errors: { message: ['error.message'] },
  actions: {
    send_mail: {
      description:
        'Send an e-mail from the signed-in user to one recipient (Graph answers 202 with no body).',
      method: 'POST',
      path: '/me/sendMail',
      params: {
        to: {
          in: 'body',
          wire: 'message.toRecipients.0.emailAddress.address',
          type: 'string',
          format: 'email',
          required: true,
          description: 'The recipient address',
        },
        cc: {
          in: 'body',
          wire: 'message.ccRecipients.0.emailAddress.address',
          type: 'string',
          format: 'email',
          description: 'One Cc address',
        },
        subject: {
          in: 'body',
          wire: 'message.subject',
          type: 'string',
          required: true,
          description: 'The subject',
        },
        body: {
          in: 'body',
          wire: 'message.body.content',
          type: 'string',
          required: true,
          description: 'The body',
        },
        content_type: {
          in: 'body',
          wire: 'message.body.contentType',
          type: 'string',
          enum: ['Text', 'HTML'],
          required: true,
          description: 'Whether body is plain text or HTML',
        },
        save_to_sent_items: {
          in: 'body',
          wire: 'saveToSentItems',
          type: 'boolean',
          description: 'Keep a copy in Sent Items (default true)',
        },
      },
      summary: 'Sent the e-mail',
    },
    create_event: {
      description: 'Create an event in the signed-in user’s default calendar.',
      method: 'POST',
      path: '/me/events',
      params: {
        subject: { in: 'body', type: 'string', required: true, description: 'The event title' },
        body: { in: 'body', wire: 'body.content', type: 'string', description: 'The description' },
        body_content_type: {
          in: 'body',
          wire: 'body.contentType',
          type: 'string',
          enum: ['Text', 'HTML'],
          description: 'The type of body',
        },
        start: {
          in: 'body',
          wire: 'start.dateTime',
          type: 'string',
          required: true,
          description: 'Local start, e.g. 2026-12-04T10:00:00 (no offset; see time_zone)',
        },
        end: { in: 'body', wire: 'end.dateTime', type: 'string', required: true, description: 'Local end' },
        time_zone: {
          in: 'body',
          wire: 'start.timeZone',
          type: 'string',
          required: true,
          description: 'Time zone of start, e.g. Europe/Berlin or UTC',
        },
        end_time_zone: {
          in: 'body',
          wire: 'end.timeZone',
          type: 'string',
          required: true,
          description: 'Time zone of end (usually the same as time_zone)',
        },
        location: { in: 'body', wire: 'location.displayName', type: 'string', description: 'Location name' },
        attendees: {
          in: 'body',
          type: 'array',
          items: {
            type: 'object',
            properties: {
              emailAddress: {
                type: 'object',
                properties: { address: { type: 'string', format: 'email' }, name: { type: 'string' } },
                required: ['address'],
              },
              type: { type: 'string', enum: ['required', 'optional', 'resource'] },
            },
            required: ['emailAddress'],
          },
          description: 'e.g. [{"emailAddress":{"address":"ada@example.com"},"type":"required"}]',
        },
      },
      output: { id: 'id', web_link: 'webLink', subject: 'subject' },
      summary: 'Created event {subject}',
    },
  },
});
