import type { Identity } from '../http/request';
import type { Logger } from '../logger';
import type { GatewayRequest } from './chat/chat-request';
import type { ChatResult } from './chat/chat-service';
import type { Gateway } from './gateway';
import { RequestMetrics } from './metrics';
import type { Operation } from './operations';
import { ROUTED_MODEL_HEADER } from './sessions/session-view';
import { estimateTokens } from './usage/token-usage';

export interface ForwardRequest {
  identity: Identity;
  body: GatewayRequest;
  log: Logger;
  requestId?: string;
  setHeader(name: string, value: string): void;
}

export interface Forwarded {
  result: ChatResult;
  metrics: RequestMetrics;
  /**
   * For the end of the answer, before the client has its last byte: the key's limits are
   * settled with the tokens used (its concurrency slot freed), so the client's next call
   * is judged on them. No DynamoDB call for a key without token or concurrency limits.
   * Never throws.
   */
  settle(): Promise<void>;
  /**
   * For once the client has the whole answer: the call's tokens are counted and its
   * session's use recorded. Never throws; each part logs its failure.
   */
  finish(): Promise<void>;
}

const NOTHING_USED = { promptTokens: 0, completionTokens: 0 };

/**
 * One call of a forwarded OpenAI endpoint: the key's limits (decided before anything is
 * sent upstream), the call itself, and the bookkeeping that waits for the response.
 */
export async function forward(
  gw: Gateway,
  operation: Operation,
  request: ForwardRequest,
): Promise<Forwarded> {
  const { identity, body, log, requestId, setHeader } = request;
  const admission = await gw.limiter.admit(identity, () => estimateTokens(body));
  for (const [name, value] of Object.entries(admission?.headers ?? {})) setHeader(name, value);
  const settleLimits = (used: typeof NOTHING_USED | undefined) =>
    admission
      ?.settle(used)
      .catch((err: unknown) => log.warn("settling the key's limits failed", { error: err as Error }));
  const metrics = new RequestMetrics();
  let result: ChatResult;
  try {
    result = await gw.chat.complete({
      identity,
      request: body,
      operation,
      log,
      metrics,
      requestId,
      onRouted: (routed) => setHeader(ROUTED_MODEL_HEADER, routed.target.id),
    });
  } catch (err) {
    metrics.flush();
    // Nothing reached the caller, so nothing counts against its token limits.
    await settleLimits(NOTHING_USED);
    throw err;
  }
  const finish = async () => {
    await Promise.all([
      gw.usage.record(
        { userId: identity.userId, keyId: identity.keyId, model: body.model },
        result.meter.tokens,
        log,
      ),
      // What keeps the session from being closed as idle.
      gw.sessions
        .recordUse(result.session)
        .catch((err: unknown) => log.warn('recording the model session use failed', { error: err as Error })),
    ]);
  };
  return { result, metrics, settle: async () => void (await settleLimits(result.meter.tokens)), finish };
}
