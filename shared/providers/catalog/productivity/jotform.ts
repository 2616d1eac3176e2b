import { defineManifest } from '../../manifest/manifest-schema';

export const jotform = defineManifest({
  name: 'jotform',
  title: 'Jotform',
  category: 'productivity',
  description: 'List Jotform forms and their submissions with an API key.',
  docsUrl: 'https://api.jotform.com/docs/',
  verification: 'wire-tested',
  baseUrl: 'https://api.jotform.com',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'APIKEY', value: '{token}' }],
    hint: 'An API key from My Account → API (Full Access or Read Access)',
  },
  errors: { message: ['message'] },
  actions: {
    list_submissions: {
      description: 'List the submissions of a form, newest first; reads more pages with max_pages.',
      method: 'GET',
      path: '/form/{form_id}/submissions',
      params: {
        form_id: {
          in: 'path',
          type: 'string',
          required: true,
          pattern: '^[0-9]{5,20}$',
          description: 'The form ID',
        },
        filter: {
          in: 'query',
          type: 'string',
          description: 'A JSON filter, e.g. {"created_at:gt":"2026-01-01 00:00:00"}',
        },
        order_by: {
          in: 'query',
          wire: 'orderby',
          type: 'string',
          description: 'Order by this field, e.g. created_at',
        },
      },
      pagination: { style: 'offset', items: 'content', param: 'offset', sizeParam: 'limit', size: 100 },
    },
    list_forms: {
      description: 'List the forms of the account.',
      method: 'GET',
      path: '/user/forms',
      params: {
        limit: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          description: 'How many (default 20)',
        },
        offset: { in: 'query', type: 'integer', minimum: 0, description: 'Skip this many' },
      },
      output: 'content',
      summary: 'Listed the forms',
    },
    get_submission: {
      description: 'Read one submission with its answers.',
      method: 'GET',
      path: '/submission/{submission_id}',
      params: {
        submission_id: {
          in: 'path',
          type: 'string',
          required: true,
          pattern: '^[0-9]{5,25}$',
          description: 'The submission ID',
        },
      },
      output: 'content',
      summary: 'Read the submission',
    },
  },
});
