import { anthropic } from '../../../../../../shared/providers/catalog/ai/anthropic';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Anthropic's Messages API as documented: `x-api-key` and `anthropic-version` headers, a
 * JSON body with model, max_tokens and messages, content blocks in the answer, errors as
 * `{"type":"error","error":{"type","message"}}`, and models listed with has_more/after_id.
 */
const KEY = 'sk-ant-api03-test-key-0123456789';
const MODELS = ['claude-opus-4-1', 'claude-sonnet-4-5', 'claude-haiku-4-5'].map((id) => ({
  type: 'model',
  id,
}));
let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers['x-api-key'] !== KEY)
      return sendJson(res, 401, {
        type: 'error',
        error: { type: 'authentication_error', message: 'invalid x-api-key' },
      });
    if (req.headers['anthropic-version'] !== '2023-06-01')
      return sendJson(res, 400, {
        type: 'error',
        error: { type: 'invalid_request_error', message: 'anthropic-version header is required' },
      });
    if (req.method === 'GET' && req.path === '/v1/models') {
      const after = req.query.get('after_id');
      const start = after ? MODELS.findIndex((m) => m.id === after) + 1 : 0;
      const limit = Number(req.query.get('limit') ?? 20);
      const data = MODELS.slice(start, start + limit);
      return sendJson(res, 200, {
        data,
        has_more: start + limit < MODELS.length,
        first_id: data[0]?.id,
        last_id: data.at(-1)?.id,
      });
    }
    const body = jsonBody<{
      model?: string;
      max_tokens?: number;
      messages?: { role: string; content: string }[];
    }>(req);
    if (req.method === 'POST' && req.path === '/v1/messages') {
      if (typeof body.max_tokens !== 'number')
        return sendJson(res, 400, {
          type: 'error',
          error: { type: 'invalid_request_error', message: 'max_tokens: Field required' },
        });
      return sendJson(res, 200, {
        id: 'msg_013Zva2CMHLNnXjNJJKqJ2EF',
        type: 'message',
        role: 'assistant',
        model: body.model,
        content: [{ type: 'text', text: `You said: ${body.messages?.[0]?.content}` }],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: 12, output_tokens: 6 },
      });
    }
    if (req.method === 'POST' && req.path === '/v1/messages/count_tokens')
      return sendJson(res, 200, { input_tokens: 14 });
    return sendJson(res, 404, { type: 'error', error: { type: 'not_found_error', message: 'Not found' } });
  });
});
afterAll(() => fake.close());

it('creates a message and reports its tokens', async () => {
  const result = await runAction(
    wireProvider(anthropic, fake),
    'create_message',
    {
      model: 'claude-sonnet-4-5',
      max_tokens: 256,
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'Hello' }],
    },
    { credential: KEY },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/v1/messages' });
  expect(fake.last().headers['content-type']).toBe('application/json');
  expect(jsonBody(fake.last())).toEqual({
    model: 'claude-sonnet-4-5',
    max_tokens: 256,
    system: 'Be brief.',
    messages: [{ role: 'user', content: 'Hello' }],
  });
  expect(result).toEqual({
    success: true,
    output: {
      content: 'You said: Hello',
      model: 'claude-sonnet-4-5',
      stop_reason: 'end_turn',
      id: 'msg_013Zva2CMHLNnXjNJJKqJ2EF',
      usage: { input_tokens: 12, output_tokens: 6 },
    },
    message: 'Completed with claude-sonnet-4-5',
    usage: { promptTokens: 12, completionTokens: 6 },
  });
});

it('counts tokens', async () => {
  const result = await runAction(
    wireProvider(anthropic, fake),
    'count_tokens',
    { model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Hello' }] },
    { credential: KEY },
  );
  expect(fake.last().path).toBe('/v1/messages/count_tokens');
  expect(result).toMatchObject({ success: true, output: 14, message: '14 input tokens' });
});

it('lists models page by page with after_id', async () => {
  const result = await runAction(
    wireProvider(anthropic, fake),
    'list_models',
    { limit: 2, max_pages: 3 },
    { credential: KEY },
  );
  expect(fake.requests.slice(-2).map((r) => r.rawQuery)).toEqual([
    'limit=2',
    'limit=2&after_id=claude-sonnet-4-5',
  ]);
  expect(result.output).toEqual({ items: MODELS, pages: 2, has_more: false });
});

it("reports Anthropic's error message", async () => {
  const result = await runAction(
    wireProvider(anthropic, fake),
    'create_message',
    { model: 'claude-sonnet-4-5', max_tokens: 5, messages: [{ role: 'user', content: 'Hi' }] },
    { credential: 'sk-ant-wrong-key-000' },
  );
  expect(result).toMatchObject({ success: false, message: 'Anthropic responded 401: invalid x-api-key' });
});
