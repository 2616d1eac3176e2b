import { createOpenAiCompatibleProvider } from '../openai-compatible/factory';

export const GROQ_BASE_URL = 'https://api.groq.com/openai/v1';

/** `baseUrl` exists so tests can point the provider at a loopback fake; the registry uses the default. */
export const createGroqProvider = (options: { baseUrl?: string } = {}) =>
  createOpenAiCompatibleProvider({
    name: 'groq',
    title: 'Groq',
    docsUrl: 'https://console.groq.com/docs/openai',
    verification: 'wire-tested',
    baseUrl: options.baseUrl ?? GROQ_BASE_URL,
  });

export const groq = createGroqProvider();
