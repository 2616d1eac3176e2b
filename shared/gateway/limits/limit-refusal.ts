import { RateLimitError } from '../../errors';
import type { KeyLimits } from '../../identity/key-limits';
import type { LimitState } from './key-limiter';

export type RefusalReason = 'requests' | 'tokens' | 'tokens_per_day' | 'concurrency';

/** OpenAI's reset format: `1s`, `6m0s`, `20ms`. */
function resetIn(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.ceil(ms))}ms`;
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${seconds % 60}s`;
}

/**
 * OpenAI's `x-ratelimit-*` headers for the per-minute limits the key has, as of `state`
 * (the counters with this request counted).
 */
export function rateLimitHeaders(limits: KeyLimits, state: LimitState, now: number): Record<string, string> {
  const reset = resetIn((state.minute + 1) * 60_000 - now);
  const headers: Record<string, string> = {};
  if (limits.requestsPerMinute) {
    headers['x-ratelimit-limit-requests'] = String(limits.requestsPerMinute);
    headers['x-ratelimit-remaining-requests'] = String(
      Math.max(0, limits.requestsPerMinute - state.requests),
    );
    headers['x-ratelimit-reset-requests'] = reset;
  }
  if (limits.tokensPerMinute) {
    headers['x-ratelimit-limit-tokens'] = String(limits.tokensPerMinute);
    headers['x-ratelimit-remaining-tokens'] = String(Math.max(0, limits.tokensPerMinute - state.tokens));
    headers['x-ratelimit-reset-tokens'] = reset;
  }
  return headers;
}

const describe: Record<RefusalReason, (limits: KeyLimits, tokens: number) => string> = {
  requests: (l) => `${l.requestsPerMinute} requests per minute`,
  tokens: (l, t) => `${l.tokensPerMinute} tokens per minute (this request needs about ${t})`,
  tokens_per_day: (l) => `its daily budget of ${l.tokensPerDay} tokens (UTC day)`,
  concurrency: (l) => `${l.concurrentRequests} requests at a time`,
};

/** The 429 for a request over one of its key's limits, decided before any upstream call. */
export function refusal(
  reason: RefusalReason,
  limits: KeyLimits,
  state: LimitState,
  tokens: number,
  waitMs: number,
  now: number,
): RateLimitError {
  const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
  return new RateLimitError(
    `Rate limit reached for this API key: ${describe[reason](limits, tokens)}. Retry in ${retryAfter} s.`,
    retryAfter,
    {
      openaiType: reason === 'requests' || reason === 'concurrency' ? 'requests' : 'tokens',
      details: { limit: reason, retry_after_seconds: retryAfter },
      headers: rateLimitHeaders(limits, state, now),
    },
  );
}

export const refusals = {
  /** The key's counter kept changing under this request: as busy as a refusal. */
  contended: (limits: KeyLimits) =>
    new RateLimitError('This API key is at its limits; retry shortly', 1, {
      openaiType: 'requests',
      details: { limit: limits.concurrentRequests ? 'concurrency' : 'requests', retry_after_seconds: 1 },
    }),
};
