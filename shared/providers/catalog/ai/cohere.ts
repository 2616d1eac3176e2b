import { defineManifest } from '../../manifest/manifest-schema';

export const cohere = defineManifest({
  name: 'cohere',
  title: 'Cohere',
  category: 'ai',
  description: "Rerank and embed texts with Cohere's v2 API.",
  docsUrl: 'https://docs.cohere.com/reference/rerank',
  verification: 'documented',
  baseUrl: 'https://api.cohere.com/v2',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
  },
  errors: { message: ['message'] },
  actions: {
    rerank: {
      description:
        'Order documents by their relevance to a query (output.results: index and relevance_score).',
      method: 'POST',
      path: '/rerank',
      params: {
        model: { in: 'body', type: 'string', required: true, description: 'For example rerank-v3.5' },
        query: { in: 'body', type: 'string', required: true },
        documents: { in: 'body', type: 'array', items: { type: 'string' }, required: true, maxItems: 1000 },
        top_n: { in: 'body', type: 'integer', minimum: 1 },
      },
      idempotent: true,
      output: 'results',
    },
    embed: {
      description: 'Embed texts as float vectors (output: one vector per text).',
      method: 'POST',
      path: '/embed',
      params: {
        model: { in: 'body', type: 'string', required: true, description: 'For example embed-v4.0' },
        texts: { in: 'body', type: 'array', items: { type: 'string' }, required: true, maxItems: 96 },
        input_type: {
          in: 'body',
          type: 'string',
          required: true,
          enum: ['search_document', 'search_query', 'classification', 'clustering'],
        },
      },
      constants: { body: { embedding_types: ['float'] } },
      idempotent: true,
      output: 'embeddings.float',
    },
  },
});
