/** Longest wait between two attempts, whatever the plan or the upstream asks for. */
export const MAX_BACKOFF_MS = 60_000;

/**
 * Exponential backoff with "equal jitter": the wait after the n-th failed attempt is
 * between half and all of `base * 2^(n-1)`, so retries from many runs spread out but
 * never come back sooner than half the intended wait. An upstream's Retry-After is a
 * floor: we never retry earlier than it asked.
 */
export function backoffDelay(
  failedAttempts: number,
  baseMs: number,
  random: () => number,
  retryAfterMs?: number,
): number {
  const exponential = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, failedAttempts - 1));
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.round(Math.min(MAX_BACKOFF_MS, Math.max(jittered, retryAfterMs ?? 0)));
}
