import { routeDefaults, type RouteDef } from './types';

/**
 * An OpenAI endpoint the gateway forwards (shared/gateway/openai-handler.ts), on a
 * response-streaming function: streamed answers may run for minutes.
 */
function forwarded(name: string, path: string, handler: string): RouteDef {
  return {
    ...routeDefaults,
    name,
    method: 'POST',
    path,
    handler,
    auth: 'apiKey',
    streaming: true,
    timeoutSeconds: 300,
    memoryMb: 1024,
    access: ['table:write', 'llm:upstream'],
  };
}

/**
 * The LLM gateway (seeds 000–002): automation settings, model sessions, the model list
 * and the OpenAI-compatible endpoints (chat, completions, responses, embeddings). Paths keep the Morpheus gateway's `/api/v1`.
 */
export const gatewayRoutes: readonly RouteDef[] = [
  {
    ...routeDefaults,
    name: 'GetAutomationSettings',
    method: 'GET',
    path: '/api/v1/automation/settings',
    handler: 'functions/get-automation-settings.ts',
    auth: 'apiKey',
    // The first read stores the defaults, so `created_at` is real.
    access: ['table:write', 'llm:models'],
  },
  {
    ...routeDefaults,
    name: 'UpdateAutomationSettings',
    method: 'PUT',
    path: '/api/v1/automation/settings',
    handler: 'functions/update-automation-settings.ts',
    auth: 'apiKey',
    access: ['table:write', 'llm:models'],
  },
  {
    ...routeDefaults,
    name: 'GetModelSession',
    method: 'GET',
    path: '/api/v1/session',
    handler: 'functions/get-model-session.ts',
    auth: 'apiKey',
    access: ['table:read', 'llm:models'],
  },
  {
    ...routeDefaults,
    name: 'CreateModelSession',
    method: 'POST',
    path: '/api/v1/session/modelsession',
    handler: 'functions/create-model-session.ts',
    auth: 'apiKey',
    // Opening a proxy-router session signs a blockchain transaction: give it time.
    timeoutSeconds: 60,
    access: ['table:write', 'llm:upstream'],
  },
  {
    ...routeDefaults,
    name: 'CloseModelSession',
    body: 'none',
    method: 'POST',
    path: '/api/v1/session/closesession',
    handler: 'functions/close-model-session.ts',
    auth: 'apiKey',
    timeoutSeconds: 30,
    access: ['table:write', 'llm:upstream'],
  },
  {
    ...routeDefaults,
    name: 'ListModels',
    method: 'GET',
    path: '/api/v1/models',
    handler: 'functions/list-models.ts',
    auth: 'apiKey',
    memoryMb: 256,
    access: ['llm:models'],
  },
  {
    ...routeDefaults,
    name: 'GetModel',
    method: 'GET',
    path: '/api/v1/models/{model}',
    handler: 'functions/get-model.ts',
    auth: 'apiKey',
    memoryMb: 256,
    access: ['llm:models'],
  },
  {
    ...routeDefaults,
    name: 'GetUsage',
    method: 'GET',
    path: '/api/v1/usage',
    handler: 'functions/get-usage.ts',
    auth: 'apiKey',
    access: ['table:read'],
  },
  forwarded('CreateChatCompletion', '/api/v1/chat/completions', 'functions/create-chat-completion.ts'),
  forwarded('CreateCompletion', '/api/v1/completions', 'functions/create-completion.ts'),
  forwarded('CreateResponse', '/api/v1/responses', 'functions/create-response.ts'),
  // Never streamed (a buffered function), and an embedding is quick: a minute is plenty.
  {
    ...forwarded('CreateEmbedding', '/api/v1/embeddings', 'functions/create-embedding.ts'),
    streaming: false,
    timeoutSeconds: 60,
    memoryMb: 512,
  },
];
