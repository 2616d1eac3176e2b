import { SessionCache } from '../../../../shared/gateway/sessions/session-cache';
import type { ModelSession } from '../../../../shared/gateway/sessions/session-repository';

const session = (keyId: string, expiresAt: number): ModelSession => ({
  sessionId: `s-${keyId}`,
  keyId,
  userId: 'u',
  targetId: 't',
  backend: 'direct',
  requestedModel: 'gpt-4o',
  origin: 'automated',
  durationSeconds: 3600,
  createdAt: '2026-01-01T00:00:00.000Z',
  expiresAt,
});

describe('SessionCache', () => {
  it('keeps an entry for the TTL, never past the session’s own expiry', () => {
    let now = 1_000_000;
    const cache = new SessionCache(10_000, () => now);
    cache.set(session('a', 2_000)); // expires at 2,000,000 ms: far away
    cache.set(session('b', 1_005)); // expires in 5 s: sooner than the TTL
    now += 4_999;
    expect(cache.get('a')?.sessionId).toBe('s-a');
    expect(cache.get('b')?.sessionId).toBe('s-b');
    now += 1;
    expect(cache.get('b')).toBeUndefined();
    now += 5_000;
    expect(cache.get('a')).toBeUndefined();
  });

  it('forgets on delete, and keeps nothing with a TTL of 0', () => {
    const cache = new SessionCache(10_000);
    cache.set(session('a', Date.now() / 1000 + 60));
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    const off = new SessionCache(0);
    off.set(session('a', Date.now() / 1000 + 60));
    expect(off.get('a')).toBeUndefined();
  });

  it('stays bounded, dropping the oldest entry first', () => {
    const cache = new SessionCache(60_000);
    const far = Date.now() / 1000 + 3600;
    for (let i = 0; i <= 10_000; i++) cache.set(session(`k${i}`, far));
    expect(cache.get('k0')).toBeUndefined();
    expect(cache.get('k1')?.sessionId).toBe('s-k1');
    expect(cache.get('k10000')?.sessionId).toBe('s-k10000');
  });
});
