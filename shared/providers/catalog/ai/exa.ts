import { defineManifest } from '../../manifest/manifest-schema';

export const exa = defineManifest({
  name: 'exa',
  title: 'Exa',
  category: 'ai',
  description: 'Neural web search that returns pages and their text.',
  docsUrl: 'https://docs.exa.ai/reference/search',
  verification: 'documented',
  baseUrl: 'https://api.exa.ai',
  auth: { credentialType: 'api_key', apply: [{ in: 'header', name: 'x-api-key', value: '{token}' }] },
  errors: { message: ['error'] },
  actions: {
    search: {
      description: 'Search the web; output.results has each hit with title, url and optional text.',
      method: 'POST',
      path: '/search',
      params: {
        query: { in: 'body', type: 'string', required: true },
        num_results: { in: 'body', wire: 'numResults', type: 'integer', minimum: 1, maximum: 100 },
        type: { in: 'body', type: 'string', enum: ['auto', 'neural', 'keyword', 'fast'] },
        include_text: {
          in: 'body',
          wire: 'contents.text',
          type: 'boolean',
          description: "Also return each page's text",
        },
      },
      idempotent: true,
      output: 'results',
    },
  },
});
