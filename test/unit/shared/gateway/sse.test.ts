import { UpstreamError } from '../../../../shared/errors';
import { SSE_DONE, sseData, sseError, sseEvents, type SseEvent } from '../../../../shared/gateway/chat/sse';

function bodyOf(pieces: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
}

async function collect(pieces: string[]): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const event of sseEvents(bodyOf(pieces))) out.push(event);
  return out;
}

describe('sseEvents', () => {
  it('yields complete events however the bytes are split', async () => {
    const text = 'data: {"a":1}\n\ndata: {"b":2}\n\ndata: [DONE]\n\n';
    const expected = [{ data: '{"a":1}' }, { data: '{"b":2}' }, { data: '[DONE]' }];
    expect(await collect([text])).toEqual(expected);
    expect(await collect(text.split(''))).toEqual(expected);
    expect(await collect(['data: {"a"', ':1}\n', '\ndata: {"b":2}\n\nda', 'ta: [DONE]\n\n'])).toEqual(
      expected,
    );
  });

  it('handles CRLF, comments, event names, multi-line data and fields without a space', async () => {
    const events = await collect([
      ': keep-alive\r\n\r\n',
      'event: error\r\ndata:{"x":1}\r\ndata: more\r\n\r\n',
    ]);
    expect(events).toEqual([{ event: 'error', data: '{"x":1}\nmore' }]);
  });

  it('drops a trailing event that never ended (a cut stream)', async () => {
    expect(await collect(['data: {"a":1}\n\ndata: {"cut'])).toEqual([{ data: '{"a":1}' }]);
  });

  it('decodes multi-byte characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('data: héllo ✓\n\n');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    const out: SseEvent[] = [];
    for await (const event of sseEvents(body)) out.push(event);
    expect(out).toEqual([{ data: 'héllo ✓' }]);
  });

  it('cancels the body when the consumer stops early', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('data: x\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const _event of sseEvents(body)) break;
    expect(cancelled).toBe(true);
  });
});

describe('SSE output', () => {
  it('formats data, [DONE] and an OpenAI-shaped error event', () => {
    expect(sseData('{"a":1}')).toBe('data: {"a":1}\n\n');
    expect(SSE_DONE).toBe('data: [DONE]\n\n');
    const error = sseError(
      new UpstreamError('The model upstream stream was interrupted', 'upstream_stream_interrupted'),
    );
    expect(error.startsWith('event: error\ndata: ')).toBe(true);
    expect(error.endsWith('\n\n')).toBe(true);
    expect(JSON.parse(error.slice('event: error\ndata: '.length))).toEqual({
      error: {
        message: 'The model upstream stream was interrupted',
        type: 'upstream_error',
        param: null,
        code: 'upstream_stream_interrupted',
      },
    });
  });
});
