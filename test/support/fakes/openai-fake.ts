import { bearerOf, jsonBody, sendJson, startFakeServer, type FakeServer } from './fake-server';

export interface OpenAiFakeOptions {
  apiKey?: string;
  /** Where the API lives: `/v1` for OpenAI, `/openai/v1` for Groq. */
  prefix?: string;
  /** The assistant's reply; by default it echoes the last user message. */
  reply?: (messages: { role: string; content: string }[]) => string;
}

/** An OpenAI-compatible chat completions endpoint: real request and response shapes, real error shape. */
export async function startOpenAiFake(options: OpenAiFakeOptions = {}): Promise<FakeServer> {
  const prefix = options.prefix ?? '/v1';
  return startFakeServer((req, res) => {
    if (req.method !== 'POST' || req.path !== `${prefix}/chat/completions`) {
      return sendJson(res, 404, {
        error: {
          message: `Unknown request URL: ${req.method} ${req.path}`,
          type: 'invalid_request_error',
          code: 'unknown_url',
        },
      });
    }
    if (options.apiKey !== undefined && bearerOf(req) !== options.apiKey) {
      return sendJson(res, 401, {
        error: {
          message: 'Incorrect API key provided.',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      });
    }
    const body = jsonBody<{ model: string; messages: { role: string; content: string }[] }>(req);
    if (body.model === 'no-such-model') {
      return sendJson(res, 404, {
        error: {
          message: 'The model `no-such-model` does not exist',
          type: 'invalid_request_error',
          code: 'model_not_found',
        },
      });
    }
    const lastUser = [...body.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    const content = options.reply ? options.reply(body.messages) : `echo: ${lastUser}`;
    return sendJson(res, 200, {
      id: 'chatcmpl-fake123',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 },
    });
  });
}
