import { runInNewContext } from 'node:vm';
import {
  isTransientDynamoDbError,
  isUnavailable,
  retryWhileUnavailable,
  tableUnavailable,
} from '../../../../shared/db/unavailable';
import { ServiceUnavailableError } from '../../../../shared/errors';

const named = (name: string) => Object.assign(new Error(`${name} happened`), { name });
const coded = (code: string) => Object.assign(new Error('socket trouble'), { code });
const withStatus = (httpStatusCode: number) =>
  Object.assign(new Error('upstream said no'), { name: 'UnknownError', $metadata: { httpStatusCode } });

describe('isTransientDynamoDbError', () => {
  it.each([
    'TimeoutError',
    'RequestTimeout',
    'RequestTimeoutException',
    'ProvisionedThroughputExceededException',
    'ThrottlingException',
    'RequestLimitExceeded',
    'InternalServerError',
    'ServiceUnavailable',
    'ServiceUnavailableException',
  ])('is true for an error named %s', (name) => {
    expect(isTransientDynamoDbError(named(name))).toBe(true);
  });

  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ENOTFOUND',
    'EAI_AGAIN',
  ])('is true for a socket error with code %s, and for a message naming it', (code) => {
    expect(isTransientDynamoDbError(coded(code))).toBe(true);
    expect(isTransientDynamoDbError(new Error(`connect ${code} 127.0.0.1:8000`))).toBe(true);
  });

  it.each([500, 502, 503, 504])('is true for a %i answer', (status) => {
    expect(isTransientDynamoDbError(withStatus(status))).toBe(true);
  });

  it("is true for the SDK's re-wrapped form, which keeps only the socket error's text", () => {
    const wrapped = new Error('AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:1');
    expect(isTransientDynamoDbError(wrapped)).toBe(true);
  });

  it('is true for a socket error from another realm, which is no instance of this Error', () => {
    const foreign: unknown = runInNewContext(
      "Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })",
    );
    expect(foreign instanceof Error).toBe(false);
    expect(isTransientDynamoDbError(foreign)).toBe(true);
    const foreignTimeout: unknown = runInNewContext(
      "Object.assign(new Error('slow'), { name: 'TimeoutError' })",
    );
    expect(isTransientDynamoDbError(foreignTimeout)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a failed condition', named('ConditionalCheckFailedException')],
    ['a validation error', named('ValidationException')],
    ['a 400 answer', withStatus(400)],
    ['a 499 answer', withStatus(499)],
    ['a code it does not list', coded('EACCES')],
    ['a listed code inside a longer word', new Error('XECONNREFUSEDX')],
    ['a string naming a listed code', 'connect ECONNREFUSED 127.0.0.1:1'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 503],
  ])('is false for %s', (_what, err) => {
    expect(isTransientDynamoDbError(err)).toBe(false);
  });
});

describe('isUnavailable', () => {
  it.each<[string, boolean, unknown]>([
    ['the 503 the table client throws', true, tableUnavailable(named('TimeoutError'))],
    ['any ServiceUnavailableError', true, new ServiceUnavailableError()],
    ['a transient failure not yet converted', true, coded('ECONNRESET')],
    ['a failed condition', false, named('ConditionalCheckFailedException')],
    ['a plain error', false, new Error('boom')],
  ])('%s: %p', (_what, expected, err) => {
    expect(isUnavailable(err)).toBe(expected);
  });

  it('keeps the transient error it replaces as the cause', () => {
    const cause = coded('ETIMEDOUT');
    const err = tableUnavailable(cause);
    expect(err.statusCode).toBe(503);
    expect(err.cause).toBe(cause);
  });
});

/*
 * retryWhileUnavailable reads the time through the clock but waits its second with
 * node:timers/promises, which jest's fake timers (v10) do not replace. The clock here moves
 * on by hand, and the cases keep their real waits to one second each.
 */
describe('retryWhileUnavailable', () => {
  const T0 = 1_000_000;

  /** A write that fails with each error of the script in turn, then succeeds. */
  function scriptedWrite(errors: unknown[], clock: { t: number }, stepMs = 0) {
    const tries: number[] = [];
    const write = async () => {
      tries.push(clock.t);
      clock.t += stepMs;
      const err = errors.shift();
      if (err !== undefined) throw err;
      return 'written';
    };
    return { tries, write };
  }

  it('tries again while the table is unavailable and time allows', async () => {
    const clock = { t: T0, now: () => clock.t };
    const { tries, write } = scriptedWrite([coded('ECONNREFUSED')], clock);
    await expect(retryWhileUnavailable(write, { clock, until: T0 + 10_000 })).resolves.toBe('written');
    expect(tries).toHaveLength(2);
  });

  it('rethrows an error that is not transient at once', async () => {
    const clock = { t: T0, now: () => clock.t };
    const conflict = named('ConditionalCheckFailedException');
    const { tries, write } = scriptedWrite([conflict], clock);
    await expect(retryWhileUnavailable(write, { clock, until: T0 + 60_000 })).rejects.toBe(conflict);
    expect(tries).toHaveLength(1);
  });

  it('stops with the last failure when the next try would start after `until`', async () => {
    const clock = { t: T0, now: () => clock.t };
    const first = tableUnavailable(named('TimeoutError'));
    const second = coded('ECONNRESET');
    // Each try takes 600 ms: the first ends at T0 + 600 (a retry at T0 + 1600 fits), the
    // second at T0 + 1200 (a retry at T0 + 2200 would not).
    const { tries, write } = scriptedWrite([first, second, coded('ECONNRESET')], clock, 600);
    await expect(retryWhileUnavailable(write, { clock, until: T0 + 2_000 })).rejects.toBe(second);
    expect(tries).toEqual([T0, T0 + 600]);
  });

  it('does not wait at all when even one second is more than is left', async () => {
    const clock = { t: T0, now: () => clock.t };
    const down = coded('ECONNREFUSED');
    const { tries, write } = scriptedWrite([down, down], clock);
    const started = Date.now();
    await expect(retryWhileUnavailable(write, { clock, until: T0 + 999 })).rejects.toBe(down);
    expect(tries).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('tries again when the next try starts exactly at `until`', async () => {
    const clock = { t: T0, now: () => clock.t };
    const { tries, write } = scriptedWrite([coded('EPIPE')], clock);
    await expect(retryWhileUnavailable(write, { clock, until: T0 + 1_000 })).resolves.toBe('written');
    expect(tries).toHaveLength(2);
  });
});
