import { defineManifest } from '../../manifest/manifest-schema';

export const activecampaign = defineManifest({
  name: 'activecampaign',
  title: 'ActiveCampaign',
  category: 'marketing',
  description:
    'Create or sync contacts, subscribe them to lists and tag them with the ActiveCampaign API v3.',
  docsUrl: 'https://developers.activecampaign.com/reference/overview',
  verification: 'wire-tested',
  baseUrl: 'https://{account}.api-us1.com/api/3',
  auth: {
    credentialType: 'api_key',
    fields: {
      account: {
        description: 'The account name in the API URL https://<account>.api-us1.com (Settings → Developer)',
        pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
      },
      api_token: { description: 'The user’s API key (Settings → Developer)', secret: true },
    },
    apply: [{ in: 'header', name: 'Api-Token', value: '{api_token}' }],
    hint: '{"account":"acme","api_token":"…"}',
  },
  errors: { message: ['errors.0.title', 'errors.0.detail', 'message'] },
  actions: {
    sync_contact: {
      description: 'Create a contact, or update the one with this e-mail address.',
      method: 'POST',
      path: '/contact/sync',
      params: {
        email: { in: 'body', wire: 'contact.email', type: 'string', format: 'email', required: true },
        first_name: { in: 'body', wire: 'contact.firstName', type: 'string' },
        last_name: { in: 'body', wire: 'contact.lastName', type: 'string' },
        phone: { in: 'body', wire: 'contact.phone', type: 'string' },
        field_values: {
          in: 'body',
          wire: 'contact.fieldValues',
          type: 'array',
          items: {
            type: 'object',
            properties: { field: { type: 'string' }, value: { type: 'string' } },
            required: ['field', 'value'],
            additionalProperties: false,
          },
          description: 'Custom field values: [{"field":"1","value":"…"}]',
        },
      },
      output: { id: 'contact.id', email: 'contact.email' },
      summary: 'Synced contact {contact.id}',
    },
    subscribe_to_list: {
      description: 'Subscribe (status 1) or unsubscribe (status 2) a contact on a list.',
      method: 'POST',
      path: '/contactLists',
      params: {
        list_id: { in: 'body', wire: 'contactList.list', type: 'integer', minimum: 1, required: true },
        contact_id: { in: 'body', wire: 'contactList.contact', type: 'integer', minimum: 1, required: true },
        status: {
          in: 'body',
          wire: 'contactList.status',
          type: 'integer',
          enum: [1, 2],
          required: true,
          description: '1 subscribe, 2 unsubscribe',
        },
      },
      output: 'contactList',
      summary: 'List membership updated',
    },
    add_tag: {
      description: 'Add a tag (by id) to a contact.',
      method: 'POST',
      path: '/contactTags',
      params: {
        contact_id: { in: 'body', wire: 'contactTag.contact', type: 'integer', minimum: 1, required: true },
        tag_id: { in: 'body', wire: 'contactTag.tag', type: 'integer', minimum: 1, required: true },
      },
      output: 'contactTag',
      summary: 'Tag added',
    },
    list_contacts: {
      description: 'List contacts, optionally filtered by e-mail or list.',
      method: 'GET',
      path: '/contacts',
      params: {
        email: { in: 'query', type: 'string', description: 'Only the contact with this address' },
        listid: { in: 'query', type: 'integer', minimum: 1, description: 'Only contacts on this list' },
        search: { in: 'query', type: 'string', description: 'Search by name, organisation, phone or e-mail' },
      },
      pagination: { style: 'offset', items: 'contacts', param: 'offset', sizeParam: 'limit', size: 100 },
    },
  },
});
