import { defineManifest } from '../../manifest/manifest-schema';

const itemId = {
  in: 'path' as const,
  type: 'string' as const,
  required: true as const,
  pattern: '^[A-Za-z0-9!_.-]{1,200}$',
  description: 'The drive item id',
};
const listing = {
  top: {
    in: 'query' as const,
    wire: '$top',
    type: 'integer' as const,
    minimum: 1,
    maximum: 999,
    description: 'Items to return',
  },
  select: {
    in: 'query' as const,
    wire: '$select',
    type: 'string' as const,
    description: 'e.g. id,name,size,webUrl',
  },
  orderby: { in: 'query' as const, wire: '$orderby', type: 'string' as const, description: 'e.g. name asc' },
};

export const onedrive = defineManifest({
  name: 'onedrive',
  title: 'Microsoft OneDrive',
  category: 'storage',
  description:
    "List, read, create folders in, share and delete items of the signed-in user's OneDrive through Microsoft Graph.",
  docsUrl: 'https://learn.microsoft.com/en-us/graph/api/resources/onedrive',
  verification: 'documented',
  baseUrl: 'https://graph.microsoft.com/v1.0',
  auth: {
    credentialType: 'oauth',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A Microsoft Graph access token with Files.Read or Files.ReadWrite',
  },
  actions: {
    list_root: {
      description: 'List the items at the root of the drive (first page).',
      method: 'GET',
      path: '/me/drive/root/children',
      params: listing,
      output: 'value',
    },
    list_children: {
      description: 'List the items in a folder (first page).',
      method: 'GET',
      path: '/me/drive/items/{item_id}/children',
      params: { item_id: itemId, ...listing },
      output: 'value',
    },
    get_item: {
      description: 'Read the metadata of a file or folder.',
      method: 'GET',
      path: '/me/drive/items/{item_id}',
      params: { item_id: itemId, select: listing.select },
    },
    create_folder: {
      description: 'Create a folder inside a parent folder; a name conflict gets a new name.',
      method: 'POST',
      path: '/me/drive/items/{parent_id}/children',
      constants: { body: { folder: {}, '@microsoft.graph.conflictBehavior': 'rename' } },
      params: {
        parent_id: { ...itemId, description: 'The parent folder id' },
        name: { in: 'body', type: 'string', required: true, minLength: 1, maxLength: 255 },
      },
      output: { id: 'id', name: 'name', web_url: 'webUrl' },
      summary: 'Created folder {name}',
    },
    create_link: {
      description:
        'Create a sharing link for an item (view, edit or embed; anonymous or organization scope).',
      method: 'POST',
      path: '/me/drive/items/{item_id}/createLink',
      params: {
        item_id: itemId,
        type: { in: 'body', type: 'string', required: true, enum: ['view', 'edit', 'embed'] },
        scope: { in: 'body', type: 'string', enum: ['anonymous', 'organization', 'users'] },
        expiration_date_time: { in: 'body', wire: 'expirationDateTime', type: 'string', format: 'date-time' },
      },
      output: { url: 'link.webUrl', type: 'link.type', scope: 'link.scope' },
      summary: 'Sharing link {link.webUrl}',
      idempotent: true,
    },
    delete_item: {
      description: 'Move a file or folder to the recycle bin.',
      method: 'DELETE',
      path: '/me/drive/items/{item_id}',
      params: { item_id: itemId },
      summary: 'Deleted the item',
      idempotent: true,
    },
  },
});
