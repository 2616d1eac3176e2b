import type { ModelSession } from './session-repository';

const MAX_ENTRIES = 10_000;

/**
 * A container's copy of each key's active session, so a warm chat request reads no
 * DynamoDB at all. An entry is trusted for the TTL and never past the session's own
 * expiry. Another container closing or replacing the session is noticed within the TTL,
 * or at once when the upstream reports the session gone (the chat path then re-reads).
 */
export class SessionCache {
  private readonly entries = new Map<string, { session: ModelSession; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(keyId: string): ModelSession | undefined {
    const entry = this.entries.get(keyId);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(keyId);
      return undefined;
    }
    return entry.session;
  }

  set(session: ModelSession): void {
    if (this.ttlMs <= 0) return;
    // Bounded: the oldest entry goes first (a Map iterates in insertion order).
    this.entries.delete(session.keyId);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(session.keyId, {
      session,
      until: Math.min(this.now() + this.ttlMs, session.expiresAt * 1000),
    });
  }

  delete(keyId: string): void {
    this.entries.delete(keyId);
  }
}
