import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Whether two strings are equal, in time that depends on neither where they differ nor
 * whether their lengths do: both are hashed to 32 bytes first, then compared in constant time.
 */
export const constantTimeEqual = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/** Whether any of `presented` equals `expected`; every one is compared, matched or not. */
export function anyConstantTimeEqual(expected: string, presented: readonly string[]): boolean {
  let matched = false;
  for (const candidate of presented) matched = constantTimeEqual(expected, candidate) || matched;
  return matched;
}

export const hmacSha256Hex = (secret: string, data: string) =>
  createHmac('sha256', secret).update(data, 'utf8').digest('hex');

/** `t` (Unix seconds) is within `toleranceSeconds` of `now`, in the past or the future. */
export const withinTolerance = (t: number, now: Date, toleranceSeconds: number) =>
  Math.abs(now.getTime() / 1000 - t) <= toleranceSeconds;

/** A Unix-seconds timestamp as senders write it: digits only. */
export function unixSeconds(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}
