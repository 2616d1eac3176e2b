import type { Logger } from '../logger';
import {
  RetryableProviderError,
  type ActionDefinition,
  type OutboundHttp,
  type ProviderResult,
} from '../providers/types';

export class StepTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Step timed out after ${timeoutMs} ms`);
    this.name = 'StepTimeoutError';
  }
}

export type AttemptOutcome =
  | { kind: 'result'; result: ProviderResult }
  | { kind: 'retryable'; message: string; retryAfterMs?: number }
  | { kind: 'fatal'; message: string };

export interface AttemptInput {
  action: ActionDefinition;
  params: unknown;
  userId: string;
  runId: string;
  stepId: string;
  credential?: string;
  http: OutboundHttp;
  log: Logger;
  timeoutMs: number;
}

/**
 * One attempt at one step, bounded by its timeout. The signal tells the provider to stop;
 * the race makes sure the engine moves on even if a provider ignores it. Network errors,
 * 429 and 5xx (RetryableProviderError) and timeouts may be retried; nothing else is.
 */
export async function runAttempt(input: AttemptInput): Promise<AttemptOutcome> {
  const controller = new AbortController();
  const timeout = new StepTimeoutError(input.timeoutMs);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(timeout);
      reject(timeout);
    }, input.timeoutMs);
  });
  try {
    const result = await Promise.race([
      input.action.execute(input.params, {
        userId: input.userId,
        runId: input.runId,
        stepId: input.stepId,
        ...(input.credential === undefined ? {} : { credential: input.credential }),
        http: input.http,
        signal: controller.signal,
        log: input.log,
      }),
      expired,
    ]);
    return { kind: 'result', result };
  } catch (err) {
    if (controller.signal.aborted) return { kind: 'retryable', message: timeout.message };
    if (err instanceof RetryableProviderError || (err as Error)?.name === 'RetryableProviderError') {
      const retryable = err as RetryableProviderError;
      return {
        kind: 'retryable',
        message: retryable.message,
        ...(retryable.retryAfterMs === undefined ? {} : { retryAfterMs: retryable.retryAfterMs }),
      };
    }
    return { kind: 'fatal', message: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}
