import { defineManifest } from '../../manifest/manifest-schema';

const identity = {
  user_id: {
    in: 'body' as const,
    wire: 'userId',
    type: 'string' as const,
    maxLength: 1024,
    description: 'Your id for the user (this or anonymous_id)',
  },
  anonymous_id: {
    in: 'body' as const,
    wire: 'anonymousId',
    type: 'string' as const,
    maxLength: 1024,
    description: 'A pseudo-unique id when there is no user id',
  },
  timestamp: {
    in: 'body' as const,
    type: 'string' as const,
    format: 'date-time' as const,
    description: 'When it happened (default: now)',
  },
  context: {
    in: 'body' as const,
    type: 'object' as const,
    description: 'Extra context: ip, locale, userAgent, …',
  },
  message_id: {
    in: 'body' as const,
    wire: 'messageId',
    type: 'string' as const,
    maxLength: 100,
    description: 'A unique id, so Segment drops duplicates',
  },
};

export const segment = defineManifest({
  name: 'segment',
  title: 'Segment',
  category: 'analytics',
  description: 'Send track, identify, page, group and alias calls to a Segment HTTP API source.',
  docsUrl: 'https://www.twilio.com/docs/segment/connections/sources/catalog/libraries/server/http-api',
  verification: 'wire-tested',
  baseUrl: 'https://{host}/v1',
  auth: {
    credentialType: 'api_key',
    fields: {
      host: {
        description: 'api.segment.io, or events.eu1.segmentapis.com for EU workspaces',
        enum: ['api.segment.io', 'events.eu1.segmentapis.com'],
        default: 'api.segment.io',
      },
      write_key: { description: 'The write key of the HTTP API source', secret: true },
    },
    apply: [{ in: 'basic', username: '{write_key}', password: '' }],
    hint: '{"write_key":"…"} (add "host":"events.eu1.segmentapis.com" for EU workspaces)',
  },
  actions: {
    track: {
      description: 'Record an action a user performed, with its properties.',
      method: 'POST',
      path: '/track',
      params: {
        ...identity,
        event: {
          in: 'body',
          type: 'string',
          required: true,
          minLength: 1,
          maxLength: 200,
          description: 'The event name, e.g. Order Completed',
        },
        properties: { in: 'body', type: 'object' },
      },
      summary: 'Tracked the event',
    },
    identify: {
      description: 'Tie a user to their traits (email, name, plan, …).',
      method: 'POST',
      path: '/identify',
      params: { ...identity, traits: { in: 'body', type: 'object' } },
      summary: 'Identified the user',
    },
    page: {
      description: 'Record a page view on a website.',
      method: 'POST',
      path: '/page',
      params: {
        ...identity,
        name: { in: 'body', type: 'string', maxLength: 200, description: 'The page name' },
        properties: { in: 'body', type: 'object', description: 'url, path, referrer, title, …' },
      },
      summary: 'Recorded the page view',
    },
    group: {
      description: 'Associate a user with a group (company, account, organization) and its traits.',
      method: 'POST',
      path: '/group',
      params: {
        ...identity,
        group_id: {
          in: 'body',
          wire: 'groupId',
          type: 'string',
          required: true,
          minLength: 1,
          maxLength: 1024,
        },
        traits: { in: 'body', type: 'object' },
      },
      summary: 'Grouped the user',
    },
    alias: {
      description: 'Merge a previous identity into a user id.',
      method: 'POST',
      path: '/alias',
      params: {
        previous_id: {
          in: 'body',
          wire: 'previousId',
          type: 'string',
          required: true,
          minLength: 1,
          maxLength: 1024,
        },
        user_id: {
          in: 'body',
          wire: 'userId',
          type: 'string',
          required: true,
          minLength: 1,
          maxLength: 1024,
        },
        timestamp: identity.timestamp,
      },
      summary: 'Aliased the user',
    },
  },
});
