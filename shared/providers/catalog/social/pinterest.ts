import { defineManifest } from '../../manifest/manifest-schema';

export const pinterest = defineManifest({
  name: 'pinterest',
  title: 'Pinterest',
  category: 'social',
  description: 'Create Pins from image URLs and list boards and their Pins through the Pinterest API v5.',
  docsUrl: 'https://developers.pinterest.com/docs/api/v5/pins-create',
  verification: 'documented',
  baseUrl: 'https://api.pinterest.com/v5',
  auth: {
    credentialType: 'oauth',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An OAuth access token with boards:read, pins:read and pins:write',
  },
  errors: { message: ['message'] },
  actions: {
    create_pin: {
      description: 'Create an image Pin on a board from a public image URL; the output has the Pin ID.',
      method: 'POST',
      path: '/pins',
      idempotent: false,
      constants: { body: { media_source: { source_type: 'image_url' } } },
      params: {
        board_id: { in: 'body', type: 'string', required: true, pattern: '^[0-9]{1,20}$' },
        board_section_id: { in: 'body', type: 'string', pattern: '^[0-9]{1,20}$' },
        image_url: {
          in: 'body',
          wire: 'media_source.url',
          type: 'string',
          required: true,
          format: 'uri',
          description: 'A public URL of the image',
        },
        title: { in: 'body', type: 'string', maxLength: 100 },
        description: { in: 'body', type: 'string', maxLength: 800 },
        link: {
          in: 'body',
          type: 'string',
          format: 'uri',
          maxLength: 2048,
          description: 'Where the Pin leads',
        },
        alt_text: { in: 'body', type: 'string', maxLength: 500 },
        note: { in: 'body', type: 'string', description: 'A private note' },
      },
      output: { id: 'id', board_id: 'board_id', created_at: 'created_at' },
      summary: 'Created Pin {id}',
    },
    list_boards: {
      description: 'List the boards of the account.',
      method: 'GET',
      path: '/boards',
      params: {
        privacy: { in: 'query', type: 'string', enum: ['ALL', 'PUBLIC', 'PROTECTED', 'SECRET'] },
        page_size: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 250,
          description: 'Per page (default 25)',
        },
      },
      pagination: { style: 'cursor', items: 'items', next: 'bookmark', param: 'bookmark' },
    },
    list_board_pins: {
      description: 'List the Pins of a board.',
      method: 'GET',
      path: '/boards/{board_id}/pins',
      params: {
        board_id: { in: 'path', type: 'string', required: true, pattern: '^[0-9]{1,20}$' },
        page_size: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 250,
          description: 'Per page (default 25)',
        },
      },
      pagination: { style: 'cursor', items: 'items', next: 'bookmark', param: 'bookmark' },
    },
  },
});
