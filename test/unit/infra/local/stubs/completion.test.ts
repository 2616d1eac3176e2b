import {
  countTokens,
  messageText,
  replyContent,
  streamPieces,
  validateChatRequest,
  type ChatRequest,
} from '../../../../../infra/local/stubs/completion';

const request = (content: unknown, extra: Partial<ChatRequest> = {}): ChatRequest => ({
  model: 'm',
  messages: [{ role: 'user', content }],
  stream: false,
  includeUsage: false,
  responseFormat: undefined,
  ...extra,
});

describe('completion builder', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['one', 1],
    [' one  two\nthree\t', 3],
  ])('countTokens(%j) = %i', (text, expected) => {
    expect(countTokens(text)).toBe(expected);
  });

  it.each([
    ['Echo: a b', ['Echo: ', 'a ', 'b']],
    ['Echo: line\n  next ', ['Echo: ', 'line\n  ', 'next ']],
    ['{"a":1}', ['{"a":1}']],
    ['', []],
  ])('streamPieces(%j) splits per word and joins back exactly', (content, pieces) => {
    expect(streamPieces(content)).toEqual(pieces);
    expect(streamPieces(content).join('')).toBe(content);
  });

  it.each([
    ['plain text', 'hello', undefined, 'Echo: hello'],
    ['a STUB_JSON line', 'plan this\n  STUB_JSON: {"steps":[]}  \nbye', undefined, '{"steps":[]}'],
    ['STUB_JSON even when broken', 'STUB_JSON: {not json', 'json_object', '{not json'],
    ['json mode without a directive', 'hi', 'json_object', '{"echo":"hi"}'],
    ['json_schema mode', 'hi', 'json_schema', '{"echo":"hi"}'],
  ])('replies to %s', (_name, content, responseFormat, expected) => {
    expect(replyContent(request(content, { responseFormat }))).toBe(expected);
  });

  it('replies to the last user message, ignoring later assistant turns', () => {
    const req = request('first', {
      messages: [
        { role: 'user', content: 'first' },
        { role: 'user', content: 'second' },
        { role: 'assistant', content: 'Echo: second' },
      ],
    });
    expect(replyContent(req)).toBe('Echo: second');
  });

  it('reads only text parts of array content', () => {
    const parts = [
      { type: 'text', text: 'a' },
      { type: 'image_url', image_url: { url: 'x' } },
      { type: 'text', text: 'b' },
    ];
    expect(messageText({ role: 'user', content: parts })).toBe('a\nb');
    expect(messageText({ role: 'user', content: null })).toBe('');
  });

  it.each([
    ['a non-object', [], null],
    ['an empty model', { model: '', messages: [{ role: 'user' }] }, 'model'],
    ['a message without role', { model: 'm', messages: [{ content: 'x' }] }, 'messages[0]'],
    ['a non-boolean stream', { model: 'm', messages: [{ role: 'user' }], stream: 'yes' }, 'stream'],
  ])('rejects %s', (_name, body, param) => {
    expect(validateChatRequest(body)).toMatchObject({ ok: false, param });
  });

  it('reads stream options and the response format', () => {
    const result = validateChatRequest({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
      stream_options: { include_usage: true },
      response_format: { type: 'json_object' },
    });
    expect(result).toMatchObject({
      ok: true,
      request: { stream: true, includeUsage: true, responseFormat: 'json_object' },
    });
  });
});
