import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Identity } from '../../http/request';
import type { Logger } from '../../logger';
import { backendFor, type Backends } from '../backends/backends';
import { Deadline } from '../backends/deadline';
import { classifyUpstreamError } from '../backends/upstream-errors';
import type { SessionCloseReason } from '../metric-names';
import type { RequestMetrics, SessionOpenReason } from '../metrics';
import type { ModelTarget } from '../model-config';
import type { SessionCache } from './session-cache';
import { noActiveSession, SessionBusyError } from './session-errors';
import { sessionDueAt } from './session-due-index';
import { sessionOpenError } from './session-open-error';
import type { ModelSession, SessionOrigin, SessionRepository } from './session-repository';

export interface SessionCallContext {
  log: Logger;
  metrics: RequestMetrics;
}

export interface OpenSpec {
  durationSeconds: number;
  origin: SessionOrigin;
  reason: SessionOpenReason;
}

export interface ObtainRequest {
  identity: Identity;
  target: ModelTarget;
  requestedModel: string;
  /** True when the key's active session cannot serve this request and must be replaced. */
  mustReplace(session: ModelSession): boolean;
  /**
   * Whether and how to open a session; `previous` is the active session being replaced
   * (undefined when the key has none). Undefined means "do not open"; it may also throw.
   */
  openSpec(previous: ModelSession | undefined): Promise<OpenSpec | undefined>;
  /** Close the replaced session upstream (not when it is dead already). */
  closeReplaced: boolean;
}

export interface Obtained {
  session: ModelSession;
  opened: boolean;
}

export interface SessionServiceOptions {
  openTimeoutMs: number;
  closeTimeoutMs: number;
  now?: () => number;
}

/** How much longer than the open timeout a lease lasts, so a slow but live opener keeps it. */
const LEASE_MARGIN_MS = 5_000;

/** A container records a session's use at most this often (the idle deadline moves with it). */
export const TOUCH_INTERVAL_MS = 60_000;

const byMostRecentUse = (a: ModelSession, b: ModelSession) =>
  b.lastUsedAt - a.lastUsedAt || b.createdAt.localeCompare(a.createdAt);

export interface ClosedSession {
  session: ModelSession;
  upstreamClosed: boolean;
}

/** Which of a key's sessions a close is for: all of them, one target's, or one by id. */
export interface CloseSelector {
  targetId?: string;
  sessionId?: string;
}

/**
 * Model sessions, one per API key and target model, so requests for different models
 * never take each other's session away. Creation is race-free across containers: a
 * request that finds no usable session writes an `opening` lease conditionally on the
 * version it read; exactly one such write wins, opens the upstream session, and turns the
 * lease into the active session. The others wait for that and use it. Sessions nobody
 * uses are closed by the sweeper (./session-sweeper.ts), never on a request's path.
 */
export class SessionService {
  private readonly inFlight = new Map<string, Promise<Obtained | undefined>>();
  private readonly now: () => number;
  private readonly leaseMs: number;

  private readonly reading = new Map<string, Promise<ModelSession | undefined>>();

  constructor(
    private readonly repository: SessionRepository,
    private readonly backends: Backends,
    private readonly cache: SessionCache,
    private readonly options: SessionServiceOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.leaseMs = options.openTimeoutMs + LEASE_MARGIN_MS;
  }

  /** The container's copy, if it is fresh: no I/O. */
  cached(keyId: string, targetId: string): ModelSession | undefined {
    return this.cache.get(keyId, targetId);
  }

  /** The key's active session for a target: from the cache, else one read. */
  async current(
    keyId: string,
    targetId: string,
    options: { consistent?: boolean; bypassCache?: boolean } = {},
  ): Promise<ModelSession | undefined> {
    if (!options.bypassCache) {
      const hit = this.cache.peek(keyId, targetId);
      if (hit) {
        // Past its TTL: served this once more while one read refreshes it, off this request's path.
        if (!hit.fresh) void this.read(keyId, targetId, false).catch(() => undefined);
        return hit.session;
      }
    }
    return this.read(keyId, targetId, options.consistent ?? false);
  }

  /** One read per key, model and consistency at a time: concurrent callers share it. */
  private read(keyId: string, targetId: string, consistent: boolean): Promise<ModelSession | undefined> {
    const key = `${keyId}|${targetId}|${consistent}`;
    let reading = this.reading.get(key);
    if (!reading) {
      reading = this.repository
        .read(keyId, targetId, consistent, this.now())
        .then((record) => {
          if (record.state !== 'active') {
            this.cache.delete(keyId, targetId);
            return undefined;
          }
          this.cache.set(record.session);
          return record.session;
        })
        .finally(() => this.reading.delete(key));
      this.reading.set(key, reading);
    }
    return reading;
  }

