import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { startMorpheusStub, type MorpheusStub } from '../../../infra/local/stubs/morpheus-stub';
import { startOpenAiStub, type OpenAiStub } from '../../../infra/local/stubs/openai-stub';
import { AppError } from '../../../shared/errors';
import type { Backends } from '../../../shared/gateway/backends/backends';
import type { RequestMetrics } from '../../../shared/gateway/metrics';
import { parseModelConfig, type ModelTarget } from '../../../shared/gateway/model-config';
import { SessionCache } from '../../../shared/gateway/sessions/session-cache';
import { SessionRepository, type ModelSession } from '../../../shared/gateway/sessions/session-repository';
import { SESSION_SHARDS, SessionDueIndex } from '../../../shared/gateway/sessions/session-due-index';
import {
  SessionService,
  TOUCH_INTERVAL_MS,
  type ObtainRequest,
} from '../../../shared/gateway/sessions/session-service';
import { SessionSweeper } from '../../../shared/gateway/sessions/session-sweeper';
import { Logger } from '../../../shared/logger';
import { testRepositoryDeps } from '../../support/identity';
import { newIdentity, quietContext, stubBackends } from './support';

const LLAMA = `0x${'1a'.repeat(32)}`;
const QWEN = `0x${'2b'.repeat(32)}`;
const config = parseModelConfig(
  { default: 'm/llama' },
  {
    'm/llama': { backend: 'morpheus', model: 'llama', blockchainId: LLAMA },
    'm/qwen': { backend: 'morpheus', model: 'qwen', blockchainId: QWEN },
    'd/gpt': { backend: 'direct', model: 'gpt-4o' },
  },
);
const target = (id: string) => config.targets.get(id) as ModelTarget;
const IDLE_MS = 900_000;

