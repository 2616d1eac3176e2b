import type { ModelSession } from './session-repository';

const MAX_ENTRIES = 10_000;

const entryKey = (keyId: string, targetId: string) => `${keyId}|${targetId}`;

/**
 * A container's copy of each key's active session per target model, so a warm chat
 * request reads no DynamoDB at all. An entry is trusted for the TTL and never past the
 * session's own expiry. Another container closing or replacing the session is noticed
 * within the TTL, or at once when the upstream reports the session gone (the chat path
 * then re-reads).
 */
export class SessionCache {
  private readonly entries = new Map<string, { session: ModelSession; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(keyId: string, targetId: string): ModelSession | undefined {
    const key = entryKey(keyId, targetId);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.session;
  }

  set(session: ModelSession): void {
    if (this.ttlMs <= 0) return;
    const key = entryKey(session.keyId, session.targetId);
    // Bounded: the oldest entry goes first (a Map iterates in insertion order).
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, {
      session,
      until: Math.min(this.now() + this.ttlMs, session.expiresAt * 1000),
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
