import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { ensureTable } from '../../../infra/local/dynamodb-local';
import { LocalKms } from '../../../infra/local/local-kms';
import { createDocumentClient } from '../../../shared/clients/dynamodb';
import { CredentialRepository } from '../../../shared/credentials/credential-repository';
import { systemClock } from '../../../shared/engine/clock';
import { Logger } from '../../../shared/logger';
import type { PlanStep } from '../../../shared/plans/plan-schema';
import type { ProviderDefinition } from '../../../shared/providers/types';
import { LEASE_SHARDS } from '../../../shared/runs/run-lease';
import { RunLeaseIndex } from '../../../shared/runs/run-lease-index';
import { RunRepository } from '../../../shared/runs/run-repository';
import { RunSeal } from '../../../shared/runs/run-seal';
import { RunService, type RunHandoffPayload } from '../../../shared/runs/run-service';
import { RUN_ABANDONED, RunSweeper } from '../../../shared/runs/run-sweeper';
import { runView } from '../../../shared/runs/run-views';
import { MAY_HAVE_RUN } from '../../../shared/runs/sweep-decision';
import type { RunRecord } from '../../../shared/runs/run-types';
import { newSortableId } from '../../../shared/runs/sortable-id';

/*
 * The sweeper against DynamoDB Local, on a table of its own: a sweep covers every run in a
 * table, and other test files leave runs in the shared one.
 */
const tableName = `flowgate-sweep-${randomBytes(4).toString('hex')}`;
const client = createDocumentClient();
const deps = { client, tableName };
const LEASE_MS = 1000;

const calls: string[] = [];
const step = (id: string, action: 'say' | 'post', text = id): PlanStep =>
  ({ id, provider: 'echo', action, params: { text }, retry: { max_attempts: 1, backoff_ms: 0 } }) as PlanStep;
