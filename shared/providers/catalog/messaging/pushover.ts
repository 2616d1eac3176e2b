import { defineManifest } from '../../manifest/manifest-schema';

const USER_KEY = {
  type: 'string',
  pattern: '^[A-Za-z0-9]{30}$',
  description: 'The user or group key of the recipient (30 characters)',
} as const;

export const pushover = defineManifest({
  name: 'pushover',
  title: 'Pushover',
  category: 'messaging',
  description: 'Send push notifications to Pushover users, groups or devices with an application API token.',
  docsUrl: 'https://pushover.net/api',
  verification: 'documented',
  baseUrl: 'https://api.pushover.net/1',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'body', path: 'token', value: '{token}' }],
    hint: 'The API token of your Pushover application (pushover.net → Your Applications)',
  },
  errors: { message: ['errors.0'] },
  actions: {
    send_message: {
      description:
        'Push a notification to a user or group key; the output has the request ID (and a receipt for priority 2).',
      method: 'POST',
      path: '/messages.json',
      encoding: 'form',
      idempotent: false,
      params: {
        user: { ...USER_KEY, in: 'body', required: true },
        message: {
          in: 'body',
          type: 'string',
          required: true,
          maxLength: 1024,
          description: 'The message (at most 1024 characters)',
        },
        title: { in: 'body', type: 'string', maxLength: 250, description: 'Default: the application name' },
        device: {
          in: 'body',
          type: 'string',
          description: 'Device names, comma-separated, instead of all devices',
        },
        url: { in: 'body', type: 'string', maxLength: 512, description: 'A supplementary URL' },
        url_title: { in: 'body', type: 'string', maxLength: 100, description: 'The title shown for the URL' },
        priority: {
          in: 'body',
          type: 'integer',
          minimum: -2,
          maximum: 2,
          description: '-2 silent, -1 quiet, 0 normal, 1 high, 2 emergency (needs retry and expire)',
        },
        retry: {
          in: 'body',
          type: 'integer',
          minimum: 30,
          description: 'Emergency: seconds between repeats (at least 30)',
        },
        expire: {
          in: 'body',
          type: 'integer',
          maximum: 10800,
          description: 'Emergency: seconds to keep repeating (at most 10800)',
        },
        sound: { in: 'body', type: 'string', description: 'A sound name, e.g. pushover, magic, none' },
        html: { in: 'body', type: 'integer', enum: [0, 1], description: '1: the message is HTML' },
        timestamp: {
          in: 'body',
          type: 'integer',
          description: 'A Unix time to show instead of the receive time',
        },
        ttl: { in: 'body', type: 'integer', minimum: 1, description: 'Seconds until the message is deleted' },
      },
      output: { request: 'request', receipt: 'receipt', status: 'status' },
      summary: 'Pushover accepted request {request}',
    },
    validate_user: {
      description: 'Check that a user or group key (and optionally a device) is valid.',
      method: 'POST',
      path: '/users/validate.json',
      encoding: 'form',
      idempotent: true,
      params: {
        user: { ...USER_KEY, in: 'body', required: true },
        device: { in: 'body', type: 'string', description: 'A device name to check' },
      },
      output: { status: 'status', devices: 'devices', group: 'group' },
      summary: 'Valid Pushover key',
    },
  },
});
