import { APIError, APIUserAbortError } from 'openai';
import {
  AppError,
  RateLimitError,
  ServiceUnavailableError,
  UpstreamError,
  UpstreamTimeoutError,
} from '../../errors';
import { redactString } from '../../redact';

/**
 * What went wrong upstream, in the few kinds the gateway acts on: whether to retry,
 * whether to renew the session, which status the caller gets, and the `UpstreamErrors`
 * metric's `ErrorType` dimension.
 */
export type UpstreamFailureKind =
  | 'timeout'
  | 'connection'
  | 'rate_limited'
  | 'server_error'
  | 'rejected'
  | 'auth'
  | 'malformed_response'
  | 'stream_interrupted'
  | 'session_gone'
  | 'aborted'
  // Ours, before anything was sent: the backend has no credential, or could not read it.
  | 'unconfigured'
  | 'credentials_unavailable';

export class UpstreamFailure extends Error {
  constructor(
    readonly kind: UpstreamFailureKind,
    message: string,
    readonly details: {
      status?: number;
      retryAfter?: string;
      upstreamMessage?: string;
      upstreamCode?: string;
      upstreamParam?: string;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'UpstreamFailure';
  }
}

/** Only these are retried, and only before the client has received a byte. */
export function isRetryable(failure: UpstreamFailure): boolean {
  return failure.kind === 'connection' || failure.kind === 'server_error';
}

/** The message an upstream put in its error body: OpenAI's `{error:{message}}` or the router's `{error:"…"}`. */
export function upstreamMessage(err: APIError): string | undefined {
  const body = err.error as unknown;
  if (typeof body === 'string') return body;
  if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string')
    return (body as { message: string }).message;
  return undefined;
}

function retryAfterOf(headers: Headers | undefined): string | undefined {
  const seconds = headers?.get('retry-after');
  if (seconds && /^\d+$/.test(seconds.trim())) return seconds.trim();
  const ms = Number(headers?.get('retry-after-ms'));
  return Number.isFinite(ms) && ms > 0 ? String(Math.ceil(ms / 1000)) : undefined;
}

/**
 * By name too: a body parsed by a Response of another realm (jest's vm sandbox runs the
 * code in one and Node's fetch classes in another) throws that realm's SyntaxError, which
 * is not an instance of this realm's SyntaxError, nor even of its Error.
 */
function isSyntaxError(err: unknown): boolean {
  if (err instanceof SyntaxError) return true;
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'SyntaxError';
}

export interface ClassifyContext {
  /** Our own deadline fired (an abort looks the same whoever aborted). */
  timedOut: boolean;
  /** The backend's test for "the upstream no longer knows this session". */
  isSessionGone?: (err: APIError) => boolean;
}

/** Turns whatever the upstream client or fetch threw into an UpstreamFailure. */
export function classifyUpstreamError(err: unknown, ctx: ClassifyContext): UpstreamFailure {
  if (err instanceof UpstreamFailure) return err;
  if (ctx.timedOut) return new UpstreamFailure('timeout', 'Upstream timed out', { cause: err });
  if (err instanceof APIUserAbortError)
    return new UpstreamFailure('aborted', 'Request aborted', { cause: err });
  if (err instanceof APIError && err.status !== undefined) {
    const status = err.status;
    const details = {
      status,
      upstreamMessage: upstreamMessage(err),
      upstreamCode: typeof err.code === 'string' ? err.code : undefined,
      upstreamParam: typeof err.param === 'string' ? err.param : undefined,
      cause: err,
    };
    if (ctx.isSessionGone?.(err))
      return new UpstreamFailure('session_gone', 'Upstream session is gone', details);
    if (status === 429)
      return new UpstreamFailure('rate_limited', 'Upstream rate limit', {
        ...details,
        retryAfter: retryAfterOf(err.headers),
      });
    if (status === 401 || status === 403)
      return new UpstreamFailure('auth', 'Upstream refused our credentials', details);
    if (status === 408) return new UpstreamFailure('timeout', 'Upstream timed out', details);
    if (status >= 500) return new UpstreamFailure('server_error', `Upstream answered ${status}`, details);
    return new UpstreamFailure('rejected', `Upstream rejected the request (${status})`, details);
  }
  if (isSyntaxError(err))
    return new UpstreamFailure('malformed_response', 'Upstream sent invalid JSON', { cause: err });
  // APIConnectionError, fetch's TypeError ("fetch failed", "terminated"), socket resets.
  return new UpstreamFailure('connection', 'Could not reach the upstream', { cause: err });
}

/**
 * What the caller is told. Upstream 4xx messages are the caller's own mistakes and pass
 * through (redacted); everything else gets a fixed message, so no upstream credential,
 * URL or internal detail can leak.
 */
export function toClientError(failure: UpstreamFailure, secrets: readonly string[] = []): AppError {
  const clean = (text: string | undefined) => (text === undefined ? undefined : redactString(text, secrets));
  switch (failure.kind) {
    case 'timeout':
      return new UpstreamTimeoutError('The model upstream did not answer in time');
    case 'rate_limited':
      return new RateLimitError(
        clean(failure.details.upstreamMessage) ?? 'The model upstream is rate limiting requests; retry later',
        Number(failure.details.retryAfter ?? 1),
      );
    case 'rejected': {
      const status = failure.details.status ?? 400;
      return new AppError(
        status,
        failure.details.upstreamCode ?? 'upstream_rejected',
        clean(failure.details.upstreamMessage) ?? `The model upstream rejected the request (${status})`,
        true,
        { openaiType: 'invalid_request_error', param: failure.details.upstreamParam ?? null },
      );
    }
    case 'auth':
      return new UpstreamError('The model upstream refused the gateway credentials', 'upstream_auth_failed');
    case 'malformed_response':
      return new UpstreamError(
        'The model upstream returned an invalid response',
        'upstream_invalid_response',
      );
    case 'stream_interrupted':
      return new UpstreamError('The model upstream stream was interrupted', 'upstream_stream_interrupted');
    case 'session_gone':
      return new UpstreamError('The model session could not be renewed', 'session_renewal_failed');
    case 'server_error':
      return new UpstreamError(
        `The model upstream failed${failure.details.status ? ` (status ${failure.details.status})` : ''}`,
        'upstream_error',
      );
    case 'connection':
      return new UpstreamError('Could not reach the model upstream', 'upstream_unreachable');
    case 'aborted':
      return new AppError(499, 'client_closed_request', 'The client closed the request', true);
    case 'unconfigured': {
      // No Retry-After: retrying does not make a credential appear.
      const message = 'The model backend has no credentials configured';
      return new AppError(503, 'backend_unavailable', message, true, { openaiType: 'api_error' });
    }
    case 'credentials_unavailable':
      return new ServiceUnavailableError(
        'The model backend credentials could not be read; retry shortly',
        'backend_unavailable',
      );
    default:
      return new UpstreamError('The model upstream failed', 'upstream_error');
  }
}

/**
 * What the caller is told when opening a model session failed: the status and code of
 * toClientError, so clients handle one vocabulary; a 5xx message says it was the session
 * that failed (the prompt never left the gateway). 4xx answers keep their own message.
 */
export function toSessionOpenError(failure: UpstreamFailure, secrets: readonly string[] = []): AppError {
  const error = toClientError(failure, secrets);
  if (error.statusCode < 500) return error;
  const reason = error.message.charAt(0).toLowerCase() + error.message.slice(1);
  return new AppError(error.statusCode, error.code, `Could not open a model session: ${reason}`, true, {
    openaiType: error.openaiType,
    param: error.param,
    headers: error.headers,
    cause: failure,
  });
}
