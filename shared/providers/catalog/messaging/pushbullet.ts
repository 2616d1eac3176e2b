import { defineManifest } from '../../manifest/manifest-schema';

export const pushbullet = defineManifest({
  name: 'pushbullet',
  title: 'Pushbullet',
  category: 'messaging',
  description:
    'Send notes and links to your devices, friends or channels and list pushes with a Pushbullet access token.',
  docsUrl: 'https://docs.pushbullet.com/#create-push',
  verification: 'documented',
  baseUrl: 'https://api.pushbullet.com/v2',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Access-Token', value: '{token}' }],
    hint: 'An access token (pushbullet.com → Settings → Account → Create Access Token)',
  },
  actions: {
    create_push: {
      description: 'Send a note or a link; without a target it goes to all of your devices.',
      method: 'POST',
      path: '/pushes',
      idempotent: false,
      params: {
        type: { in: 'body', type: 'string', required: true, enum: ['note', 'link'] },
        title: { in: 'body', type: 'string', description: 'The title of the push' },
        body: { in: 'body', type: 'string', description: 'The message text' },
        url: { in: 'body', type: 'string', format: 'uri', description: 'The link (type link)' },
        device_iden: { in: 'body', type: 'string', description: 'Only to this device' },
        email: { in: 'body', type: 'string', format: 'email', description: 'To this person (by e-mail)' },
        channel_tag: { in: 'body', type: 'string', description: 'To the subscribers of your channel' },
        client_iden: { in: 'body', type: 'string', description: 'To the users of your OAuth client' },
        guid: {
          in: 'body',
          type: 'string',
          description: 'Your unique ID for the push, to detect duplicates',
        },
      },
      output: { iden: 'iden', type: 'type', created: 'created' },
      summary: 'Pushed {iden}',
    },
    list_pushes: {
      description: 'List pushes, newest first; active=true hides deleted ones.',
      method: 'GET',
      path: '/pushes',
      params: {
        modified_after: {
          in: 'query',
          type: 'number',
          description: 'Only pushes modified after this Unix time (seconds, may have decimals)',
        },
        active: { in: 'query', type: 'boolean', description: 'true: only pushes that were not deleted' },
        limit: { in: 'query', type: 'integer', minimum: 1, maximum: 500, description: 'Pushes per page' },
      },
      pagination: { style: 'cursor', items: 'pushes', next: 'cursor', param: 'cursor' },
    },
  },
});
