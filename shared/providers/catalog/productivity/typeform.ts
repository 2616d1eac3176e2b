import { defineManifest } from '../../manifest/manifest-schema';

export const typeform = defineManifest({
  name: 'typeform',
  title: 'Typeform',
  category: 'productivity',
  description: 'List Typeform forms and read their responses with a personal access token.',
  docsUrl: 'https://www.typeform.com/developers/responses/reference/retrieve-responses/',
  verification: 'documented',
  baseUrl: 'https://api.typeform.com',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A personal access token (Account → Personal tokens) with forms:read and responses:read',
  },
  errors: { message: ['description', 'message', 'code'] },
  actions: {
    list_responses: {
      description: 'Read responses of a form (newest first, up to 1000) with optional time and text filters.',
      method: 'GET',
      path: '/forms/{form_id}/responses',
      params: {
        form_id: {
          in: 'path',
          type: 'string',
          required: true,
          pattern: '^[A-Za-z0-9]+$',
          description: 'The form ID, from the form URL (…/to/<ID>)',
        },
        page_size: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          description: 'How many (default 25)',
        },
        since: { in: 'query', type: 'string', description: 'Submitted since (ISO 8601 UTC or Unix seconds)' },
        until: { in: 'query', type: 'string', description: 'Submitted until (ISO 8601 UTC or Unix seconds)' },
        after: { in: 'query', type: 'string', description: 'Responses after this response token' },
        before: { in: 'query', type: 'string', description: 'Responses before this response token' },
        response_type: {
          in: 'query',
          type: 'string',
          description: 'Comma-separated: started, partial, completed (default completed)',
        },
        query: { in: 'query', type: 'string', description: 'Only responses containing this text' },
        sort: { in: 'query', type: 'string', description: 'e.g. submitted_at,desc' },
      },
      output: { total_items: 'total_items', page_count: 'page_count', items: 'items' },
      summary: 'Read {total_items} response(s)',
    },
    list_forms: {
      description: 'List your forms; reads more pages with max_pages.',
      method: 'GET',
      path: '/forms',
      params: {
        search: { in: 'query', type: 'string', description: 'Only forms whose title contains this' },
        workspace_id: { in: 'query', type: 'string', description: 'Only forms of this workspace' },
      },
      pagination: { style: 'page', items: 'items', param: 'page', sizeParam: 'page_size', size: 200 },
    },
  },
});
