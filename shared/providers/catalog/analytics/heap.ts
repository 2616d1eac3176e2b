import { defineManifest } from '../../manifest/manifest-schema';

const identity = {
  in: 'body' as const,
  type: 'string' as const,
  required: true as const,
  minLength: 1,
  maxLength: 255,
  description: 'The identity of the user (case-sensitive), as given to heap.identify',
};

export const heap = defineManifest({
  name: 'heap',
  title: 'Heap',
  category: 'analytics',
  description:
    "Send server-side events and user properties to a Heap environment with Heap's server-side API.",
  docsUrl: 'https://developers.heap.io/reference/server-side-apis-overview',
  verification: 'documented',
  baseUrl: 'https://heapanalytics.com/api',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'body', path: 'app_id', value: '{token}' }],
    hint: 'The environment id (app_id) of the Heap project',
  },
  actions: {
    track: {
      description: 'Send one custom event for an identified user, with its properties.',
      method: 'POST',
      path: '/track',
      params: {
        identity,
        event: { in: 'body', type: 'string', required: true, minLength: 1, maxLength: 1024 },
        properties: { in: 'body', type: 'object', description: 'Property values are strings or numbers' },
        timestamp: { in: 'body', type: 'string', format: 'date-time' },
        idempotency_key: {
          in: 'body',
          type: 'string',
          maxLength: 255,
          description: 'A unique key, so Heap drops a repeated event',
        },
      },
      summary: 'Tracked the event',
    },
    add_user_properties: {
      description: 'Attach properties to an identified user.',
      method: 'POST',
      path: '/add_user_properties',
      params: {
        identity,
        properties: { in: 'body', type: 'object', required: true },
      },
      summary: 'Added the user properties',
      idempotent: true,
    },
  },
});
