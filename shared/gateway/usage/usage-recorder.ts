import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../logger';
import type { TokenUsage } from './token-usage';
import type { UsageRepository } from './usage-repository';

export interface UsageCall {
  userId: string;
  keyId: string;
  /** The model as the caller named it. */
  model: string;
}

/** Retries a failed write this many times, waiting longer each time. */
const RETRY_DELAYS_MS = [100, 400, 1600];

export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/**
 * Adds a finished call to its key's counters, after the response has gone: a failed write
 * is retried, then logged; it never fails (or delays) the call itself.
 */
export class UsageRecorder {
  constructor(
    private readonly repository: UsageRepository,
    private readonly delaysMs: readonly number[] = RETRY_DELAYS_MS,
  ) {}

  async record(call: UsageCall, tokens: TokenUsage | undefined, log: Logger, at = new Date()): Promise<void> {
    const counter = { ...call, day: utcDay(at) };
    for (let attempt = 0; ; attempt++) {
      try {
        await this.repository.add(counter, tokens);
        return;
      } catch (err) {
        const delay = this.delaysMs[attempt];
        if (delay === undefined) {
          log.error('recording usage failed; this call is not counted', {
            error: err as Error,
            model: call.model,
            promptTokens: tokens?.promptTokens,
            completionTokens: tokens?.completionTokens,
          });
          return;
        }
        log.warn('recording usage failed; retrying', { error: err as Error, attempt: attempt + 1 });
        await sleep(delay);
      }
    }
  }
}