  /** The key's active sessions, the most recently used first (one consistent read). */
  async list(keyId: string): Promise<ModelSession[]> {
    const items = await this.repository.list(keyId, this.now());
    return items
      .flatMap(({ record }) => (record.state === 'active' ? [record.session] : []))
      .sort(byMostRecentUse);
  }

  /** One of the key's active sessions by its id. */
  async find(keyId: string, sessionId: string): Promise<ModelSession | undefined> {
    return (await this.list(keyId)).find((s) => s.sessionId === sessionId);
  }

  /**
   * Records that a request used the session, at most once per TOUCH_INTERVAL_MS per
   * container, so a warm request usually writes nothing. Call it once the response is
   * complete: it is what keeps a session in use from being closed as idle.
   */
  async recordUse(session: ModelSession): Promise<void> {
    const now = this.now();
    if (now - session.lastUsedAt < TOUCH_INTERVAL_MS) return;
    // Noted first, so the container's next requests do not write again.
    this.cache.used(session, now);
    await this.repository.touch(session, now);
  }

  /**
   * `obtain`, deduplicated within the container: concurrent requests of one key for one
   * target share a single attempt (the table lease does the same across containers).
   */
  obtainShared(request: ObtainRequest, ctx: SessionCallContext): Promise<Obtained | undefined> {
    const key = `${request.identity.keyId}|${request.target.id}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.obtain(request, ctx).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  async obtain(request: ObtainRequest, ctx: SessionCallContext): Promise<Obtained | undefined> {
    const { keyId, userId } = request.identity;
    const targetId = request.target.id;
    const backend = backendFor(this.backends, request.target.backend);
    const giveUpAt = this.now() + this.leaseMs + LEASE_MARGIN_MS;
    let delay = 10;
    for (;;) {
      const record = await this.repository.read(keyId, targetId, true, this.now());
      if (record.state === 'active' && !request.mustReplace(record.session)) {
        this.cache.set(record.session);
        return { session: record.session, opened: false };
      }
      if (record.state === 'opening' && record.leaseUntil > this.now()) {
        if (this.now() > giveUpAt) throw new SessionBusyError();
        await sleep(delay);
        delay = Math.min(delay * 2, 200);
        continue;
      }
      const previous = record.state === 'active' ? record.session : undefined;
      const spec = await request.openSpec(previous);
      if (!spec) return undefined;
      const expected = record.state === 'none' ? undefined : record.version;
      const token = randomUUID();
      const leaseUntil = this.now() + this.leaseMs;
      if (!(await this.repository.claim(keyId, targetId, userId, expected, token, leaseUntil))) continue;
      const leaseVersion = (expected ?? 0) + 1;

      const started = this.now();
      const deadline = new Deadline(this.options.openTimeoutMs);
      let upstreamId: string;
      try {
        upstreamId = await backend.openSession(request.target, spec.durationSeconds, deadline.signal);
      } catch (err) {
        // Should even the release fail, the lease runs out by itself; the caller hears of
        // the upstream failure, which is what went wrong first.
        await this.repository
          .release(keyId, targetId, token, leaseVersion, previous)
          .catch((e: unknown) => ctx.log.error('model session lease release failed', { error: e as Error }));
        throw sessionOpenError(err, { timedOut: deadline.timedOut, backend, target: request.target, ctx });
      } finally {
        deadline.disarm();
      }
      const session: ModelSession = {
        sessionId: upstreamId,
        keyId,
        userId,
        targetId,
        backend: request.target.backend,
        requestedModel: request.requestedModel,
        origin: spec.origin,
        durationSeconds: spec.durationSeconds,
        createdAt: new Date(started).toISOString(),
        // From when the open began: the upstream's clock starts no earlier than that.
        expiresAt: Math.floor(started / 1000) + spec.durationSeconds,
        // Opened for a request that is using it now; never used after is the same as used at creation.
        lastUsedAt: started,
      };
      if (!(await this.repository.activate(session, token, leaseVersion))) {
        // Our lease ran out and someone else took over; theirs wins, ours is surplus.
        await this.closeQuietly(session, ctx, 'lease_lost');
        continue;
      }
      ctx.metrics.sessionOpened(session.backend, session.origin, spec.reason, this.now() - started);
      ctx.log.info('model session opened', {
        sessionId: session.sessionId,
        targetId: session.targetId,
        backend: session.backend,
        origin: session.origin,
        reason: spec.reason,
      });
      this.cache.set(session);
      if (previous && request.closeReplaced) await this.closeQuietly(previous, ctx, 'replaced');
      return { session, opened: true };
    }
  }

  /** Opens a session on request; the key's previous session for the same target is closed. */
  async openExplicit(
    identity: Identity,
    target: ModelTarget,
    requestedModel: string,
    durationSeconds: number,
    ctx: SessionCallContext,
  ): Promise<ModelSession> {
    const obtained = await this.obtain(
      {
        identity,
        target,
        requestedModel,
        mustReplace: () => true,
        openSpec: async () => ({ durationSeconds, origin: 'manual', reason: 'manual' }),
        closeReplaced: true,
      },
      ctx,
    );
    return (obtained as Obtained).session;
  }

  /**
   * Replaces a session the upstream no longer knows, with the same target, duration and
   * origin. Undefined when the key no longer has that session (closed or expired): the
   * caller then treats the key as having none.
   */
  async renew(
    identity: Identity,
    dead: ModelSession,
    target: ModelTarget,
    ctx: SessionCallContext,
  ): Promise<ModelSession | undefined> {
    this.cache.delete(identity.keyId, target.id);
    const obtained = await this.obtain(
      {
        identity,
        target,
        requestedModel: dead.requestedModel,
        mustReplace: (s) => s.sessionId === dead.sessionId,
        openSpec: async (previous) =>
          previous
            ? { durationSeconds: previous.durationSeconds, origin: previous.origin, reason: 'renewal' }
            : undefined,
        closeReplaced: false,
      },
      ctx,
    );
    return obtained?.session;
  }

  /**
   * Closes the key's sessions the selector names (all of them by default): gone from the
   * table first, then closed upstream. 404 when none matches.
   */
  async close(
    identity: Identity,
    selector: CloseSelector,
    ctx: SessionCallContext,
  ): Promise<ClosedSession[]> {
    const { keyId } = identity;
    const giveUpAt = this.now() + this.leaseMs + LEASE_MARGIN_MS;
    for (;;) {
      const now = this.now();
      const matching = (await this.repository.list(keyId, now)).filter(
        ({ targetId, record }) =>
          (selector.targetId === undefined || targetId === selector.targetId) &&
          (selector.sessionId === undefined ||
            ((record.state === 'active' || record.state === 'expired') &&
              record.session.sessionId === selector.sessionId)),
      );
      if (matching.some(({ record }) => record.state === 'opening' && record.leaseUntil > now)) {
        if (now > giveUpAt) throw new SessionBusyError();
        await sleep(50);
        continue;
      }
      const removed: ModelSession[] = [];
      let raced = false;
      for (const { targetId, record } of matching) {
        this.cache.delete(keyId, targetId);
        if (record.state === 'none') continue;
        // A dead lease or an expired session goes from the table; neither is open upstream to close.
        const gone = await this.repository.remove(keyId, targetId, record.version);
        if (record.state !== 'active') continue;
        if (gone) removed.push(record.session);
        else raced = true;
      }
      // Changed under us (opened, renewed, closed elsewhere): look again.
      if (raced && removed.length === 0) continue;
      if (removed.length === 0) throw noActiveSession();
      const closed = await Promise.all(
        removed.map(async (session) => ({
          session,
          upstreamClosed: await this.closeQuietly(session, ctx, 'request'),
        })),
      );
      return closed.sort((a, b) => byMostRecentUse(a.session, b.session));
    }
  }

  /**
   * The sweeper's close: the key's session for a target, if it is still due (unused for
   * `idleMs`, or expired) by what the table says now. A session used since the index was
   * read is left alone, and a request that raced the close opens a new one.
   */
  async closeDue(
    keyId: string,
    targetId: string,
    idleMs: number,
    ctx: SessionCallContext,
  ): Promise<'idle' | 'expired' | 'skipped'> {
    const now = this.now();
    const record = await this.repository.read(keyId, targetId, true, now);
    if (record.state === 'none' || record.state === 'opening') return 'skipped';
    const reason = record.state === 'expired' ? 'expired' : 'idle';
    if (reason === 'idle' && sessionDueAt(record.session, idleMs) > now) return 'skipped';
    if (!(await this.repository.remove(keyId, targetId, record.version))) return 'skipped';
    this.cache.delete(keyId, targetId);
    await this.closeQuietly(record.session, ctx, reason);
    return reason;
  }

  /** Closes upstream; a failure is logged and counted, never thrown (the table no longer points at it). */
  private async closeQuietly(
    session: ModelSession,
    ctx: SessionCallContext,
    why: SessionCloseReason,
  ): Promise<boolean> {
    ctx.metrics.sessionClosed(why);
    const backend = this.backends[session.backend];
    if (!backend) return false;
    const deadline = new Deadline(this.options.closeTimeoutMs);
    try {
      await backend.closeSession(session.sessionId, deadline.signal);
      ctx.log.info('model session closed', { sessionId: session.sessionId, why });
      return true;
    } catch (err) {
      const failure = classifyUpstreamError(err, {
        timedOut: deadline.timedOut,
        isSessionGone: (e) => backend.isSessionGone(e),
      });
      // Already gone upstream is as good as closed.
      if (failure.kind === 'session_gone') return true;
      ctx.metrics.upstreamError(failure.kind);
      ctx.log.warn('model session close failed', { sessionId: session.sessionId, why, kind: failure.kind });
      return false;
    } finally {
      deadline.disarm();
    }
  }
}
