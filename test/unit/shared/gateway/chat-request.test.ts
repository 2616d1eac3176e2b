import {
  ChatRequestSchema,
  forbiddenField,
  upstreamBody,
} from '../../../../shared/gateway/chat/chat-request';

const valid = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] };

describe('chat request schema', () => {
  it('keeps unknown OpenAI fields for the upstream', () => {
    const parsed = ChatRequestSchema.parse({
      ...valid,
      temperature: 0.2,
      tools: [{ type: 'function', function: { name: 'f' } }],
      response_format: { type: 'json_object' },
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }], name: 'bob' }],
    });
    expect(parsed).toMatchObject({ temperature: 0.2, response_format: { type: 'json_object' } });
    expect(parsed.messages[0]).toEqual({
      role: 'user',
      content: [{ type: 'text', text: 'hi' }],
      name: 'bob',
    });
  });

  it.each([
    ['no messages', { model: 'gpt-4o' }, 'messages'],
    ['empty messages', { model: 'gpt-4o', messages: [] }, 'messages'],
    ['messages not an array', { model: 'gpt-4o', messages: 'hi' }, 'messages'],
    ['a message without role', { model: 'gpt-4o', messages: [{ content: 'hi' }] }, 'messages.0.role'],
    ['no model', { messages: valid.messages }, 'model'],
    ['a numeric model', { ...valid, model: 4 }, 'model'],
    ['stream as a string', { ...valid, stream: 'yes' }, 'stream'],
    ['base_url', { ...valid, base_url: 'https://evil.example/v1' }, 'base_url'],
    ['api_base', { ...valid, api_base: 'https://evil.example' }, 'api_base'],
    ['user_config', { ...valid, user_config: { api_key: 'x' } }, 'user_config'],
    ['extra_headers', { ...valid, extra_headers: { 'X-Evil': '1' } }, 'extra_headers'],
    ['headers', { ...valid, headers: { Authorization: 'Bearer x' } }, 'headers'],
    ['default_headers', { ...valid, default_headers: {} }, 'default_headers'],
    ['extra_body', { ...valid, extra_body: {} }, 'extra_body'],
    ['api_key', { ...valid, api_key: 'sk-x' }, 'api_key'],
  ])('rejects %s', (_label, body, path) => {
    const result = ChatRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('knows which names are the gateway’s to decide', () => {
    expect(['BASE_URL', 'x_headers', 'header', 'extra_query'].every(forbiddenField)).toBe(true);
    expect(['temperature', 'tools', 'user', 'metadata', 'stream_options'].some(forbiddenField)).toBe(false);
  });

  it('sends the target model upstream and never the Flowgate session id', () => {
    const request = ChatRequestSchema.parse({ ...valid, session_id: '0xabc', stream: true, seed: 7 });
    expect(upstreamBody(request, 'llama-3.3-70b')).toEqual({
      model: 'llama-3.3-70b',
      messages: valid.messages,
      stream: true,
      seed: 7,
    });
  });
});
