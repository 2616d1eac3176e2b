import { defineManifest } from '../../manifest/manifest-schema';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

export const microsoftTeams = defineManifest({
  name: 'microsoft_teams',
  title: 'Microsoft Teams (Workflows webhook)',
  category: 'messaging',
  description:
    'Post a text or an Adaptive Card to a Teams channel or chat through a Workflows “When a Teams webhook request is received” URL.',
  docsUrl:
    'https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
  verification: 'documented',
  baseUrl: '{webhook_url}',
  auth: {
    credentialType: 'token',
    fields: {
      webhook_url: {
        description: 'The Workflows webhook URL (…logic.azure.com/… or …api.powerplatform.com/…)',
        secret: true,
        pattern:
          "^https://[A-Za-z0-9.-]+\\.(?:logic\\.azure\\.com|api\\.powerplatform\\.com|webhook\\.office\\.com)(?::443)?/[A-Za-z0-9/._~%!$&'()*+,;=:@?-]+$",
      },
    },
    apply: [],
    hint: 'The HTTP POST URL of a Teams Workflows webhook trigger',
  },
  actions: {
    post_text: {
      description:
        'Post a plain message: sent as a one-block Adaptive Card, which the workflow posts to its channel.',
      method: 'POST',
      path: '',
      idempotent: false,
      constants: {
        body: {
          type: 'message',
          attachments: [
            {
              contentType: ADAPTIVE,
              contentUrl: null,
              content: {
                $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
                type: 'AdaptiveCard',
                version: '1.4',
                body: [{ type: 'TextBlock', wrap: true }],
              },
            },
          ],
        },
      },
      params: {
        text: {
          in: 'body',
          wire: 'attachments.0.content.body.0.text',
          type: 'string',
          required: true,
          maxLength: 20000,
          description: 'The message text (Adaptive Card TextBlock: a Markdown subset)',
        },
      },
      summary: 'Sent to the Teams workflow',
    },
    post_card: {
      description: 'Post an Adaptive Card you write yourself (the card JSON, type AdaptiveCard).',
      method: 'POST',
      path: '',
      idempotent: false,
      constants: { body: { type: 'message', attachments: [{ contentType: ADAPTIVE, contentUrl: null }] } },
      params: {
        card: {
          in: 'body',
          wire: 'attachments.0.content',
          type: 'object',
          required: true,
          description: 'The Adaptive Card: {"type":"AdaptiveCard","version":"1.4","body":[…]}',
        },
      },
      summary: 'Sent to the Teams workflow',
    },
  },
});
