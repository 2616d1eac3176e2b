import { SessionCache } from '../../../../shared/gateway/sessions/session-cache';
import type { ModelSession } from '../../../../shared/gateway/sessions/session-repository';

const session = (keyId: string, expiresAt: number, targetId = 't'): ModelSession => ({
  sessionId: `s-${keyId}-${targetId}`,
  keyId,
  userId: 'u',
  targetId,
  backend: 'direct',
  requestedModel: 'gpt-4o',
  origin: 'automated',
  durationSeconds: 3600,
  createdAt: '2026-01-01T00:00:00.000Z',
  expiresAt,
  lastUsedAt: 1_000,
});

describe('SessionCache', () => {
  it('keeps an entry for the TTL, never past the session’s own expiry', () => {
    let now = 1_000_000;
    const cache = new SessionCache(10_000, () => now);
    cache.set(session('a', 2_000)); // expires at 2,000,000 ms: far away
    cache.set(session('b', 1_005)); // expires in 5 s: sooner than the TTL
    now += 4_999;
    expect(cache.get('a', 't')?.sessionId).toBe('s-a-t');
    expect(cache.get('b', 't')?.sessionId).toBe('s-b-t');
    now += 1;
    expect(cache.get('b', 't')).toBeUndefined();
    now += 5_000;
    expect(cache.get('a', 't')).toBeUndefined();
  });

  it('serves an entry for one TTL more as stale, never past the session’s expiry', () => {
    let now = 1_000_000;
    const cache = new SessionCache(10_000, () => now);
    cache.set(session('a', 2_000));
    cache.set(session('b', 1_015)); // expires 15 s from now
    now += 10_000;
    expect(cache.peek('a', 't')).toEqual({
      session: expect.objectContaining({ sessionId: 's-a-t' }),
      fresh: false,
    });
    expect(cache.get('a', 't')).toBeUndefined();
    now += 5_000;
    expect(cache.peek('b', 't')).toBeUndefined();
    now += 4_999;
    expect(cache.peek('a', 't')?.fresh).toBe(false);
    now += 1;
    expect(cache.peek('a', 't')).toBeUndefined();
  });

  it('keeps one entry per key and target model', () => {
    const cache = new SessionCache(10_000);
    const far = Date.now() / 1000 + 60;
    cache.set(session('a', far, 'x'));
    cache.set(session('a', far, 'y'));
    expect(cache.get('a', 'x')?.sessionId).toBe('s-a-x');
    expect(cache.get('a', 'y')?.sessionId).toBe('s-a-y');
    cache.delete('a', 'x');
    expect(cache.get('a', 'x')).toBeUndefined();
    expect(cache.get('a', 'y')?.sessionId).toBe('s-a-y');
  });

  it('notes a use on the cached copy only, and only forwards in time', () => {
    const cache = new SessionCache(10_000);
    const cached = session('a', Date.now() / 1000 + 60);
    cache.set(cached);
    cache.used(cached, 5_000);
    expect(cache.get('a', 't')?.lastUsedAt).toBe(5_000);
    expect(cached.lastUsedAt).toBe(1_000);
    cache.used(cached, 4_000);
    expect(cache.get('a', 't')?.lastUsedAt).toBe(5_000);
    // A use of a session the cache no longer holds changes nothing.
    cache.used({ ...cached, sessionId: 'other' }, 9_000);
    expect(cache.get('a', 't')?.lastUsedAt).toBe(5_000);
  });

  it('forgets on delete, and keeps nothing with a TTL of 0', () => {
    const cache = new SessionCache(10_000);
    cache.set(session('a', Date.now() / 1000 + 60));
    cache.delete('a', 't');
    expect(cache.get('a', 't')).toBeUndefined();
    const off = new SessionCache(0);
    off.set(session('a', Date.now() / 1000 + 60));
    expect(off.get('a', 't')).toBeUndefined();
  });

  it('stays bounded, dropping the oldest entry first', () => {
    const cache = new SessionCache(60_000);
    const far = Date.now() / 1000 + 3600;
    for (let i = 0; i <= 10_000; i++) cache.set(session(`k${i}`, far));
    expect(cache.get('k0', 't')).toBeUndefined();
    expect(cache.get('k1', 't')?.sessionId).toBe('s-k1-t');
    expect(cache.get('k10000', 't')?.sessionId).toBe('s-k10000-t');
  });
});
