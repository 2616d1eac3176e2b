import { defineManifest } from '../../manifest/manifest-schema';

export const serper = defineManifest({
  name: 'serper',
  title: 'Serper',
  category: 'ai',
  description: 'Google search results as JSON, for grounding LLM steps.',
  docsUrl: 'https://serper.dev/api-reference',
  verification: 'documented',
  baseUrl: 'https://google.serper.dev',
  auth: { credentialType: 'api_key', apply: [{ in: 'header', name: 'X-API-KEY', value: '{token}' }] },
  errors: { message: ['message'] },
  actions: {
    search: {
      description: 'Web search; output.organic lists the results (title, link, snippet).',
      method: 'POST',
      path: '/search',
      params: {
        q: { in: 'body', type: 'string', required: true, description: 'The query' },
        gl: { in: 'body', type: 'string', maxLength: 2, description: 'Country code, for example us' },
        hl: { in: 'body', type: 'string', maxLength: 5, description: 'Language code, for example en' },
        num: { in: 'body', type: 'integer', minimum: 1, maximum: 100 },
      },
      idempotent: true,
      output: { organic: 'organic', answer_box: 'answerBox', knowledge_graph: 'knowledgeGraph' },
    },
    news: {
      description: 'News search; output is the list of articles.',
      method: 'POST',
      path: '/news',
      params: {
        q: { in: 'body', type: 'string', required: true },
        gl: { in: 'body', type: 'string', maxLength: 2 },
        num: { in: 'body', type: 'integer', minimum: 1, maximum: 100 },
      },
      idempotent: true,
      output: 'news',
    },
  },
});
