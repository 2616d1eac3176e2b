import type { Clock } from '../../../../shared/engine/clock';
import { Logger } from '../../../../shared/logger';
import { LeaseKeeper } from '../../../../shared/runs/lease-keeper';

const T0 = 1_000_000;
const LEASE_MS = 20_000;

/*
 * The keeper reads the time through its Clock and waits with the global setTimeout. The
 * fake clock reads jest's fake time, so advancing the fake timers moves both at once.
 */
const clock: Clock = {
  now: () => jest.now(),
  random: () => 0.5,
  sleep: () => Promise.reject(new Error('the keeper does not sleep through the clock')),
};

type Answer = boolean | Error | Promise<boolean>;

/** A renewal seam that records when it was called and answers from a script (default: held). */
function fakeRenew(script: Answer[] = []) {
  const calls: { at: number; leaseUntil: number }[] = [];
  const renew = async (leaseUntil: number) => {
    calls.push({ at: jest.now(), leaseUntil });
    const answer = script.shift() ?? true;
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { calls, renew };
}

function keeperWith(script: Answer[] = [], leaseMs = LEASE_MS) {
  const { calls, renew } = fakeRenew(script);
  const lines: string[] = [];
  const log = new Logger({}, 'warn', (line) => lines.push(line));
  const keeper = new LeaseKeeper(renew, { leaseMs, clock, log, leaseUntil: T0 + leaseMs });
  return { keeper, calls, lines };
}

beforeEach(() => {
  jest.useFakeTimers({ now: T0 });
});

afterEach(() => {
  jest.useRealTimers();
});

const advance = (ms: number) => jest.advanceTimersByTimeAsync(ms);

describe('LeaseKeeper renewals', () => {
  it('does not renew for work shorter than half a lease', async () => {
    const { keeper, calls } = keeperWith();
    keeper.start();
    await advance(LEASE_MS / 2 - 1);
    keeper.stop();
    expect(calls).toEqual([]);
  });

  it('renews once half a lease passes with no other write, and schedules the next half a lease on', async () => {
    const { keeper, calls } = keeperWith();
    keeper.start();
    await advance(LEASE_MS / 2);
    expect(calls).toEqual([{ at: T0 + 10_000, leaseUntil: T0 + 10_000 + LEASE_MS }]);
    await advance(LEASE_MS / 2 - 1);
    expect(calls).toHaveLength(1);
    await advance(1);
    expect(calls[1]).toEqual({ at: T0 + 20_000, leaseUntil: T0 + 20_000 + LEASE_MS });
    expect(keeper.owned()).toBe(true);
    keeper.stop();
  });

  it('postpones the renewal until half a lease after the last recorded write', async () => {
    const { keeper, calls } = keeperWith();
    keeper.start();
    await advance(6_000);
    keeper.recorded(keeper.next(), true);
    await advance(9_999);
    expect(calls).toEqual([]);
    await advance(1);
    expect(calls).toEqual([{ at: T0 + 16_000, leaseUntil: T0 + 16_000 + LEASE_MS }]);
    keeper.stop();
  });

  it('marks the lease lost when a renewal answers false, and renews no more', async () => {
    const { keeper, calls } = keeperWith([false]);
    keeper.start();
    expect(keeper.owned()).toBe(true);
    await advance(LEASE_MS / 2);
    expect(calls).toHaveLength(1);
    expect(keeper.owned()).toBe(false);
    await advance(10 * LEASE_MS);
    expect(calls).toHaveLength(1);
  });

  it('marks the lease lost when a write says the run has another holder, and renews it no more', async () => {
    const { keeper, calls } = keeperWith();
    keeper.start();
    keeper.recorded(keeper.next(), false);
    expect(keeper.owned()).toBe(false);
    await advance(3 * LEASE_MS);
    expect(calls).toEqual([]);
    keeper.stop();
  });

  it('retries a renewal that throws after one second, and logs why', async () => {
    const { keeper, calls, lines } = keeperWith([new Error('connect ECONNREFUSED')]);
    keeper.start();
    await advance(LEASE_MS / 2);
    expect(calls).toHaveLength(1);
    expect(lines.map((line) => JSON.parse(line).message)).toEqual(['run lease renewal failed; retrying']);
    await advance(999);
    expect(calls).toHaveLength(1);
    await advance(1);
    expect(calls[1]).toEqual({ at: T0 + 11_000, leaseUntil: T0 + 11_000 + LEASE_MS });
    // The retry succeeded: back to one renewal per half lease.
    await advance(LEASE_MS / 2 - 1);
    expect(calls).toHaveLength(2);
    await advance(1);
    expect(calls).toHaveLength(3);
    keeper.stop();
  });
});

describe('LeaseKeeper.owned', () => {
  // The margin is min(5 s, lease / 4): the lease on the left of the cut and the one on the right.
  it.each([
    [8_000, 2_000],
    [20_000, 5_000],
    [60_000, 5_000],
  ])(
    'with a %i ms lease and no successful renewal, turns false %i ms before the lease ends',
    async (leaseMs, margin) => {
      const unreachable = Array.from({ length: 100 }, () => new Error('ETIMEDOUT'));
      const { keeper, calls } = keeperWith(unreachable, leaseMs);
      keeper.start();
      await advance(leaseMs - margin - 1);
      expect(keeper.owned()).toBe(true);
      await advance(1);
      expect(keeper.owned()).toBe(false);
      // It kept trying all along (once at half a lease, then every second).
      expect(calls.length).toBeGreaterThan(1);
      keeper.stop();
    },
  );

  it('stays true past the first lease once a renewal has succeeded', async () => {
    const { keeper } = keeperWith();
    keeper.start();
    await advance(LEASE_MS / 2);
    // Renewed at T0 + 10 s until T0 + 30 s (the first lease alone ends being owned at T0 + 15 s);
    // the next renewal is cancelled to isolate this one.
    keeper.stop();
    await advance(14_999);
    expect(keeper.owned()).toBe(true);
    await advance(1);
    expect(keeper.owned()).toBe(false);
  });
});

describe('LeaseKeeper.stop', () => {
  it('cancels the pending renewal', async () => {
    const { keeper, calls } = keeperWith();
    keeper.start();
    await advance(5_000);
    keeper.stop();
    await advance(10 * LEASE_MS);
    expect(calls).toEqual([]);
  });

  it('schedules nothing after a renewal that was in flight when it stopped', async () => {
    let answer: (held: boolean) => void = () => undefined;
    const inFlight = new Promise<boolean>((resolve) => (answer = resolve));
    const { keeper, calls } = keeperWith([inFlight]);
    keeper.start();
    await advance(LEASE_MS / 2);
    expect(calls).toHaveLength(1);
    keeper.stop();
    answer(true);
    await advance(10 * LEASE_MS);
    expect(calls).toHaveLength(1);
  });
});
