import { createOpenAiCompatibleProvider } from '../openai-compatible/factory';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** `baseUrl` exists so tests can point the provider at a loopback fake; the registry uses the default. */
export const createOpenAiProvider = (options: { baseUrl?: string } = {}) =>
  createOpenAiCompatibleProvider({
    name: 'openai',
    title: 'OpenAI',
    docsUrl: 'https://platform.openai.com/docs/api-reference/chat/create',
    verification: 'wire-tested',
    baseUrl: options.baseUrl ?? OPENAI_BASE_URL,
  });

export const openai = createOpenAiProvider();
