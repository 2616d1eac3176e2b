import { defineManifest } from '../../manifest/manifest-schema';

export const getresponse = defineManifest({
  name: 'getresponse',
  title: 'GetResponse',
  category: 'marketing',
  description: 'Add contacts to GetResponse lists (campaigns) and list contacts with the API v3.',
  docsUrl: 'https://apidocs.getresponse.com/v3/case-study/adding-contacts',
  verification: 'documented',
  baseUrl: 'https://api.getresponse.com/v3',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'X-Auth-Token', value: 'api-key {token}' }],
    hint: 'A GetResponse API key (Tools → Integrations and API → API)',
  },
  errors: { message: ['message', 'codeDescription'] },
  actions: {
    create_contact: {
      description: 'Add a contact to a list (campaign); GetResponse queues it and answers 202 with no body.',
      method: 'POST',
      path: '/contacts',
      params: {
        email: { in: 'body', type: 'string', format: 'email', required: true },
        campaign_id: {
          in: 'body',
          wire: 'campaign.campaignId',
          type: 'string',
          required: true,
          description: 'The list (campaign) id, e.g. fZ0Xg',
        },
        name: { in: 'body', type: 'string', maxLength: 128 },
        day_of_cycle: {
          in: 'body',
          wire: 'dayOfCycle',
          type: 'string',
          pattern: '^[0-9]{1,4}$',
          description: 'Start the autoresponder cycle on this day',
        },
        custom_field_values: {
          in: 'body',
          wire: 'customFieldValues',
          type: 'array',
          items: {
            type: 'object',
            properties: {
              customFieldId: { type: 'string' },
              value: { type: 'array', items: { type: 'string' } },
            },
            required: ['customFieldId', 'value'],
            additionalProperties: false,
          },
          description: '[{"customFieldId":"pas","value":["yes"]}]',
        },
        tag_ids: {
          in: 'body',
          wire: 'tags',
          type: 'array',
          items: {
            type: 'object',
            properties: { tagId: { type: 'string' } },
            required: ['tagId'],
            additionalProperties: false,
          },
          description: '[{"tagId":"Xw"}]',
        },
        ip_address: { in: 'body', wire: 'ipAddress', type: 'string' },
      },
      summary: 'GetResponse queued the contact',
    },
    list_contacts: {
      description: 'List contacts, optionally by e-mail or list (campaign).',
      method: 'GET',
      path: '/contacts',
      params: {
        email: {
          in: 'query',
          wire: 'query[email]',
          type: 'string',
          description: 'Filter by e-mail (partial match)',
        },
        campaign_id: {
          in: 'query',
          wire: 'query[campaignId]',
          type: 'string',
          description: 'Only contacts on this list',
        },
      },
      pagination: { style: 'page', items: '', param: 'page', sizeParam: 'perPage', size: 100 },
    },
  },
});
