/**
 * The OpenAI endpoints the gateway forwards, and what differs between them: the upstream
 * path, how an answer is recognised as one (not an error in disguise), and how a stream
 * ends. Everything else (routing, sessions, retries, errors) is the same for all of them.
 */
export type OperationName = 'chat' | 'completions' | 'embeddings' | 'responses';

export interface Operation {
  name: OperationName;
  /** Under the upstream's `/v1`. */
  path: '/chat/completions' | '/completions' | '/embeddings' | '/responses';
  /**
   * `done`: data-only events ending in `[DONE]` (Chat Completions, Completions).
   * `typed`: named events, the last one a terminal `response.*` event (Responses).
   * Undefined: never streams.
   */
  stream?: 'done' | 'typed';
  /** A 2xx JSON answer (or one stream event's data) that is really an answer of this endpoint. */
  isAnswer(parsed: Record<string, unknown>, event?: string): boolean;
}

const hasNoError = (parsed: Record<string, unknown>, event?: string) =>
  event !== 'error' && parsed.error === undefined;

export const CHAT: Operation = {
  name: 'chat',
  path: '/chat/completions',
  stream: 'done',
  isAnswer: hasNoError,
};

export const COMPLETIONS: Operation = {
  name: 'completions',
  path: '/completions',
  stream: 'done',
  isAnswer: hasNoError,
};

export const EMBEDDINGS: Operation = {
  name: 'embeddings',
  path: '/embeddings',
  isAnswer: (parsed) => parsed.error === undefined && Array.isArray(parsed.data),
};

/** The events that end a Responses stream; the upstream closes it after one of them. */
export const RESPONSES_TERMINAL_EVENTS: ReadonlySet<string> = new Set([
  'response.completed',
  'response.failed',
  'response.incomplete',
]);

export const RESPONSES: Operation = {
  name: 'responses',
  path: '/responses',
  stream: 'typed',
  // A response object carries `error: null`; a stream event names its type.
  isAnswer: (parsed, event) =>
    event === undefined || event === 'message'
      ? parsed.object === 'response' || (typeof parsed.type === 'string' && parsed.type !== 'error')
      : event !== 'error' && parsed.type === event,
};
