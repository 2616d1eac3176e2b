import type { ModelSession } from './session-repository';

const MAX_ENTRIES = 10_000;

const entryKey = (keyId: string, targetId: string) => `${keyId}|${targetId}`;

/**
 * A container's copy of each key's active session per target model, so a warm chat
 * request reads no DynamoDB at all. An entry is fresh for the TTL; for one TTL more it is
 * still served while one read refreshes it off the request's path (see
 * SessionService.current), and never past the session's own expiry. Another container
 * closing or replacing the session is noticed within two TTLs, or at once when the
 * upstream reports the session gone (the chat path then re-reads).
 */
export class SessionCache {
  private readonly entries = new Map<
    string,
    { session: ModelSession; freshUntil: number; usableUntil: number }
  >();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached session while it is fresh. */
  get(keyId: string, targetId: string): ModelSession | undefined {
    const hit = this.peek(keyId, targetId);
    return hit?.fresh ? hit.session : undefined;
  }

  /** The cached session while it may be served, and whether it is still fresh. */
  peek(keyId: string, targetId: string): { session: ModelSession; fresh: boolean } | undefined {
    const key = entryKey(keyId, targetId);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const now = this.now();
    if (entry.usableUntil <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return { session: entry.session, fresh: entry.freshUntil > now };
  }

  set(session: ModelSession): void {
    if (this.ttlMs <= 0) return;
    const key = entryKey(session.keyId, session.targetId);
    // Bounded: the oldest entry goes first (a Map iterates in insertion order).
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    const now = this.now();
    const expires = session.expiresAt * 1000;
    this.entries.set(key, {
      session,
      freshUntil: Math.min(now + this.ttlMs, expires),
      usableUntil: Math.min(now + 2 * this.ttlMs, expires),
    });
  }

  /** Notes a recorded use on the cached copy (if it is still that session), keeping its TTL. */
  used(session: ModelSession, at: number): void {
    const entry = this.entries.get(entryKey(session.keyId, session.targetId));
    if (entry && entry.session.sessionId === session.sessionId && entry.session.lastUsedAt < at)
      entry.session = { ...entry.session, lastUsedAt: at };
  }

  delete(keyId: string, targetId: string): void {
    this.entries.delete(entryKey(keyId, targetId));
  }
}
