/**
 * How long a stopping local stack waits for work already under way: in-flight requests
 * (streaming responses included) and background runs. What is still running after it
 * is cut, so Ctrl-C always ends the stack promptly.
 */
export const DRAIN_GRACE_MS = 10_000;

/** Waits for `work` for at most `ms`; true if it settled in time. Never rejects. */
export async function settleWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  const settled = work.then(
    () => true as const,
    () => true as const,
  );
  try {
    return await Promise.race([settled, expired]);
  } finally {
    clearTimeout(timer);
  }
}
