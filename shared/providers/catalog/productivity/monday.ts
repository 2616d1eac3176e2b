import { defineManifest } from '../../manifest/manifest-schema';

const CREATE_ITEM = `mutation CreateItem($board_id: ID!, $item_name: String!, $group_id: String, $column_values: JSON) {
  create_item(board_id: $board_id, item_name: $item_name, group_id: $group_id, column_values: $column_values) {
    id
    name
  }
}`;

const CREATE_UPDATE = `mutation CreateUpdate($item_id: ID!, $body: String!) {
  create_update(item_id: $item_id, body: $body) {
    id
  }
}`;

const id = { type: 'string' as const, pattern: '^[0-9]+$' };

export const monday = defineManifest({
  name: 'monday',
  title: 'monday.com',
  category: 'productivity',
  description:
    'Create items and post updates on monday.com boards through the GraphQL API with a personal API token.',
  docsUrl: 'https://developer.monday.com/api-reference/reference/items',
  verification: 'documented',
  baseUrl: 'https://api.monday.com',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: '{token}' }],
    hint: 'A personal API token from your avatar → Developers → My access tokens',
  },
  errors: { errorWhenPresent: 'errors', message: ['errors.0.message', 'error_message'] },
  actions: {
    create_item: {
      description: 'Create an item (row) on a board, optionally in a group and with column values.',
      method: 'POST',
      path: '/v2',
      params: {
        board_id: {
          ...id,
          in: 'body',
          wire: 'variables.board_id',
          required: true,
          description: 'The board ID',
        },
        item_name: {
          in: 'body',
          wire: 'variables.item_name',
          type: 'string',
          required: true,
          maxLength: 255,
          description: 'The item name',
        },
        group_id: {
          in: 'body',
          wire: 'variables.group_id',
          type: 'string',
          description: 'The group ID, e.g. topics',
        },
        column_values: {
          in: 'body',
          wire: 'variables.column_values',
          type: 'string',
          description: 'Column values as a JSON string keyed by column ID, e.g. {"status":{"label":"Done"}}',
        },
      },
      constants: { headers: { 'API-Version': '2026-07' }, body: { query: CREATE_ITEM } },
      output: { id: 'data.create_item.id', name: 'data.create_item.name' },
      summary: 'Created item {data.create_item.name}',
    },
    create_update: {
      description: 'Post an update (comment) on an item.',
      method: 'POST',
      path: '/v2',
      params: {
        item_id: { ...id, in: 'body', wire: 'variables.item_id', required: true, description: 'The item ID' },
        body: {
          in: 'body',
          wire: 'variables.body',
          type: 'string',
          required: true,
          description: 'The text (HTML allowed)',
        },
      },
      constants: { headers: { 'API-Version': '2026-07' }, body: { query: CREATE_UPDATE } },
      output: { id: 'data.create_update.id' },
      summary: 'Posted an update',
    },
  },
});
