import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../engine/clock';
import { ServiceUnavailableError } from '../errors';

/**
 * DynamoDB failures that say "not now" rather than "not this": the service or the network
 * is down or slow, or the table is throttling. A request that meets one after the SDK's own
 * retries answers 503 with Retry-After, never 500.
 */
const TRANSIENT_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
]);

const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** A socket error's code in a message, as in `connect ECONNREFUSED 127.0.0.1:8000`. */
const CODE_IN_MESSAGE = new RegExp(`\\b(${[...TRANSIENT_CODES].join('|')})\\b`);

/**
 * Duck-typed rather than `instanceof Error`: a socket error from another realm (a test
 * runner's sandbox) is not an instance, and the SDK's retry step then re-wraps it with only
 * its text, which still names the code.
 */
export function isTransientDynamoDbError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { name, code, message, $metadata } = err as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  if (typeof name === 'string' && TRANSIENT_NAMES.has(name)) return true;
  if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
  if (typeof message === 'string' && CODE_IN_MESSAGE.test(message)) return true;
  const status = $metadata?.httpStatusCode;
  return typeof status === 'number' && status >= 500;
}

/** True for the 503 the table client throws, and for a transient failure not yet converted. */
export function isUnavailable(err: unknown): boolean {
  return err instanceof ServiceUnavailableError || isTransientDynamoDbError(err);
}

/** What the caller is told; the transient error it replaces is kept as `cause` for the logs. */
export const tableUnavailable = (cause: unknown) =>
  Object.assign(new ServiceUnavailableError('The data store is temporarily unavailable; retry shortly'), {
    cause,
  });

/** Between two tries of a write while the table is unreachable. */
const RETRY_MS = 1000;

/**
 * Runs `write`, trying again every second while the table is unavailable, as long as the
 * next try can start before `until`; then the last failure is thrown.
 */
export async function retryWhileUnavailable<T>(
  write: () => Promise<T>,
  options: { clock: Pick<Clock, 'now'>; until: number },
): Promise<T> {
  for (;;) {
    try {
      return await write();
    } catch (err) {
      if (!isUnavailable(err) || options.clock.now() + RETRY_MS > options.until) throw err;
      await sleep(RETRY_MS);
    }
  }
}
