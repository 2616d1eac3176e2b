import { defineManifest } from '../../manifest/manifest-schema';

const Model = {
  in: 'path',
  type: 'string',
  required: true,
  pattern: '^[a-z0-9][a-z0-9.-]{0,99}$',
  description: 'For example gemini-2.5-flash',
} as const;

export const gemini = defineManifest({
  name: 'gemini',
  title: 'Google Gemini',
  category: 'ai',
  description: "Gemini models through Google's native Generative Language API.",
  docsUrl: 'https://ai.google.dev/api/generate-content',
  verification: 'wire-tested',
  baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'x-goog-api-key', value: '{token}' }],
    hint: 'A Gemini API key from Google AI Studio',
  },
  errors: { message: ['error.message'] },
  actions: {
    generate_content: {
      description: 'Generate text from a prompt with a Gemini model; the reply text is output.content.',
      method: 'POST',
      path: '/models/{model}:generateContent',
      params: {
        model: Model,
        prompt: {
          in: 'body',
          wire: 'contents.0.parts.0.text',
          type: 'string',
          required: true,
          description: 'The user turn',
        },
        system: { in: 'body', wire: 'systemInstruction.parts.0.text', type: 'string' },
        temperature: {
          in: 'body',
          wire: 'generationConfig.temperature',
          type: 'number',
          minimum: 0,
          maximum: 2,
        },
        max_output_tokens: {
          in: 'body',
          wire: 'generationConfig.maxOutputTokens',
          type: 'integer',
          minimum: 1,
        },
        response_mime_type: {
          in: 'body',
          wire: 'generationConfig.responseMimeType',
          type: 'string',
          enum: ['text/plain', 'application/json'],
        },
      },
      constants: { body: { contents: [{ role: 'user' }] } },
      output: {
        content: 'candidates.0.content.parts.0.text',
        finish_reason: 'candidates.0.finishReason',
        model: 'modelVersion',
        usage: 'usageMetadata',
      },
      usage: { prompt: 'usageMetadata.promptTokenCount', completion: 'usageMetadata.candidatesTokenCount' },
      summary: 'Completed with {modelVersion}',
    },
    embed_content: {
      description: 'Turn a text into an embedding vector (output.values).',
      method: 'POST',
      path: '/models/{model}:embedContent',
      params: {
        model: Model,
        text: { in: 'body', wire: 'content.parts.0.text', type: 'string', required: true },
        task_type: {
          in: 'body',
          wire: 'taskType',
          type: 'string',
          enum: [
            'RETRIEVAL_QUERY',
            'RETRIEVAL_DOCUMENT',
            'SEMANTIC_SIMILARITY',
            'CLASSIFICATION',
            'CLUSTERING',
          ],
        },
      },
      idempotent: true,
      output: 'embedding',
    },
  },
});
