import type { APIError } from 'openai';
import { AppError } from '../../errors';
import type { BackendKind, ModelTarget } from '../model-config';
import type { Operation } from '../operations';
import type { UpstreamResponse } from './upstream-transport';

export interface UpstreamRequest {
  operation: Operation;
  /** The OpenAI request body, model already rewritten to the target's upstream name. */
  body: Record<string, unknown>;
  sessionId: string;
  /** The session's target model. */
  target: ModelTarget;
  /** Flowgate's id of the request, for upstreams that trace requests by one. */
  requestId?: string;
  signal: AbortSignal;
}

/**
 * One way of reaching models. The session is a real upstream object for Morpheus and a
 * logical one (kept only in DynamoDB) for direct OpenAI-compatible upstreams; the chat
 * path does not need to know which.
 */
export interface SessionBackend {
  readonly kind: BackendKind;
  /** Opens a session for the target and returns its id. */
  openSession(target: ModelTarget, durationSeconds: number, signal: AbortSignal): Promise<string>;
  closeSession(sessionId: string, signal: AbortSignal): Promise<void>;
  /** Whether the upstream has this endpoint at all. */
  serves(operation: Operation): boolean;
  /** Resolves with the raw upstream response once 2xx headers arrived; throws on anything else. */
  send(request: UpstreamRequest): Promise<UpstreamResponse>;
  /** The upstream says it no longer knows the session: renew it once and retry. */
  isSessionGone(err: APIError): boolean;
  /**
   * Strings (keys, passwords) that must never appear in anything the caller sees: the
   * values the backend has read so far, so ask after the request that used them.
   */
  readonly secrets: readonly string[];
}

export class BackendUnavailableError extends AppError {
  constructor(kind: BackendKind) {
    super(503, 'backend_unavailable', `The model backend "${kind}" is not configured`, true, {
      openaiType: 'api_error',
    });
  }
}