const echo: ProviderDefinition = {
  name: 'echo',
  title: 'Echo',
  credentialType: 'none',
  category: 'utility',
  description: 'A provider for this test.',
  verification: 'local',
  actions: {
    say: {
      description: 'a read: safe to repeat',
      params: z.object({ text: z.string() }),
      idempotent: true,
      execute: async (p: { text: string }) => {
        calls.push(p.text);
        return { success: true, output: { text: p.text }, message: 'said' };
      },
    },
    post: {
      description: 'a write: not safe to repeat',
      params: z.object({ text: z.string() }),
      execute: async (p: { text: string }) => {
        calls.push(p.text);
        return { success: true, output: { text: p.text }, message: 'posted' };
      },
    },
  },
};
const catalog = { find: async (name: string) => (name === 'echo' ? echo : undefined) };
const limits = { defaultTimeoutMs: 1000, outputMaxBytes: 1000, resultsMaxBytes: 100_000 };
const wide = () => ({ startBy: Date.now() + 60_000, finishBy: Date.now() + 60_000 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function world(options: { maxRecoveries?: number } = {}) {
  const repo = new RunRepository(deps, 30);
  const payloads: RunHandoffPayload[] = [];
  const service = new RunService({
    runs: repo,
    catalog,
    credentials: new CredentialRepository(deps),
    keyManagement: () => LocalKms.inMemory(),
    http: () => ({ request: async () => ({ status: 200, headers: {}, body: '' }) }),
    invoker: () => ({ invoke: async (payload) => void payloads.push(payload as RunHandoffPayload) }),
    clock: systemClock,
    log: new Logger({}, 'silent'),
    limits,
    maxDurationMs: 60_000,
    leaseMs: LEASE_MS,
    progressIntervalMs: 0,
  });
  const abandoned: { run: RunRecord; reason: string }[] = [];
  const sweeperDeps: ConstructorParameters<typeof RunSweeper>[0] = {
    index: new RunLeaseIndex(deps),
    runs: repo,
    service,
    catalog,
    clock: systemClock,
    log: new Logger({}, 'silent'),
    limits,
    leaseMs: LEASE_MS,
    maxRecoveries: options.maxRecoveries ?? 3,
    onAbandoned: async (run, reason) => void abandoned.push({ run, reason }),
  };
  return { repo, service, sweeper: new RunSweeper(sweeperDeps), sweeperDeps, payloads, abandoned };
}

/** A run an executor was working on when it died: its lease already ran out. */
async function orphan(
  repo: RunRepository,
  steps: PlanStep[],
  done: number,
  extra: Partial<RunRecord> = {},
): Promise<RunRecord> {
  const now = Date.now();
  const run: RunRecord = {
    runId: newSortableId('run', now),
    userId: `u-${randomBytes(6).toString('hex')}`,
    status: 'running',
    trigger: { type: 'webhook' },
    steps,
    results: [],
    createdAt: new Date(now).toISOString(),
    startedAt: new Date(now).toISOString(),
    deadlineAt: now + 60_000,
    invocations: 1,
    ...extra,
  };
  await repo.create(run, { leaseId: 'dead-executor', leaseUntil: now - 1 });
  if (done > 0) {
    const seal = RunSeal.plain(limits);
    const results = steps.slice(0, done).map((s) => ({
      id: s.id,
      provider: s.provider,
      action: s.action,
      status: 'success' as const,
      attempts: 1,
      output: { text: s.id },
    }));
    await repo.saveProgress(run.userId, run.runId, 'dead-executor', seal.results(results), now - 1);
  }
  return run;
}

beforeAll(async () => {
  await ensureTable(process.env.DYNAMODB_ENDPOINT as string, tableName);
});
afterAll(() => client.destroy());
beforeEach(async () => {
  calls.length = 0;
  // Each test starts from a table whose expired leases are all settled.
  await world({ maxRecoveries: 0 }).sweeper.sweep();
});

describe('RunSweeper', () => {
  it('reads one empty query per shard when there is nothing to do', async () => {
    const report = await world().sweeper.sweep();
    expect(report).toEqual({
      queries: LEASE_SHARDS,
      expired: 0,
      resumed: 0,
      abandoned: 0,
      skipped: 0,
      failed: 0,
    });
  });

  it('resumes a queued run whose execution never started, and it runs once', async () => {
    const { service, sweeper, payloads, repo } = world();
    const run = await service.enqueue({
      userId: 'u-queued',
      steps: [step('a', 'post')],
      trigger: { type: 'webhook' },
    });
    payloads.length = 0; // that invocation was lost
    expect((await sweeper.sweep()).expired).toBe(0); // its lease has not run out yet
    await sleep(LEASE_MS + 50);
    expect(await sweeper.sweep()).toMatchObject({ resumed: 1, abandoned: 0 });
    expect(payloads).toHaveLength(1);
    const stale = { ...payloads[0]!, handoffToken: 'f'.repeat(32) };
    expect(await service.resume(stale, wide())).toBeUndefined();
    await expect(service.resume(payloads[0]!, wide())).resolves.toMatchObject({ status: 'success' });
    expect(calls).toEqual(['a']);
    expect((await repo.read('u-queued', run.runId))?.lease).toBeUndefined();
    expect((await sweeper.sweep()).expired).toBe(0);
  });

  it('abandons a run whose executor died before a step that is not safe to repeat', async () => {
    const { repo, sweeper, abandoned, payloads } = world();
    const run = await orphan(repo, [step('a', 'post'), step('b', 'post'), step('c', 'say')], 1);
    expect(await sweeper.sweep()).toMatchObject({ expired: 1, abandoned: 1, resumed: 0 });
    expect(payloads).toEqual([]);
    const { record, lease } = (await repo.read(run.userId, run.runId))!;
    expect(lease).toBeUndefined();
    expect(record).toMatchObject({ status: 'failed', errorCode: RUN_ABANDONED });
    expect(runView(record)).toMatchObject({ status: 'failed', error_code: 'run_abandoned' });
    expect(record.error).toBe(
      'The run was abandoned: its executor stopped while step b may have been running, and echo.post is not safe to run twice',
    );
    // c may have run too: progress is recorded after steps, and b's executor may have got further.
    expect(record.results.map((r) => `${r.id}:${r.status}`)).toEqual(['a:success', 'b:failed', 'c:failed']);
    expect(record.results[2]?.error).toBe(MAY_HAVE_RUN);
    expect(record.completedAt).toEqual(expect.any(String));
    expect(abandoned.map((a) => a.run.runId)).toEqual([run.runId]);
    expect(calls).toEqual([]);
  });

  it('resumes a run at its first unfinished step when every step from there on is safe to repeat', async () => {
    const { repo, sweeper, payloads, service } = world();
    const run = await orphan(repo, [step('a', 'post'), step('b', 'say'), step('c', 'say')], 1);
    expect(await sweeper.sweep()).toMatchObject({ resumed: 1 });
    const finished = await service.resume(payloads[0]!, wide());
    expect(finished).toMatchObject({ status: 'success' });
    expect(calls).toEqual(['b', 'c']);
    expect(finished?.results.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(await repo.get(run.userId, run.runId)).toMatchObject({ status: 'success', invocations: 2 });
  });

  it('abandons a run past its deadline, and one that lost its executor too often', async () => {
    const { repo, sweeper } = world({ maxRecoveries: 1 });
    const late = await orphan(repo, [step('a', 'say')], 0, { deadlineAt: Date.now() - 1 });
    const again = await orphan(repo, [step('a', 'say')], 0);
    expect(await sweeper.sweep()).toMatchObject({ abandoned: 1, resumed: 1 });
    expect((await repo.get(late.userId, late.runId))?.error).toBe(
      'The run was abandoned: its deadline passed while no executor was running it',
    );
    // The resumed one's new executor never comes either.
    await sleep(LEASE_MS + 50);
    expect(await sweeper.sweep()).toMatchObject({ abandoned: 1 });
    expect(await repo.get(again.userId, again.runId)).toMatchObject({
      status: 'failed',
      errorCode: RUN_ABANDONED,
      error: 'The run was abandoned: it lost its executor again after 1 recoveries',
    });
  });

  it('never touches a run whose lease is alive, and an executor that comes back finds it gone', async () => {
    const { repo, service, sweeper } = world();
    const live = await service.startHere(
      { userId: 'u-live', steps: [], trigger: { type: 'manual' } },
      { startBy: Date.now() - 1, finishBy: Date.now() + 60_000 },
    );
    expect(live.status).toBe('success');
    const dead = await orphan(repo, [step('a', 'post')], 0);
    await sweeper.sweep();
    const back = RunSeal.plain(limits);
    await expect(
      repo.complete(dead.userId, dead.runId, 'dead-executor', {
        status: 'success',
        results: back.results([]),
      }),
    ).resolves.toBe(false);
    expect(await repo.get(dead.userId, dead.runId)).toMatchObject({
      status: 'failed',
      errorCode: RUN_ABANDONED,
    });
  });

  it('takes up no run after the time it was given, and leaves them to the next sweep', async () => {
    const { repo, sweeper } = world();
    await Promise.all([0, 1, 2].map((i) => orphan(repo, [step(`t${i}`, 'post')], 0)));
    expect(await sweeper.sweep({ until: Date.now() - 1 })).toMatchObject({ queries: 0, abandoned: 0 });
    expect(await sweeper.sweep()).toMatchObject({ abandoned: 3 });
  });

  it('settles each run once when two sweeps race', async () => {
    const one = world();
    const two = world();
    await Promise.all(Array.from({ length: 6 }, (_, i) => orphan(one.repo, [step(`s${i}`, 'post')], 0)));
    const reports = await Promise.all([one.sweeper.sweep(), two.sweeper.sweep()]);
    expect(reports[0]!.abandoned + reports[1]!.abandoned).toBe(6);
    expect(one.abandoned.length + two.abandoned.length).toBe(6);
  });

  // Last in the file: it leaves a thousand unfinished runs behind (with long leases).
  it('costs one query per shard with a thousand runs in flight', async () => {
    const { repo } = world();
    const sent: string[] = [];
    const counting = createDocumentClient();
    counting.middlewareStack.add((next, context) => async (args) => {
      sent.push(String(context.commandName));
      return next(args);
    });
    for (let batch = 0; batch < 1000; batch += 100) {
      await Promise.all(
        Array.from({ length: 100 }, async (_, i) => {
          const now = Date.now();
          const run: RunRecord = {
            runId: newSortableId('run', now),
            userId: `u-many-${(batch + i) % 20}`,
            status: 'running',
            trigger: { type: 'webhook' },
            steps: [step('a', 'say')],
            results: [],
            createdAt: new Date(now).toISOString(),
            deadlineAt: now + 600_000,
            invocations: 1,
          };
          await repo.create(run, { leaseId: `lease-${batch + i}`, leaseUntil: now + 600_000 });
        }),
      );
    }
    const measured = new RunSweeper({
      ...world().sweeperDeps,
      index: new RunLeaseIndex({ client: counting, tableName }),
    });
    const report = await measured.sweep();
    expect(report).toMatchObject({ queries: LEASE_SHARDS, expired: 0 });
    expect(sent).toEqual(Array.from({ length: LEASE_SHARDS }, () => 'QueryCommand'));
    counting.destroy();
  }, 60_000);
});
