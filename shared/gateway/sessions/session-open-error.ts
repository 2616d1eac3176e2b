import type { AppError } from '../../errors';
import type { Logger } from '../../logger';
import type { SessionBackend } from '../backends/session-backend';
import { classifyUpstreamError, toSessionOpenError } from '../backends/upstream-errors';
import type { RequestMetrics } from '../metrics';
import type { ModelTarget } from '../model-config';

export interface OpenFailureContext {
  /** Our open deadline fired (the SDK reports every abort alike). */
  timedOut: boolean;
  backend: SessionBackend;
  target: ModelTarget;
  ctx: { log: Logger; metrics: RequestMetrics };
}

/**
 * A failed open, whatever failed (an upstream 5xx, our deadline, a body that is no
 * session, a refused connection): counted, logged without the upstream's words, and
 * turned into the gateway's client error with the backend's secrets redacted. A raw
 * failure is no AppError, so anything that reached the renderer unconverted would be a
 * bare 500 on every route that opens sessions.
 */
export function sessionOpenError(
  err: unknown,
  { timedOut, backend, target, ctx }: OpenFailureContext,
): AppError {
  const failure = classifyUpstreamError(err, { timedOut });
  ctx.metrics.upstreamError(failure.kind);
  ctx.metrics.sessionOpenFailed(backend.kind, failure.kind);
  ctx.log.warn('model session open failed', {
    targetId: target.id,
    backend: backend.kind,
    kind: failure.kind,
    status: failure.details.status,
  });
  return toSessionOpenError(failure, backend.secrets);
}
