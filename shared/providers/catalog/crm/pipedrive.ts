import { defineManifest } from '../../manifest/manifest-schema';

const CONTACT_ITEMS = {
  type: 'array',
  maxItems: 20,
  items: {
    type: 'object',
    properties: {
      value: { type: 'string', maxLength: 255 },
      primary: { type: 'boolean' },
      label: { type: 'string', description: 'work, home, mobile or other' },
    },
    required: ['value'],
    additionalProperties: false,
  },
} as const;

export const pipedrive = defineManifest({
  name: 'pipedrive',
  title: 'Pipedrive',
  category: 'crm',
  description: 'Add persons and deals to Pipedrive and list deals, with the API v2 and a personal API token.',
  docsUrl: 'https://developers.pipedrive.com/docs/api/v1',
  verification: 'wire-tested',
  baseUrl: 'https://{company_domain}.pipedrive.com/api/v2',
  auth: {
    credentialType: 'api_key',
    fields: {
      company_domain: {
        description: 'The company domain: the "acme" of acme.pipedrive.com',
        pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
      },
      api_token: { description: 'Your personal API token (Personal preferences → API)', secret: true },
    },
    apply: [{ in: 'header', name: 'x-api-token', value: '{api_token}' }],
    hint: '{"company_domain":"acme","api_token":"…"}',
  },
  errors: { message: ['error', 'error_info', 'message'] },
  actions: {
    add_person: {
      description: 'Add a person (contact), optionally linked to an organization.',
      method: 'POST',
      path: '/persons',
      params: {
        name: { in: 'body', type: 'string', required: true, maxLength: 255, description: 'Full name' },
        emails: {
          in: 'body',
          ...CONTACT_ITEMS,
          description: 'E-mail addresses: [{"value":"ada@example.com","primary":true,"label":"work"}]',
        },
        phones: {
          in: 'body',
          ...CONTACT_ITEMS,
          description: 'Phone numbers: [{"value":"+44 20 7946 0000","primary":true,"label":"work"}]',
        },
        org_id: { in: 'body', type: 'integer', description: 'The organization the person belongs to' },
        owner_id: { in: 'body', type: 'integer', description: 'The owning user (default: you)' },
        visible_to: {
          in: 'body',
          type: 'integer',
          enum: [1, 3, 5, 7],
          description: '1 owner only, 3 whole company (5, 7 on larger plans)',
        },
      },
      output: { id: 'data.id', name: 'data.name', person: 'data' },
      summary: 'Added person {data.name} (#{data.id})',
    },
    add_deal: {
      description: 'Add a deal, optionally with its value, person, organization and stage.',
      method: 'POST',
      path: '/deals',
      params: {
        title: { in: 'body', type: 'string', required: true, maxLength: 255, description: 'Deal title' },
        value: { in: 'body', type: 'number', minimum: 0, description: 'Deal value' },
        currency: {
          in: 'body',
          type: 'string',
          pattern: '^[A-Z]{3}$',
          description: 'ISO 4217 currency code (default: the company currency)',
        },
        person_id: { in: 'body', type: 'integer', description: 'The linked person' },
        org_id: { in: 'body', type: 'integer', description: 'The linked organization' },
        pipeline_id: { in: 'body', type: 'integer' },
        stage_id: {
          in: 'body',
          type: 'integer',
          description: 'Stage (default: first stage of the pipeline)',
        },
        owner_id: { in: 'body', type: 'integer' },
        status: { in: 'body', type: 'string', enum: ['open', 'won', 'lost'] },
        expected_close_date: { in: 'body', type: 'string', format: 'date' },
      },
      output: { id: 'data.id', title: 'data.title', deal: 'data' },
      summary: 'Added deal {data.title} (#{data.id})',
    },
    list_deals: {
      description: 'List deals, newest first by default; additional_data.next_cursor leads to the next page.',
      method: 'GET',
      path: '/deals',
      params: {
        status: { in: 'query', type: 'string', enum: ['open', 'won', 'lost', 'deleted'] },
        owner_id: { in: 'query', type: 'integer' },
        person_id: { in: 'query', type: 'integer' },
        org_id: { in: 'query', type: 'integer' },
        stage_id: { in: 'query', type: 'integer' },
        limit: { in: 'query', type: 'integer', minimum: 1, maximum: 500, default: 100 },
      },
      pagination: { style: 'cursor', items: 'data', next: 'additional_data.next_cursor', param: 'cursor' },
    },
  },
});