/** The EMF lines a request's metrics write when flushed. */
function emfOf(metrics: RequestMetrics): Array<Record<string, unknown>> {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    metrics.flush();
  } finally {
    spy.mockRestore();
  }
  return lines
    .flatMap((l) => l.split('\n'))
    .filter((l) => l.includes('"_aws"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('model sessions (DynamoDB Local + stub proxy-router)', () => {
  const deps = testRepositoryDeps();
  const repository = new SessionRepository(deps, IDLE_MS);
  let morpheus: MorpheusStub;
  let openai: OpenAiStub;
  let backends: Backends;

  /** A service as one Lambda container has it: its own cache and in-flight map. */
  const container = (openTimeoutMs = 5_000) =>
    new SessionService(repository, backends, new SessionCache(10_000), {
      openTimeoutMs,
      closeTimeoutMs: 2_000,
    });

  const automatic = (identity: ReturnType<typeof newIdentity>, targetId: string): ObtainRequest => ({
    identity,
    target: target(targetId),
    requestedModel: targetId,
    mustReplace: () => false,
    openSpec: async () => ({ durationSeconds: 600, origin: 'automated', reason: 'automation' }),
    closeReplaced: false,
  });

  beforeAll(async () => {
    [morpheus, openai] = await Promise.all([startMorpheusStub(), startOpenAiStub()]);
    backends = stubBackends(openai, morpheus);
  });
  afterAll(async () => {
    await Promise.all([morpheus.close(), openai.close()]);
    deps.client.destroy();
  });
  afterEach(() => morpheus.faults.clear());

  it('serves a stale copy while one read refreshes it, and shares one read among concurrent callers', async () => {
    let now = Date.now();
    const own = new SessionRepository(deps, IDLE_MS);
    const service = new SessionService(own, backends, new SessionCache(10_000, () => now), {
      openTimeoutMs: 5_000,
      closeTimeoutMs: 2_000,
      now: () => now,
    });
    const identity = newIdentity();
    const opened = await service.openExplicit(identity, target('m/llama'), 'llama', 3_600, quietContext());
    const reads = jest.spyOn(own, 'read');
    const thirty = () =>
      Promise.all(Array.from({ length: 30 }, () => service.current(identity.keyId, 'm/llama')));
    expect((await thirty()).every((s) => s?.sessionId === opened.sessionId)).toBe(true);
    expect(reads).toHaveBeenCalledTimes(0);
    // Past the TTL: every caller gets the copy at once, and one read refreshes it.
    now += 10_000;
    expect((await thirty()).every((s) => s?.sessionId === opened.sessionId)).toBe(true);
    expect(reads).toHaveBeenCalledTimes(1);
    // The refresh, and what it does with its answer, is over.
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Past both TTLs: the callers wait for one shared read.
    now += 25_000;
    expect((await thirty()).every((s) => s?.sessionId === opened.sessionId)).toBe(true);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('20 containers racing for a key’s first session open exactly one upstream session', async () => {
    const identity = newIdentity();
    const opensBefore = morpheus.opens;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => container().obtain(automatic(identity, 'm/llama'), quietContext())),
    );
    expect(morpheus.opens - opensBefore).toBe(1);
    const ids = new Set(results.map((r) => r?.session.sessionId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r?.opened)).toHaveLength(1);
    const record = await repository.read(identity.keyId, 'm/llama', true);
    expect(record).toMatchObject({
      state: 'active',
      session: { sessionId: [...ids][0], origin: 'automated' },
    });
  });

  it('shares one attempt between concurrent requests inside a container', async () => {
    const identity = newIdentity();
    const service = container();
    const opensBefore = morpheus.opens;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => service.obtainShared(automatic(identity, 'm/llama'), quietContext())),
    );
    expect(morpheus.opens - opensBefore).toBe(1);
    expect(new Set(results.map((r) => r?.session.sessionId)).size).toBe(1);
    expect(service.cached(identity.keyId, 'm/llama')?.sessionId).toBe(results[0]?.session.sessionId);
  });

  it('a different target gets a session of its own; the first stays open and in use', async () => {
    const identity = newIdentity();
    const service = container();
    const first = (await service.obtain(automatic(identity, 'm/llama'), quietContext()))!.session;
    const second = (await service.obtain(automatic(identity, 'm/qwen'), quietContext()))!;
    expect(second.opened).toBe(true);
    expect(second.session).toMatchObject({ targetId: 'm/qwen', durationSeconds: 600 });
    expect(morpheus.sessions.get(first.sessionId)?.state).toBe('open');
    expect(morpheus.sessions.get(second.session.sessionId)?.modelId).toBe(QWEN);
    // Back to the first model: its session, nothing opened.
    const again = (await container().obtain(automatic(identity, 'm/llama'), quietContext()))!;
    expect(again).toEqual({ session: first, opened: false });
    expect((await service.list(identity.keyId)).map((s) => s.targetId).sort()).toEqual(['m/llama', 'm/qwen']);
  });

  it('reads an expired session as expired (TTL deletion lags) and opens a new one', async () => {
    const identity = newIdentity();
    const stale: ModelSession = {
      sessionId: `0x${'9'.repeat(64)}`,
      keyId: identity.keyId,
      userId: identity.userId,
      targetId: 'm/llama',
      backend: 'morpheus',
      requestedModel: 'gpt-4',
      origin: 'automated',
      durationSeconds: 60,
      createdAt: new Date(Date.now() - 120_000).toISOString(),
      expiresAt: Math.floor(Date.now() / 1000) - 60,
      lastUsedAt: Date.now() - 120_000,
    };
    await deps.client.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: {
          PK: `APIKEY#${identity.keyId}`,
          SK: 'SESSION#m/llama',
          state: 'active',
          version: 3,
          ...stale,
        },
      }),
    );
    const service = container();
    expect(await repository.read(identity.keyId, 'm/llama', true)).toMatchObject({ state: 'expired' });
    expect(await service.current(identity.keyId, 'm/llama')).toBeUndefined();
    expect(await service.list(identity.keyId)).toEqual([]);
    const fresh = (await service.obtain(automatic(identity, 'm/llama'), quietContext()))!;
    expect(fresh.opened).toBe(true);
    expect(fresh.session.sessionId).not.toBe(stale.sessionId);
    expect(fresh.session.expiresAt).toBeGreaterThan(Date.now() / 1000 + 500);
  });

  it('waits for a lease another container holds, then uses its session', async () => {
    const identity = newIdentity();
    expect(
      await repository.claim(
        identity.keyId,
        'm/llama',
        identity.userId,
        undefined,
        'their-lease',
        Date.now() + 30_000,
      ),
    ).toBe(true);
    const opensBefore = morpheus.opens;
    const waiting = container().obtain(automatic(identity, 'm/llama'), quietContext());
    const theirs: ModelSession = {
      sessionId: `0x${'7'.repeat(64)}`,
      keyId: identity.keyId,
      userId: identity.userId,
      targetId: 'm/llama',
      backend: 'morpheus',
      requestedModel: 'gpt-4',
      origin: 'automated',
      durationSeconds: 600,
      createdAt: new Date().toISOString(),
      expiresAt: Math.floor(Date.now() / 1000) + 600,
      lastUsedAt: Date.now(),
    };
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await repository.activate(theirs, 'their-lease', 1)).toBe(true);
    const result = await waiting;
    expect(result).toEqual({ session: theirs, opened: false });
    expect(morpheus.opens).toBe(opensBefore);
  });

  it('takes over a lease whose holder died', async () => {
    const identity = newIdentity();
    await repository.claim(
      identity.keyId,
      'm/llama',
      identity.userId,
      undefined,
      'dead-lease',
      Date.now() - 1,
    );
    const result = await container().obtain(automatic(identity, 'm/llama'), quietContext());
    expect(result?.opened).toBe(true);
    expect(await repository.read(identity.keyId, 'm/llama', true)).toMatchObject({ state: 'active' });
  });

  it('a failed open gives the lease back and keeps the session it was replacing', async () => {
    const identity = newIdentity();
    const service = container();
    const first = (await service.obtain(automatic(identity, 'm/llama'), quietContext()))!.session;
    morpheus.faults.enqueue({ kind: 'status', status: 500, path: '/blockchain/models/*/session' });
    const replace = () => service.openExplicit(identity, target('m/llama'), 'gpt-4', 600, quietContext());
    await expect(replace()).rejects.toMatchObject({ statusCode: 502, code: 'upstream_error', expose: true });
    expect(await repository.read(identity.keyId, 'm/llama', true)).toMatchObject({
      state: 'active',
      session: { sessionId: first.sessionId },
    });
    expect(morpheus.sessions.get(first.sessionId)?.state).toBe('open');
    // And the next attempt goes through at once.
    expect((await replace()).origin).toBe('manual');
    expect(morpheus.sessions.get(first.sessionId)?.state).toBe('closed');
  });

  it('a timed-out open is reported as a timeout and leaves no lease behind', async () => {
    const identity = newIdentity();
    morpheus.faults.enqueue({ kind: 'delay', ms: 2_000, path: '/blockchain/models/*/session' });
    await expect(container(300).obtain(automatic(identity, 'm/llama'), quietContext())).rejects.toMatchObject(
      {
        statusCode: 504,
        code: 'upstream_timeout',
      },
    );
    expect(await repository.read(identity.keyId, 'm/llama', true)).toEqual({ state: 'none' });
  });

  it('every failed open is an exposable client error, counted by backend and error type', async () => {
    const identity = newIdentity();
    const service = container();
    for (const [fault, code, kind] of [
      [{ kind: 'status', status: 503 }, 'upstream_error', 'server_error'],
      [{ kind: 'malformed-json' }, 'upstream_invalid_response', 'malformed_response'],
      [
        { kind: 'status', status: 200, body: { sessionID: 42 } },
        'upstream_invalid_response',
        'malformed_response',
      ],
      [{ kind: 'reset' }, 'upstream_unreachable', 'connection'],
    ] as const) {
      morpheus.faults.enqueue({ ...fault, path: '/blockchain/models/*/session' });
      const ctx = quietContext();
      const err: unknown = await service.obtain(automatic(identity, 'm/llama'), ctx).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ statusCode: 502, code, expose: true });
      expect(emfOf(ctx.metrics).filter((l) => 'SessionCreationFailures' in l)).toEqual([
        expect.objectContaining({ Backend: 'morpheus', ErrorType: kind, SessionCreationFailures: 1 }),
      ]);
      expect(await repository.read(identity.keyId, 'm/llama', true)).toEqual({ state: 'none' });
    }
  });

  it('a release that fails too still tells the caller what the upstream did', async () => {
    const identity = newIdentity();
    // The table refuses the release (and only that); the open itself fails upstream.
    const client = Object.create(deps.client) as typeof deps.client;
    client.send = ((command: { input: { ConditionExpression?: string } }) =>
      command instanceof DeleteCommand && command.input.ConditionExpression === 'leaseToken = :t'
        ? Promise.reject(new Error('table unreachable'))
        : deps.client.send(command as never)) as typeof deps.client.send;
    const service = new SessionService(
      new SessionRepository({ client, tableName: deps.tableName }, IDLE_MS),
      backends,
      new SessionCache(10_000),
      { openTimeoutMs: 5_000, closeTimeoutMs: 2_000 },
    );
    const logged: string[] = [];
    const ctx = { ...quietContext(), log: new Logger({}, 'warn', (line) => logged.push(line)) };
    morpheus.faults.enqueue({ kind: 'status', status: 500, path: '/blockchain/models/*/session' });
    await expect(service.obtain(automatic(identity, 'm/llama'), ctx)).rejects.toMatchObject({
      statusCode: 502,
      code: 'upstream_error',
    });
    expect(logged.map((l) => JSON.parse(l).message)).toEqual([
      'model session lease release failed',
      'model session open failed',
    ]);
    // The lease is left to run out on its own.
    expect(await repository.read(identity.keyId, 'm/llama', true)).toMatchObject({ state: 'opening' });
  });

  it('does not open when openSpec declines, and lets openSpec refuse with its own error', async () => {
    const identity = newIdentity();
    const service = container();
    const declined = await service.obtain(
      { ...automatic(identity, 'm/llama'), openSpec: async () => undefined },
      quietContext(),
    );
    expect(declined).toBeUndefined();
    await expect(
      service.obtain(
        {
          ...automatic(identity, 'm/llama'),
          openSpec: async () => {
            throw new Error('automation is off');
          },
        },
        quietContext(),
      ),
    ).rejects.toThrow('automation is off');
    expect(await repository.read(identity.keyId, 'm/llama', true)).toEqual({ state: 'none' });
  });

  it('an explicit open replaces the session for its target only, and is a manual session', async () => {
    const identity = newIdentity();
    const service = container();
    const auto = (await service.obtain(automatic(identity, 'm/llama'), quietContext()))!.session;
    const manual = await service.openExplicit(
      identity,
      target('m/llama'),
      'gpt-3.5-turbo',
      120,
      quietContext(),
    );
    expect(manual).toMatchObject({ origin: 'manual', durationSeconds: 120, requestedModel: 'gpt-3.5-turbo' });
    expect(manual.sessionId).not.toBe(auto.sessionId);
    expect(morpheus.sessions.get(auto.sessionId)?.state).toBe('closed');
    const other = (await service.obtain(automatic(identity, 'm/qwen'), quietContext()))!.session;
    await service.openExplicit(identity, target('m/llama'), 'gpt-4', 120, quietContext());
    expect(morpheus.sessions.get(other.sessionId)?.state).toBe('open');
  });

  it('renews a dead session with the same target, duration and origin', async () => {
    const identity = newIdentity();
    const service = container();
    const manual = await service.openExplicit(identity, target('m/llama'), 'gpt-4', 900, quietContext());
    morpheus.expireSession(manual.sessionId);
    const renewed = await service.renew(identity, manual, target('m/llama'), quietContext());
    expect(renewed).toMatchObject({ origin: 'manual', durationSeconds: 900, targetId: 'm/llama' });
    expect(renewed?.sessionId).not.toBe(manual.sessionId);
    // A second container renewing the same dead session finds the new one instead of opening again.
    const opensBefore = morpheus.opens;
    expect((await container().renew(identity, manual, target('m/llama'), quietContext()))?.sessionId).toBe(
      renewed?.sessionId,
    );
    expect(morpheus.opens).toBe(opensBefore);
  });

  it('does not renew a session the key no longer has', async () => {
    const identity = newIdentity();
    const service = container();
    const session = await service.openExplicit(identity, target('m/llama'), 'gpt-4', 900, quietContext());
    await service.close(identity, {}, quietContext());
    expect(await service.renew(identity, session, target('m/llama'), quietContext())).toBeUndefined();
  });

  it('closes: gone from the table, closed upstream, then 404', async () => {
    const identity = newIdentity();
    const service = container();
    const session = await service.openExplicit(identity, target('m/llama'), 'gpt-4', 900, quietContext());
    const closed = await service.close(identity, {}, quietContext());
    expect(closed).toEqual([{ session, upstreamClosed: true }]);
    expect(morpheus.sessions.get(session.sessionId)?.state).toBe('closed');
    expect(service.cached(identity.keyId, 'm/llama')).toBeUndefined();
    await expect(service.close(identity, {}, quietContext())).rejects.toMatchObject({
      statusCode: 404,
      code: 'session_not_found',
    });
  });

  it('reports an upstream close failure without failing the close', async () => {
    const identity = newIdentity();
    const service = container();
    await service.openExplicit(identity, target('m/llama'), 'gpt-4', 900, quietContext());
    morpheus.faults.enqueue({ kind: 'status', status: 502, path: '/blockchain/sessions/*/close' });
    const ctx = quietContext();
    expect((await service.close(identity, {}, ctx))[0]?.upstreamClosed).toBe(false);
    expect(await repository.read(identity.keyId, 'm/llama', true)).toEqual({ state: 'none' });
  });

  it('direct sessions are logical: nothing is opened or closed upstream', async () => {
    const identity = newIdentity();
    const service = container();
    const requestsBefore = openai.requests.length;
    const session = await service.openExplicit(identity, target('d/gpt'), 'gpt-4o', 300, quietContext());
    expect(session.sessionId).toMatch(/^sess_[0-9a-f]{32}$/);
    expect((await service.close(identity, {}, quietContext()))[0]?.upstreamClosed).toBe(true);
    expect(openai.requests.length).toBe(requestsBefore);
  });

  it('lists the key’s sessions most recently used first, and closes one model’s, one by id, or all', async () => {
    let now = Date.now();
    const service = new SessionService(repository, backends, new SessionCache(10_000, () => now), {
      openTimeoutMs: 5_000,
      closeTimeoutMs: 2_000,
      now: () => now,
    });
    const identity = newIdentity();
    const llama = (await service.obtain(automatic(identity, 'm/llama'), quietContext()))!.session;
    now += 1_000;
    const qwen = (await service.obtain(automatic(identity, 'm/qwen'), quietContext()))!.session;
    now += 1_000;
    const gpt = (await service.obtain(automatic(identity, 'd/gpt'), quietContext()))!.session;
    expect((await service.list(identity.keyId)).map((s) => s.targetId)).toEqual([
      'd/gpt',
      'm/qwen',
      'm/llama',
    ]);
    now += TOUCH_INTERVAL_MS;
    await service.recordUse(llama);
    expect((await service.list(identity.keyId)).map((s) => s.targetId)).toEqual([
      'm/llama',
      'd/gpt',
      'm/qwen',
    ]);

    const byModel = await service.close(identity, { targetId: 'm/qwen' }, quietContext());
    expect(byModel.map((c) => c.session.sessionId)).toEqual([qwen.sessionId]);
    expect(morpheus.sessions.get(qwen.sessionId)?.state).toBe('closed');
    expect(morpheus.sessions.get(llama.sessionId)?.state).toBe('open');
    await expect(service.close(identity, { targetId: 'm/qwen' }, quietContext())).rejects.toMatchObject({
      statusCode: 404,
    });
    await expect(service.close(identity, { sessionId: 'sess_nobody' }, quietContext())).rejects.toMatchObject(
      {
        statusCode: 404,
      },
    );
    const byId = await service.close(identity, { sessionId: gpt.sessionId }, quietContext());
    expect(byId.map((c) => c.session.targetId)).toEqual(['d/gpt']);
    const rest = await service.close(identity, {}, quietContext());
    expect(rest.map((c) => [c.session.sessionId, c.upstreamClosed])).toEqual([[llama.sessionId, true]]);
    expect(await service.list(identity.keyId)).toEqual([]);
  });

  it('records a use at most once a minute per container, and never on a session that was replaced', async () => {
    let now = Date.now();
    const counting = Object.create(deps.client) as typeof deps.client;
    let updates = 0;
    counting.send = ((command: object) => {
      if (command instanceof UpdateCommand) updates++;
      return deps.client.send(command as never);
    }) as typeof deps.client.send;
    const service = new SessionService(
      new SessionRepository({ client: counting, tableName: deps.tableName }, IDLE_MS),
      backends,
      new SessionCache(3_600_000, () => now),
      { openTimeoutMs: 5_000, closeTimeoutMs: 2_000, now: () => now },
    );
    const identity = newIdentity();
    const session = (await service.obtain(automatic(identity, 'm/llama'), quietContext()))!.session;
    for (let i = 0; i < 5; i++) await service.recordUse(service.cached(identity.keyId, 'm/llama')!);
    expect(updates).toBe(0);
    now += TOUCH_INTERVAL_MS;
    for (let i = 0; i < 5; i++) await service.recordUse(service.cached(identity.keyId, 'm/llama')!);
    expect(updates).toBe(1);
    expect(await repository.read(identity.keyId, 'm/llama', true, now)).toMatchObject({
      state: 'active',
      session: { lastUsedAt: now },
    });
    // Replaced meanwhile: the old session's use changes nothing.
    const replaced = await service.openExplicit(identity, target('m/llama'), 'gpt-4', 600, quietContext());
    now += TOUCH_INTERVAL_MS;
    expect(await repository.touch(session, now)).toBe(false);
    expect(await repository.read(identity.keyId, 'm/llama', true, now)).toMatchObject({
      session: { sessionId: replaced.sessionId, lastUsedAt: replaced.lastUsedAt },
    });
  });

  it('the sweeper closes idle and expired sessions, upstream too, and leaves sessions in use alone', async () => {
    const identity = newIdentity();
    const base = Date.now();
    let now = base;
    const service = new SessionService(repository, backends, new SessionCache(10_000, () => now), {
      openTimeoutMs: 5_000,
      closeTimeoutMs: 2_000,
      now: () => now,
    });
    const hour = (id: string) => service.openExplicit(identity, target(id), id, 3_600, quietContext());
    const idle = await hour('m/llama');
    const used = await hour('m/qwen');
    const short = await service.openExplicit(identity, target('d/gpt'), 'gpt-4o', 60, quietContext());
    // The index is shared with every other test file's sessions: this sweep sees only this key's.
    const real = new SessionDueIndex(deps);
    const index = {
      due: async (shard: number, at: number, limit: number) =>
        (await real.due(shard, at, limit)).filter((d) => d.keyId === identity.keyId),
    };
    const sweeper = new SessionSweeper({
      index,
      sessions: service,
      log: quietContext().log,
      metrics: () => quietContext().metrics,
      idleMs: IDLE_MS,
      now: () => now,
    });
    const empty = { due: 0, closedIdle: 0, closedExpired: 0, skipped: 0, failed: 0 };
    expect(await sweeper.sweep()).toEqual({ queries: SESSION_SHARDS, ...empty });

    // 61 s on, the 60 s session has expired; the others are a minute from their last use.
    now = base + 61_000;
    expect(await sweeper.sweep()).toMatchObject({ due: 1, closedExpired: 1, closedIdle: 0 });
    expect((await service.list(identity.keyId)).map((s) => s.targetId).sort()).toEqual(['m/llama', 'm/qwen']);
    expect(short.backend).toBe('direct');

    // qwen is used 10 minutes in; at 15 minutes llama has been idle for 15, qwen for 5.
    now = base + 600_000;
    await service.recordUse(used);
    now = base + IDLE_MS + 1;
    expect(await sweeper.sweep()).toMatchObject({ due: 1, closedIdle: 1, closedExpired: 0, failed: 0 });
    expect(morpheus.sessions.get(idle.sessionId)?.state).toBe('closed');
    expect(morpheus.sessions.get(used.sessionId)?.state).toBe('open');
    expect((await service.list(identity.keyId)).map((s) => s.sessionId)).toEqual([used.sessionId]);
    expect(service.cached(identity.keyId, 'm/llama')).toBeUndefined();
  });

  it('a session used after the index was read is skipped, not closed', async () => {
    const identity = newIdentity();
    const base = Date.now();
    let now = base;
    const service = new SessionService(repository, backends, new SessionCache(0), {
      openTimeoutMs: 5_000,
      closeTimeoutMs: 2_000,
      now: () => now,
    });
    const session = await service.openExplicit(identity, target('m/llama'), 'gpt-4', 3_600, quietContext());
    now = base + IDLE_MS + 1;
    const due = (
      await Promise.all(
        Array.from({ length: SESSION_SHARDS }, (_, shard) =>
          new SessionDueIndex(deps).due(shard, now, 1_000),
        ),
      )
    )
      .flat()
      .filter((d) => d.keyId === identity.keyId);
    expect(due).toEqual([{ keyId: identity.keyId, targetId: 'm/llama' }]);
    // A request uses it between the sweep's query and its close.
    await service.recordUse(session);
    expect(await service.closeDue(identity.keyId, 'm/llama', IDLE_MS, quietContext())).toBe('skipped');
    expect(morpheus.sessions.get(session.sessionId)?.state).toBe('open');
  });
});
