import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../../../shared/clients/dynamodb';
import { AppError } from '../../../shared/errors';
import { KeyLimiter } from '../../../shared/gateway/limits/key-limiter';
import type { KeyLimits } from '../../../shared/identity/key-limits';
import { testRepositoryDeps } from '../../support/identity';
import { newIdentity } from './support';

const MINUTE = 60_000;
/** 10 s into a minute, so a test's requests stay inside it unless it moves the clock. */
const START = Date.UTC(2026, 11, 2, 10, 30, 10);

/** Counts the calls that reach the table. */
function countingDeps(): { deps: RepositoryDeps; calls: () => number } {
  const base = testRepositoryDeps();
  let calls = 0;
  const client = new Proxy(base.client, {
    get(target, prop, receiver) {
      if (prop === 'send')
        return (command: Parameters<typeof target.send>[0]) => {
          calls += 1;
          return target.send(command);
        };
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { deps: { ...base, client }, calls: () => calls };
}

async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('KeyLimiter (DynamoDB Local)', () => {
  let now = START;
  const clock = () => now;
  const limited = (limits: KeyLimits) => ({ ...newIdentity(), limits });
  beforeEach(() => {
    now = START;
  });

  it('makes no call at all for a key without limits', async () => {
    const { deps, calls } = countingDeps();
    const limiter = new KeyLimiter(deps, { slotLeaseMs: 300_000 }, clock);
    expect(await limiter.admit(newIdentity(), () => 100)).toBeUndefined();
    expect(calls()).toBe(0);
  });

  it('admits exactly the per-minute limit of 30 parallel requests, and all again next minute', async () => {
    const limiter = new KeyLimiter(testRepositoryDeps(), { slotLeaseMs: 300_000 }, clock);
    const identity = limited({ requestsPerMinute: 7 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, () => limiter.admit(identity, () => 0)),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(7);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    const error = refused.reason as AppError;
    expect(error.statusCode).toBe(429);
    expect(error.headers).toMatchObject({
      'Retry-After': '50',
      'x-ratelimit-limit-requests': '7',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': '50s',
    });
    now += MINUTE;
    const next = await Promise.allSettled(Array.from({ length: 10 }, () => limiter.admit(identity, () => 0)));
    expect(next.filter((o) => o.status === 'fulfilled')).toHaveLength(7);
  });

  it('reports the remaining requests and tokens on an admitted request', async () => {
    const limiter = new KeyLimiter(testRepositoryDeps(), { slotLeaseMs: 300_000 }, clock);
    const identity = limited({ requestsPerMinute: 5, tokensPerMinute: 1000 });
    await limiter.admit(identity, () => 100);
    const second = await limiter.admit(identity, () => 150);
    expect(second!.headers).toEqual({
      'x-ratelimit-limit-requests': '5',
      'x-ratelimit-remaining-requests': '3',
      'x-ratelimit-reset-requests': '50s',
      'x-ratelimit-limit-tokens': '1000',
      'x-ratelimit-remaining-tokens': '750',
      'x-ratelimit-reset-tokens': '50s',
    });
  });

  it('checks the token estimate before and settles the actual tokens after', async () => {
    const deps = testRepositoryDeps();
    const limiter = new KeyLimiter(deps, { slotLeaseMs: 300_000 }, clock);
    const identity = limited({ tokensPerMinute: 1000 });
    const first = await limiter.admit(identity, () => 600);
    // 600 reserved: another 600 would pass the limit.
    const refused = await refusalOf(limiter.admit(identity, () => 600));
    expect(refused.message).toMatch(/1000 tokens per minute/);
    expect(refused.openaiType).toBe('tokens');
    // It used 100: 900 are left.
    await first!.settle({ promptTokens: 60, completionTokens: 40 });
    await expect(limiter.admit(identity, () => 850)).resolves.toBeDefined();
    const { Item } = await deps.client.send(
      new GetCommand({ TableName: deps.tableName, Key: { PK: `APIKEY#${identity.keyId}`, SK: 'LIMITS' } }),
    );
    expect(Item).toMatchObject({ tokens: 950, dayTokens: 950, requests: 2 });
  });

  it('admits one oversized request into an empty window rather than never', async () => {
    const limiter = new KeyLimiter(testRepositoryDeps(), { slotLeaseMs: 300_000 }, clock);
    const identity = limited({ tokensPerMinute: 100 });
    await expect(limiter.admit(identity, () => 500)).resolves.toBeDefined();
    await expect(refusalOf(limiter.admit(identity, () => 1))).resolves.toMatchObject({ statusCode: 429 });
  });

  it('keeps the daily budget across minutes and starts again on the next UTC day', async () => {
    const limiter = new KeyLimiter(testRepositoryDeps(), { slotLeaseMs: 300_000 }, clock);
    const identity = limited({ tokensPerDay: 250 });
    for (let i = 0; i < 2; i++) {
      const a = await limiter.admit(identity, () => 10);
      await a!.settle({ promptTokens: 10, completionTokens: 90 });
      now += MINUTE;
    }
    // 200 used; a request estimated at 10 fits, and its 100 go over by one request at most.
    const third = await limiter.admit(identity, () => 10);
    await third!.settle({ promptTokens: 10, completionTokens: 90 });
    now += MINUTE;
    const refused = await refusalOf(limiter.admit(identity, () => 10));
    expect(refused.message).toMatch(/daily budget of 250 tokens/);
    const secondsToMidnight = Math.ceil((Date.UTC(2026, 11, 3) - now) / 1000);
    expect(refused.headers['Retry-After']).toBe(String(secondsToMidnight));
    now = Date.UTC(2026, 11, 3, 0, 0, 5);
    await expect(limiter.admit(identity, () => 10)).resolves.toBeDefined();
  });

  it('holds concurrent requests to the limit, frees a slot when its request settles, and lets a lost one lapse', async () => {
    const limiter = new KeyLimiter(testRepositoryDeps(), { slotLeaseMs: 30_000 }, clock);
    const identity = limited({ concurrentRequests: 3 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => limiter.admit(identity, () => 0)),
    );
    const admitted = outcomes.flatMap((o) => (o.status === 'fulfilled' && o.value ? [o.value] : []));
    expect(admitted).toHaveLength(3);
    const refused = (outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult)
      .reason as AppError;
    expect(refused.message).toMatch(/3 requests at a time/);
    await admitted[0]!.settle(undefined);
    await expect(limiter.admit(identity, () => 0)).resolves.toBeDefined();
    await expect(refusalOf(limiter.admit(identity, () => 0))).resolves.toMatchObject({ statusCode: 429 });
    // Nobody settles the other three: once their lease is over the slots are free again.
    now += 31_000;
    const later = await Promise.allSettled(Array.from({ length: 6 }, () => limiter.admit(identity, () => 0)));
    expect(later.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
  });
});
