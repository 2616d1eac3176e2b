import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { LocalKms } from '../../../infra/local/local-kms';
import { CredentialRepository } from '../../../shared/credentials/credential-repository';
import { systemClock } from '../../../shared/engine/clock';
import { Logger } from '../../../shared/logger';
import type { ProviderDefinition } from '../../../shared/providers/types';
import { idempotencyKeyOf, RunRepository } from '../../../shared/runs/run-repository';
import { RunService, type RunHandoffPayload } from '../../../shared/runs/run-service';
import type { RunRecord } from '../../../shared/runs/run-types';
import { newSortableId } from '../../../shared/runs/sortable-id';
import { testRepositoryDeps } from '../../support/identity';

const deps = testRepositoryDeps();
const repo = new RunRepository(deps, 30);
const calls: string[] = [];
const echo: ProviderDefinition = {
  name: 'echo',
  title: 'Echo',
  credentialType: 'none',
  category: 'utility',
  description: 'A provider for this test.',
  verification: 'local',
  actions: {
    say: {
      description: 'returns its text, or fails on "boom"',
      params: z.object({ text: z.string() }),
      execute: async (p: { text: string }) => {
        calls.push(p.text);
        return { success: p.text !== 'boom', output: { text: p.text }, message: p.text };
      },
    },
  },
};
const uid = () => `u-${randomBytes(8).toString('hex')}`;
const wide = () => ({ startBy: Date.now() + 60_000, finishBy: Date.now() + 60_000 });
const steps = (text: string) => [
  { id: 'a', provider: 'echo', action: 'say', params: { text }, retry: { max_attempts: 1, backoff_ms: 0 } },
];

function service(options: { invoke?: (p: RunHandoffPayload) => Promise<void> } = {}) {
  const finished: RunRecord[] = [];
  const payloads: RunHandoffPayload[] = [];
  const lines: string[] = [];
  let hookFails = false;
  const svc = new RunService({
    runs: repo,
    catalog: { find: async (name: string) => (name === 'echo' ? echo : undefined) },
    credentials: new CredentialRepository(deps),
    keyManagement: () => LocalKms.inMemory(),
    http: () => ({ request: async () => ({ status: 200, headers: {}, body: '' }) }),
    invoker: () => ({
      invoke: async (payload) => {
        payloads.push(payload as RunHandoffPayload);
        await options.invoke?.(payload as RunHandoffPayload);
      },
    }),
    clock: systemClock,
    log: new Logger({}, 'info', (line) => lines.push(line)),
    limits: { defaultTimeoutMs: 1000, outputMaxBytes: 1000, resultsMaxBytes: 100_000 },
    maxDurationMs: 60_000,
    leaseMs: 60_000,
    onFinished: async (run) => {
      finished.push(run);
      if (hookFails) throw new Error('hook down');
    },
  });
  return { svc, finished, payloads, lines, failHook: () => (hookFails = true) };
}

const key = () => ({
  scheduleName: `u1.trace.${randomBytes(4).toString('hex')}`,
  scheduledTime: '2026-03-01T09:00:00Z',
});
const scheduled = (userId: string, text = 'hi') => ({
  userId,
  traceId: 'trace_1',
  steps: steps(text),
  trigger: { type: 'schedule' as const, scheduledTime: '2026-03-01T09:00:00Z' },
});

function record(userId: string, runId = newSortableId('run')): RunRecord {
  return {
    runId,
    userId,
    status: 'running',
    trigger: { type: 'schedule' },
    steps: steps('x'),
    results: [],
    createdAt: new Date().toISOString(),
    deadlineAt: Date.now() + 60_000,
    invocations: 1,
  };
}

const keyItem = async (k: { scheduleName: string; scheduledTime: string }) =>
  (
    await deps.client.send(
      new GetCommand({ TableName: deps.tableName, Key: idempotencyKeyOf(k.scheduleName, k.scheduledTime) }),
    )
  ).Item;

