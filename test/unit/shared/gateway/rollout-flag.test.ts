import {
  CachedRolloutFlag,
  isInRollout,
  rolloutBucket,
  type RolloutFlag,
} from '../../../../shared/gateway/rollout-flag';

const flag = (percent: number, allow: string[] = []): RolloutFlag => ({
  percent,
  allow,
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});
const users = Array.from({ length: 5000 }, (_, i) => `user-${i}`);

describe('rollout bucketing', () => {
  it('is deterministic per user and spreads users evenly', () => {
    expect(rolloutBucket('alice')).toBe(rolloutBucket('alice'));
    const inTen = users.filter((u) => isInRollout(flag(10), u)).length;
    const inFifty = users.filter((u) => isInRollout(flag(50), u)).length;
    expect(inTen / users.length).toBeGreaterThan(0.08);
    expect(inTen / users.length).toBeLessThan(0.12);
    expect(inFifty / users.length).toBeGreaterThan(0.47);
    expect(inFifty / users.length).toBeLessThan(0.53);
  });

  it('grows monotonically: everyone in 10% stays in at 50% and 100%', () => {
    const inTen = users.filter((u) => isInRollout(flag(10), u));
    expect(inTen.every((u) => isInRollout(flag(50), u))).toBe(true);
    expect(users.every((u) => isInRollout(flag(100), u))).toBe(true);
    expect(users.some((u) => isInRollout(flag(0), u))).toBe(false);
  });

  it('admits allowlisted users at any percentage, and everyone when there is no flag', () => {
    expect(isInRollout(flag(0, ['internal-1']), 'internal-1')).toBe(true);
    expect(isInRollout(flag(0, ['internal-1']), 'internal-2')).toBe(false);
    expect(isInRollout(undefined, 'anyone')).toBe(true);
  });
});

describe('CachedRolloutFlag', () => {
  it('reads at most once per TTL, caches the absence of a flag too, and shares a read in flight', async () => {
    let now = 1_000;
    const answers: Array<RolloutFlag | undefined> = [undefined, flag(10)];
    let reads = 0;
    const cached = new CachedRolloutFlag({ get: async () => answers[reads++] }, 30_000, () => now);

    const [a, b] = await Promise.all([cached.get(), cached.get()]);
    expect([a, b, reads]).toEqual([undefined, undefined, 1]);
    now += 29_999;
    expect(await cached.get()).toBeUndefined();
    expect(reads).toBe(1);
    now += 1;
    expect(await cached.get()).toEqual(flag(10));
    expect(reads).toBe(2);
  });

  it('with a TTL of 0 reads every time', async () => {
    let reads = 0;
    const cached = new CachedRolloutFlag({ get: async () => (reads++, undefined) }, 0);
    await cached.get();
    await cached.get();
    expect(reads).toBe(2);
  });
});
