import { defineManifest } from '../../manifest/manifest-schema';

export const tavily = defineManifest({
  name: 'tavily',
  title: 'Tavily',
  category: 'ai',
  description: 'Web search and page extraction built for LLM agents.',
  docsUrl: 'https://docs.tavily.com/documentation/api-reference/endpoint/search',
  verification: 'wire-tested',
  baseUrl: 'https://api.tavily.com',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A Tavily API key (tvly-…)',
  },
  errors: { message: ['detail.error', 'error'] },
  actions: {
    search: {
      description: 'Search the web; output.results has title, url and content of each hit.',
      method: 'POST',
      path: '/search',
      params: {
        query: { in: 'body', type: 'string', required: true, maxLength: 400 },
        topic: { in: 'body', type: 'string', enum: ['general', 'news', 'finance'] },
        search_depth: { in: 'body', type: 'string', enum: ['basic', 'advanced'] },
        max_results: { in: 'body', type: 'integer', minimum: 0, maximum: 20 },
        include_answer: { in: 'body', type: 'boolean', description: 'Also return a short generated answer' },
        time_range: { in: 'body', type: 'string', enum: ['day', 'week', 'month', 'year'] },
      },
      idempotent: true,
      output: { answer: 'answer', results: 'results' },
      summary: 'Searched for {query}',
    },
    extract: {
      description: 'Fetch web pages and return their main content as text.',
      method: 'POST',
      path: '/extract',
      params: {
        urls: {
          in: 'body',
          type: 'array',
          items: { type: 'string', format: 'uri' },
          required: true,
          maxItems: 20,
        },
        extract_depth: { in: 'body', type: 'string', enum: ['basic', 'advanced'] },
      },
      idempotent: true,
      output: { results: 'results', failed_results: 'failed_results' },
    },
  },
});
