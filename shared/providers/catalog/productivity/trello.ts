import { defineManifest } from '../../manifest/manifest-schema';

const trelloId = {
  type: 'string' as const,
  pattern: '^[0-9a-fA-F]{24}$',
};

export const trello = defineManifest({
  name: 'trello',
  title: 'Trello',
  category: 'productivity',
  description: 'Create cards, comment on them and list the lists of a board with a Trello API key and token.',
  docsUrl: 'https://developer.atlassian.com/cloud/trello/rest/api-group-cards/',
  verification: 'wire-tested',
  baseUrl: 'https://api.trello.com/1',
  auth: {
    credentialType: 'api_key',
    fields: {
      key: { description: 'The API key of your Trello Power-Up', secret: true },
      token: { description: 'A user token authorized for that API key', secret: true },
    },
    apply: [
      { in: 'query', name: 'key', value: '{key}' },
      { in: 'query', name: 'token', value: '{token}' },
    ],
    hint: '{"key":"<API key>","token":"<token>"} from trello.com/power-ups/admin → API key',
  },
  errors: { message: ['message', 'error'] },
  actions: {
    create_card: {
      description: 'Create a card in a list; the output has the card ID and its short URL.',
      method: 'POST',
      path: '/cards',
      params: {
        list_id: {
          ...trelloId,
          in: 'query',
          wire: 'idList',
          required: true,
          description: 'The ID of the list the card goes in',
        },
        name: { in: 'query', type: 'string', maxLength: 16384, description: 'The card title' },
        desc: {
          in: 'query',
          type: 'string',
          maxLength: 16384,
          description: 'The card description (Markdown)',
        },
        pos: {
          in: 'query',
          type: 'string',
          description: 'Position in the list: top, bottom, or a positive number',
          pattern: '^(top|bottom|[0-9]+(\\.[0-9]+)?)$',
        },
        due: { in: 'query', type: 'string', format: 'date-time', description: 'Due date and time' },
        member_ids: {
          in: 'query',
          wire: 'idMembers',
          type: 'string',
          description: 'Comma-separated member IDs to add to the card',
        },
        label_ids: {
          in: 'query',
          wire: 'idLabels',
          type: 'string',
          description: 'Comma-separated label IDs to add to the card',
        },
        url_source: {
          in: 'query',
          wire: 'urlSource',
          type: 'string',
          format: 'uri',
          description: 'A URL to attach',
        },
      },
      output: { id: 'id', name: 'name', short_url: 'shortUrl', url: 'url', list_id: 'idList' },
      summary: 'Created card {name}: {shortUrl}',
    },
    add_comment: {
      description: 'Add a comment to a card.',
      method: 'POST',
      path: '/cards/{card_id}/actions/comments',
      params: {
        card_id: { ...trelloId, in: 'path', required: true, description: 'The card ID' },
        text: {
          in: 'query',
          type: 'string',
          required: true,
          minLength: 1,
          maxLength: 16384,
          description: 'The comment text',
        },
      },
      output: { id: 'id', date: 'date' },
      summary: 'Commented on the card',
    },
    list_board_lists: {
      description: 'List the lists of a board (to find a list ID for create_card).',
      method: 'GET',
      path: '/boards/{board_id}/lists',
      params: {
        board_id: { in: 'path', type: 'string', required: true, description: 'The board ID or short link' },
        filter: {
          in: 'query',
          type: 'string',
          enum: ['all', 'closed', 'none', 'open'],
          description: 'Which lists (default open)',
        },
      },
      summary: 'Listed the lists of the board',
    },
  },
});
