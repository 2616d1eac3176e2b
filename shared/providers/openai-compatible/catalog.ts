import type { OpenAiCompatibleOptions } from './factory';

type Entry = OpenAiCompatibleOptions & { docsUrl: string };

/** A self-hosted server: each step names its `base_url`; a key is optional. */
const selfHosted = (name: string, title: string, docsUrl: string): Entry => ({
  name,
  title,
  docsUrl,
  credentialRequired: false,
  description: `Chat completions from a ${title} server you run (each step gives its base_url).`,
});

/**
 * Every hosted or self-hosted API that speaks OpenAI's chat completions, as data for the one
 * factory. Base URLs are the vendors' documented OpenAI-compatible roots; `/chat/completions`
 * is appended. `openai`, `groq` and the generic `openai_compatible` are in their own folders.
 */
export const OPENAI_COMPATIBLE_APIS: readonly Entry[] = [
  {
    name: 'azure_openai',
    title: 'Azure OpenAI',
    baseUrl: 'https://{resource}.openai.azure.com/openai/v1',
    docsUrl: 'https://learn.microsoft.com/en-us/azure/ai-foundry/openai/api-version-lifecycle',
    description: 'Chat completions with your Azure OpenAI resource (v1 API; model is the deployment name).',
    verification: 'wire-tested',
    auth: {
      fields: {
        resource: { description: 'The Azure OpenAI resource name', pattern: '^[a-z0-9][a-z0-9-]{1,62}$' },
        api_key: { description: 'A key of the resource', secret: true },
      },
      apply: [{ in: 'header', name: 'api-key', value: '{api_key}' }],
      hint: '{"resource":"my-resource","api_key":"…"}',
    },
  },
  {
    name: 'cloudflare_workers_ai',
    title: 'Cloudflare Workers AI',
    baseUrl: 'https://api.cloudflare.com/client/v4/accounts/{account_id}/ai/v1',
    docsUrl: 'https://developers.cloudflare.com/workers-ai/configuration/open-ai-compatibility/',
    verification: 'wire-tested',
    auth: {
      fields: {
        account_id: { description: 'The Cloudflare account id', pattern: '^[0-9a-f]{32}$' },
        api_token: { description: 'An API token with Workers AI access', secret: true },
      },
      apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {api_token}' }],
      hint: '{"account_id":"<32 hex>","api_token":"…"}',
    },
  },
  {
    name: 'together',
    title: 'Together AI',
    baseUrl: 'https://api.together.xyz/v1',
    docsUrl: 'https://docs.together.ai/docs/openai-api-compatibility',
    verification: 'wire-tested',
  },
  {
    name: 'fireworks',
    title: 'Fireworks AI',
    baseUrl: 'https://api.fireworks.ai/inference/v1',
    docsUrl: 'https://docs.fireworks.ai/tools-sdks/openai-compatibility',
  },
  {
    name: 'deepseek',
    title: 'DeepSeek',
    baseUrl: 'https://api.deepseek.com',
    docsUrl: 'https://api-docs.deepseek.com/',
    verification: 'wire-tested',
  },
  {
    name: 'mistral',
    title: 'Mistral AI',
    baseUrl: 'https://api.mistral.ai/v1',
    docsUrl: 'https://docs.mistral.ai/api/',
  },
  {
    name: 'perplexity',
    title: 'Perplexity',
    baseUrl: 'https://api.perplexity.ai',
    docsUrl: 'https://docs.perplexity.ai/guides/chat-completions-guide',
  },
  {
    name: 'openrouter',
    title: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    docsUrl: 'https://openrouter.ai/docs/api-reference/overview',
  },
  {
    name: 'xai',
    title: 'xAI',
    baseUrl: 'https://api.x.ai/v1',
    docsUrl: 'https://docs.x.ai/docs/api-reference',
  },
  {
    name: 'cerebras',
    title: 'Cerebras',
    baseUrl: 'https://api.cerebras.ai/v1',
    docsUrl: 'https://inference-docs.cerebras.ai/resources/openai',
  },
  {
    name: 'deepinfra',
    title: 'DeepInfra',
    baseUrl: 'https://api.deepinfra.com/v1/openai',
    docsUrl: 'https://deepinfra.com/docs/openai_api',
  },
  {
    name: 'nvidia',
    title: 'NVIDIA NIM',
    baseUrl: 'https://integrate.api.nvidia.com/v1',
    docsUrl: 'https://docs.api.nvidia.com/nim/reference/llm-apis',
  },
  {
    name: 'sambanova',
    title: 'SambaNova Cloud',
    baseUrl: 'https://api.sambanova.ai/v1',
    docsUrl: 'https://docs.sambanova.ai/cloud/docs/capabilities/openai-compatibility',
  },
  {
    name: 'hyperbolic',
    title: 'Hyperbolic',
    baseUrl: 'https://api.hyperbolic.xyz/v1',
    docsUrl: 'https://docs.hyperbolic.xyz/docs/rest-api',
  },
  {
    name: 'moonshot',
    title: 'Moonshot AI (Kimi)',
    baseUrl: 'https://api.moonshot.ai/v1',
    docsUrl: 'https://platform.moonshot.ai/docs/api/chat',
  },
  {
    name: 'dashscope',
    title: 'Alibaba Cloud Model Studio (Qwen)',
    baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    docsUrl: 'https://www.alibabacloud.com/help/en/model-studio/compatibility-of-openai-with-dashscope',
  },
  {
    name: 'zhipu',
    title: 'Zhipu AI (GLM)',
    baseUrl: 'https://open.bigmodel.cn/api/paas/v4',
    docsUrl: 'https://docs.bigmodel.cn/api-reference',
  },
  {
    name: 'gemini_openai',
    title: 'Google Gemini (OpenAI-compatible)',
    baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai',
    docsUrl: 'https://ai.google.dev/gemini-api/docs/openai',
  },
  {
    name: 'cohere_compat',
    title: 'Cohere (OpenAI-compatible)',
    baseUrl: 'https://api.cohere.ai/compatibility/v1',
    docsUrl: 'https://docs.cohere.com/docs/compatibility-api',
  },
  {
    name: 'huggingface',
    title: 'Hugging Face Inference Providers',
    baseUrl: 'https://router.huggingface.co/v1',
    docsUrl: 'https://huggingface.co/docs/inference-providers/index',
  },
  {
    name: 'github_models',
    title: 'GitHub Models',
    baseUrl: 'https://models.github.ai/inference',
    docsUrl: 'https://docs.github.com/en/rest/models/inference',
  },
  {
    name: 'upstage',
    title: 'Upstage',
    baseUrl: 'https://api.upstage.ai/v1',
    docsUrl: 'https://console.upstage.ai/docs/capabilities/chat',
  },
  {
    name: 'ai21',
    title: 'AI21 Labs',
    baseUrl: 'https://api.ai21.com/studio/v1',
    docsUrl: 'https://docs.ai21.com/reference/jamba-1-6-api-ref',
  },
  selfHosted('ollama', 'Ollama', 'https://github.com/ollama/ollama/blob/main/docs/openai.md'),
  selfHosted('vllm', 'vLLM', 'https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html'),
  selfHosted('lm_studio', 'LM Studio', 'https://lmstudio.ai/docs/app/api/endpoints/openai'),
  selfHosted('localai', 'LocalAI', 'https://localai.io/features/text-generation/'),
  selfHosted(
    'llama_cpp',
    'llama.cpp server',
    'https://github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md',
  ),
  selfHosted('litellm', 'LiteLLM Proxy', 'https://docs.litellm.ai/docs/proxy/user_keys'),
];
