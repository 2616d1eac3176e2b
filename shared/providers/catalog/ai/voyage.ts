import { defineManifest } from '../../manifest/manifest-schema';

export const voyage = defineManifest({
  name: 'voyage',
  title: 'Voyage AI',
  category: 'ai',
  description: 'Embeddings and reranking for retrieval with Voyage AI.',
  docsUrl: 'https://docs.voyageai.com/reference/embeddings-api',
  verification: 'documented',
  baseUrl: 'https://api.voyageai.com/v1',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
  },
  errors: { message: ['detail', 'error.message'] },
  actions: {
    embed: {
      description: 'Embed one or more texts (output.data: one embedding per input).',
      method: 'POST',
      path: '/embeddings',
      params: {
        input: { in: 'body', type: 'array', items: { type: 'string' }, required: true, maxItems: 1000 },
        model: { in: 'body', type: 'string', required: true, description: 'For example voyage-3.5' },
        input_type: { in: 'body', type: 'string', enum: ['query', 'document'] },
      },
      idempotent: true,
      output: { data: 'data', model: 'model', usage: 'usage' },
    },
    rerank: {
      description: 'Order documents by their relevance to a query.',
      method: 'POST',
      path: '/rerank',
      params: {
        query: { in: 'body', type: 'string', required: true },
        documents: { in: 'body', type: 'array', items: { type: 'string' }, required: true },
        model: { in: 'body', type: 'string', required: true, description: 'For example rerank-2.5' },
        top_k: { in: 'body', type: 'integer', minimum: 1 },
      },
      idempotent: true,
      output: 'data',
    },
  },
});
