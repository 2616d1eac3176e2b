import { defineManifest } from '../../manifest/manifest-schema';

export const keap = defineManifest({
  name: 'keap',
  title: 'Keap',
  category: 'crm',
  description: 'Create and list Keap (Infusionsoft) contacts and tag them, with the REST API v2.',
  docsUrl: 'https://developer.infusionsoft.com/pat-and-sak/',
  verification: 'documented',
  baseUrl: 'https://api.infusionsoft.com/crm/rest/v2',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'X-Keap-API-Key', value: '{token}' }],
    hint: 'A Personal Access Token or Service Account Key (Settings → API Settings)',
  },
  errors: { message: ['message', 'error.message', 'error'] },
  actions: {
    create_contact: {
      description: 'Create a contact with a name, e-mail and phone.',
      method: 'POST',
      path: '/contacts',
      params: {
        given_name: { in: 'body', type: 'string', description: 'First name' },
        family_name: { in: 'body', type: 'string', description: 'Last name' },
        email: { in: 'body', wire: 'email_addresses.0.email', type: 'string', format: 'email' },
        email_field: {
          in: 'body',
          wire: 'email_addresses.0.field',
          type: 'string',
          enum: ['EMAIL1', 'EMAIL2', 'EMAIL3'],
          default: 'EMAIL1',
        },
        phone: { in: 'body', wire: 'phone_numbers.0.number', type: 'string' },
        phone_field: {
          in: 'body',
          wire: 'phone_numbers.0.field',
          type: 'string',
          enum: ['PHONE1', 'PHONE2', 'PHONE3', 'PHONE4', 'PHONE5'],
        },
        job_title: { in: 'body', type: 'string' },
      },
      output: { id: 'id', contact: '' },
      summary: 'Created Keap contact {id}',
    },
    list_contacts: {
      description:
        'List contacts, optionally filtered (e.g. email==ada@example.com); pages via next_page_token.',
      method: 'GET',
      path: '/contacts',
      params: {
        filter: {
          in: 'query',
          type: 'string',
          description: 'A filter expression, e.g. email==ada@example.com',
        },
        order_by: { in: 'query', type: 'string', description: 'e.g. id desc' },
        page_size: { in: 'query', type: 'integer', minimum: 1, maximum: 1000, default: 100 },
      },
      pagination: { style: 'cursor', items: 'contacts', next: 'next_page_token', param: 'page_token' },
    },
    apply_tag: {
      description: 'Apply a tag to one or more contacts.',
      method: 'POST',
      path: '/tags/{tag_id}/contacts:applyTags',
      params: {
        tag_id: { in: 'path', required: true, type: 'string', pattern: '^[0-9]{1,20}$' },
        contact_ids: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          maxItems: 100,
          items: { type: 'string', pattern: '^[0-9]{1,20}$' },
        },
      },
      summary: 'Tagged the contacts',
    },
  },
});
