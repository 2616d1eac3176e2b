import { RunRepository } from '../../../shared/runs/run-repository';
import type { RunRecord } from '../../../shared/runs/run-types';
import { newSortableId } from '../../../shared/runs/sortable-id';
import { testRepositoryDeps } from '../../support/identity';

const repo = new RunRepository(testRepositoryDeps(), 30);
const uid = () => `u-${Math.random().toString(36).slice(2)}`;

function run(userId: string, of: { planId?: string; traceId?: string }, at: number): RunRecord {
  return {
    runId: newSortableId('run', at),
    userId,
    ...of,
    status: 'success',
    trigger: { type: 'schedule', scheduledTime: new Date(at).toISOString() },
    steps: [],
    results: [],
    createdAt: new Date(at).toISOString(),
    deadlineAt: at + 60_000,
    invocations: 1,
  };
}

describe('runs indexed by plan and by trace (DynamoDB Local)', () => {
  it("lists one trace's runs newest first, apart from its plan runs and from other users' runs", async () => {
    const alice = uid();
    const bob = uid();
    const t0 = Date.now();
    const traceRuns = [run(alice, { traceId: 'trace_1' }, t0), run(alice, { traceId: 'trace_1' }, t0 + 10)];
    for (const r of [
      ...traceRuns,
      run(alice, { planId: 'trace_1' }, t0 + 20),
      run(alice, { traceId: 'trace_2' }, t0 + 30),
      run(bob, { traceId: 'trace_1' }, t0 + 40),
    ])
      await repo.create(r, { leaseId: 'l', leaseUntil: Date.now() + 60_000 });

    const page = await repo.list(alice, { traceId: 'trace_1', limit: 10 });
    expect(page.items.map((r) => r.runId)).toEqual([traceRuns[1]!.runId, traceRuns[0]!.runId]);
    expect(page.items[0]).toMatchObject({ traceId: 'trace_1', trigger: { type: 'schedule' } });
    expect(page.items[0]!.planId).toBeUndefined();
    expect((await repo.list(alice, { planId: 'trace_1', limit: 10 })).items).toHaveLength(1);
    expect((await repo.get(alice, traceRuns[0]!.runId))?.traceId).toBe('trace_1');
  });
});
