import type { AppError } from '../../errors';
import { errorBody } from '../../http/render-error';

export interface SseEvent {
  event?: string;
  data: string;
}

/**
 * Server-sent events from a response body, one complete event at a time (an event ends at
 * a blank line; a trailing partial event at EOF is dropped, as the SSE spec says).
 * Lines may end in LF or CRLF. Stopping early (the consumer's return) ends the body's
 * iteration, which closes a Node stream, so the connection is not left half read.
 */
export async function* sseEvents(body: AsyncIterable<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let event: string | undefined;
  for await (const value of body) {
    buffer += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      let line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (line === '') {
        if (data.length > 0) yield { ...(event === undefined ? {} : { event }), data: data.join('\n') };
        data = [];
        event = undefined;
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') data.push(value);
      else if (field === 'event') event = value;
    }
  }
}

/** One SSE event, as written to the client (with its name, when it has one). */
export const sseData = (data: string): string => `data: ${data}\n\n`;

export const sseEvent = (data: string, event?: string): string =>
  event === undefined ? sseData(data) : `event: ${event}\n${sseData(data)}`;

export const SSE_DONE = sseData('[DONE]');

/**
 * How a stream that already started reports a failure: an `error` event with the
 * OpenAI error object (the official SDKs raise it as an APIError), and no `[DONE]`.
 */
export function sseError(error: AppError): string {
  return `event: error\n${sseData(JSON.stringify(errorBody(error, 'openai')))}`;
}

/**
 * The same for a Responses stream: its own `error` event (`type`, `code`, `message`,
 * `param`, `sequence_number`), plus the OpenAI error object under `error`, which is what
 * makes the official SDKs raise it instead of ending the stream quietly.
 */
export function sseResponsesError(error: AppError, sequenceNumber: number): string {
  const body = errorBody(error, 'openai') as { error: { code?: unknown; message?: unknown } };
  const event = {
    type: 'error',
    code: body.error.code ?? null,
    message: body.error.message,
    param: null,
    sequence_number: sequenceNumber,
    error: body.error,
  };
  return `event: error\n${sseData(JSON.stringify(event))}`;
}
