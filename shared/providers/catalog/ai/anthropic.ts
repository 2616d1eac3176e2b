import { defineManifest } from '../../manifest/manifest-schema';

const Messages = {
  type: 'array',
  minItems: 1,
  maxItems: 200,
  description: 'The conversation: [{"role":"user"|"assistant","content":"…"}], starting with a user turn',
  items: {
    type: 'object',
    properties: {
      role: { type: 'string', enum: ['user', 'assistant'] },
      content: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'object' } }] },
    },
    required: ['role', 'content'],
  },
} as const;

export const anthropic = defineManifest({
  name: 'anthropic',
  title: 'Anthropic',
  category: 'ai',
  description: "Claude models through Anthropic's native Messages API.",
  docsUrl: 'https://docs.anthropic.com/en/api/messages',
  verification: 'wire-tested',
  baseUrl: 'https://api.anthropic.com/v1',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'x-api-key', value: '{token}' }],
    hint: 'An Anthropic API key (sk-ant-…)',
  },
  errors: { message: ['error.message'] },
  actions: {
    create_message: {
      description: 'Send a conversation to a Claude model; the reply text is output.content.',
      method: 'POST',
      path: '/messages',
      params: {
        model: {
          in: 'body',
          type: 'string',
          required: true,
          maxLength: 200,
          description: 'For example claude-sonnet-4-5',
        },
        max_tokens: {
          in: 'body',
          type: 'integer',
          required: true,
          minimum: 1,
          description: 'The most tokens the reply may have',
        },
        messages: { in: 'body', required: true, ...Messages },
        system: { in: 'body', type: 'string', description: 'The system prompt' },
        temperature: { in: 'body', type: 'number', minimum: 0, maximum: 1 },
        stop_sequences: { in: 'body', type: 'array', items: { type: 'string' }, maxItems: 8 },
      },
      constants: { headers: { 'anthropic-version': '2023-06-01' } },
      output: {
        content: 'content.0.text',
        model: 'model',
        stop_reason: 'stop_reason',
        id: 'id',
        usage: 'usage',
      },
      usage: { prompt: 'usage.input_tokens', completion: 'usage.output_tokens' },
      summary: 'Completed with {model}',
    },
    count_tokens: {
      description: 'Count the input tokens a conversation would use, without running the model.',
      method: 'POST',
      path: '/messages/count_tokens',
      params: {
        model: { in: 'body', type: 'string', required: true, maxLength: 200 },
        messages: { in: 'body', required: true, ...Messages },
        system: { in: 'body', type: 'string' },
      },
      constants: { headers: { 'anthropic-version': '2023-06-01' } },
      idempotent: true,
      output: 'input_tokens',
      summary: '{input_tokens} input tokens',
    },
    list_models: {
      description: 'List the Claude models the key can use, newest first.',
      method: 'GET',
      path: '/models',
      params: { limit: { in: 'query', type: 'integer', minimum: 1, maximum: 1000 } },
      constants: { headers: { 'anthropic-version': '2023-06-01' } },
      pagination: { style: 'after_last', items: 'data', more: 'has_more', param: 'after_id' },
    },
  },
});
