import { defineManifest } from '../../manifest/manifest-schema';

const PROPERTY_NAMES = {
  type: 'array',
  items: { type: 'string', maxLength: 100 },
  maxItems: 100,
  description: 'Contact property internal names to return (default: a standard set)',
} as const;

export const hubspot = defineManifest({
  name: 'hubspot',
  title: 'HubSpot CRM',
  category: 'crm',
  description: 'Create, update, read and list HubSpot CRM contacts through the CRM v3 objects API.',
  docsUrl: 'https://developers.hubspot.com/docs/api/crm/contacts',
  verification: 'wire-tested',
  baseUrl: 'https://api.hubapi.com',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A private app access token (Settings → Integrations → Private apps), scope crm.objects.contacts',
  },
  errors: { message: ['message', 'errors.0.message'] },
  actions: {
    create_contact: {
      description: 'Create one contact from property values (email, firstname, lastname, phone, …).',
      method: 'POST',
      path: '/crm/v3/objects/contacts',
      params: {
        properties: {
          in: 'body',
          type: 'object',
          required: true,
          additionalProperties: { type: 'string' },
          description:
            'Property internal names and values, e.g. {"email":"ada@example.com","firstname":"Ada"}; include email, firstname or lastname',
        },
      },
      output: { id: 'id', properties: 'properties', created_at: 'createdAt' },
      summary: 'Created HubSpot contact {id}',
    },
    update_contact: {
      description: 'Change property values of an existing contact, by its record id.',
      method: 'PATCH',
      path: '/crm/v3/objects/contacts/{contact_id}',
      params: {
        contact_id: {
          in: 'path',
          required: true,
          type: 'string',
          pattern: '^[0-9]{1,20}$',
          description: 'The contact record id',
        },
        properties: {
          in: 'body',
          type: 'object',
          required: true,
          additionalProperties: { type: 'string' },
          description: 'Property internal names and their new values',
        },
      },
      output: { id: 'id', properties: 'properties', updated_at: 'updatedAt' },
      summary: 'Updated HubSpot contact {id}',
    },
    get_contact: {
      description: 'Read one contact by its record id.',
      method: 'GET',
      path: '/crm/v3/objects/contacts/{contact_id}',
      params: {
        contact_id: {
          in: 'path',
          required: true,
          type: 'string',
          pattern: '^[0-9]{1,20}$',
          description: 'The contact record id',
        },
        properties: { in: 'query', ...PROPERTY_NAMES },
      },
      output: { id: 'id', properties: 'properties', created_at: 'createdAt', updated_at: 'updatedAt' },
      summary: 'Read HubSpot contact {id}',
    },
    list_contacts: {
      description: 'List contacts page by page (HubSpot returns paging.next.after as the next cursor).',
      method: 'GET',
      path: '/crm/v3/objects/contacts',
      params: {
        limit: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 100,
          default: 100,
          description: 'Contacts per page (at most 100)',
        },
        properties: { in: 'query', ...PROPERTY_NAMES },
        archived: { in: 'query', type: 'boolean', description: 'List archived contacts instead' },
      },
      pagination: { style: 'cursor', items: 'results', next: 'paging.next.after', param: 'after' },
    },
  },
});
