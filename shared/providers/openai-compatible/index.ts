import { createOpenAiCompatibleProvider } from './factory';

/** Any OpenAI-compatible server: each step gives `base_url`; the key is optional (self-hosted models). */
export const openaiCompatible = createOpenAiCompatibleProvider({
  name: 'openai_compatible',
  title: 'OpenAI-compatible API',
  credentialRequired: false,
  description: 'Chat completions from any OpenAI-compatible server; each step gives its base_url.',
  verification: 'wire-tested',
});