describe('RunRepository.createOnce (DynamoDB Local)', () => {
  it('writes the key (with its TTL and the run id) and the run together', async () => {
    const userId = uid();
    const run = record(userId);
    const k = key();
    const expiresAt = Math.floor(Date.now() / 1000) + 3600;
    await expect(
      repo.createOnce(run, { leaseId: 'l', leaseUntil: Date.now() + 60_000 }, { ...k, expiresAt }),
    ).resolves.toEqual({
      created: true,
    });
    expect(await keyItem(k)).toMatchObject({
      PK: `RUNKEY#${k.scheduleName}#${k.scheduledTime}`,
      SK: 'RUNKEY',
      runId: run.runId,
      expiresAt,
    });
    expect(await repo.get(userId, run.runId)).toMatchObject({ runId: run.runId });
  });

  it('refuses a second run for the same key and names the first', async () => {
    const userId = uid();
    const k = { ...key(), expiresAt: Math.floor(Date.now() / 1000) + 3600 };
    const first = record(userId);
    await repo.createOnce(first, { leaseId: 'l', leaseUntil: Date.now() + 60_000 }, k);
    const second = record(userId);
    await expect(
      repo.createOnce(second, { leaseId: 'l', leaseUntil: Date.now() + 60_000 }, k),
    ).resolves.toEqual({
      created: false,
      runId: first.runId,
    });
    expect(await repo.get(userId, second.runId)).toBeUndefined();
  });

  it('never leaves a key without its run: if the run cannot be written, neither is the key', async () => {
    const userId = uid();
    const existing = record(userId);
    await repo.create(existing, { leaseId: 'l', leaseUntil: Date.now() + 60_000 });
    const k = key();
    const result = await repo.createOnce(
      existing,
      { leaseId: 'l', leaseUntil: Date.now() + 60_000 },
      {
        ...k,
        expiresAt: Math.floor(Date.now() / 1000) + 3600,
      },
    );
    expect(result).toEqual({ created: false });
    expect(await keyItem(k)).toBeUndefined();
  });

  it('treats a key past its TTL as free (TTL deletion lags)', async () => {
    const userId = uid();
    const k = key();
    await deps.client.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: { ...idempotencyKeyOf(k.scheduleName, k.scheduledTime), runId: 'run_old', expiresAt: 1 },
      }),
    );
    const run = record(userId);
    await expect(
      repo.createOnce(
        run,
        { leaseId: 'l', leaseUntil: Date.now() + 60_000 },
        { ...k, expiresAt: Math.floor(Date.now() / 1000) + 60 },
      ),
    ).resolves.toEqual({ created: true });
    expect((await keyItem(k))?.runId).toBe(run.runId);
  });

  it('lets exactly one of ten simultaneous creates through', async () => {
    const userId = uid();
    const k = { ...key(), expiresAt: Math.floor(Date.now() / 1000) + 3600 };
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        repo.createOnce(record(userId), { leaseId: 'l', leaseUntil: Date.now() + 60_000 }, k),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const winner = (await keyItem(k))?.runId as string;
    for (const r of results) if (!r.created) expect(r.runId).toBe(winner);
  });
});

describe('RunService.startOnce and the finished hook', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('runs once per key and tells the hook once', async () => {
    const { svc, finished } = service();
    const userId = uid();
    const k = key();
    const first = await svc.startOnce(scheduled(userId), k, 3600, wide());
    const again = await svc.startOnce(scheduled(userId), k, 3600, wide());
    expect(first).toMatchObject({ started: true, run: { status: 'success' } });
    expect(again).toEqual({ started: false, existingRunId: (first as { run: RunRecord }).run.runId });
    expect(calls).toEqual(['hi']);
    expect(finished.map((r) => r.status)).toEqual(['success']);
  });

  it('calls the hook from the invocation that ends the run, not the one that hands it off', async () => {
    const { svc, finished, payloads } = service();
    const userId = uid();
    const closed = { startBy: Date.now() - 1, finishBy: Date.now() + 60_000 };
    const started = await svc.startOnce(scheduled(userId, 'boom'), key(), 3600, closed);
    expect(started).toMatchObject({ started: true, run: { status: 'running' } });
    expect(finished).toEqual([]);
    const ended = await svc.resume(payloads[0]!, wide());
    expect(ended?.status).toBe('failed');
    expect(finished).toEqual([
      expect.objectContaining({ status: 'failed', trigger: expect.objectContaining({ type: 'schedule' }) }),
    ]);
  });

  it('tells the hook about a run that failed because nobody could be started to continue it', async () => {
    const { svc, finished } = service({
      invoke: async () => {
        throw new Error('throttled');
      },
    });
    const closed = { startBy: Date.now() - 1, finishBy: Date.now() + 60_000 };
    await svc.startOnce(scheduled(uid()), key(), 3600, closed);
    expect(finished).toEqual([
      expect.objectContaining({ status: 'failed', error: 'Could not start the background execution' }),
    ]);
  });

  it('logs a failing hook and still returns the recorded run', async () => {
    const { svc, lines, failHook } = service();
    failHook();
    const result = await svc.startOnce(scheduled(uid()), key(), 3600, wide());
    expect(result).toMatchObject({ started: true, run: { status: 'success' } });
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'run finished hook failed' }),
    );
  });
});
