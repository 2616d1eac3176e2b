import { NotFoundError } from '../../../shared/errors';
import type { AutomationSchedule } from '../../../shared/scheduling/automation-schedule';
import { TraceRepository } from '../../../shared/traces/trace-repository';
import { testRepositoryDeps } from '../../support/identity';

const traces = new TraceRepository(testRepositoryDeps());
const uid = () => `u-${Math.random().toString(36).slice(2)}`;
const steps = [
  { id: 'a', provider: 'data', action: 'transform', params: { value: { deep: [1, { '': null }] } } },
];
const schedule: AutomationSchedule = {
  scheduleName: 'uabc.trace.t',
  type: 'weekly',
  time: '09:00',
  config: { days: ['Monday'], timezone: 'America/New_York' },
  expression: 'cron(0 9 ? * 2 *)',
  timezone: 'America/New_York',
  state: 'ENABLED',
  scheduledAt: '2026-11-23T09:00:00.000Z',
};

describe('TraceRepository (DynamoDB Local)', () => {
  it('creates a draft, keeps steps exactly, and lists newest first for its owner only', async () => {
    const alice = uid();
    const first = await traces.create(alice, {
      name: 'one',
      request: 'every monday',
      model: 'gpt-4o',
      steps,
    });
    const second = await traces.create(alice, { name: 'two', steps }, new Date(Date.now() + 5));
    expect(first).toMatchObject({ deploymentStatus: 'draft', request: 'every monday', model: 'gpt-4o' });
    expect((await traces.get(alice, first.traceId))?.steps).toEqual(steps);
    expect((await traces.list(alice, 10)).items.map((t) => t.traceId)).toEqual([
      second.traceId,
      first.traceId,
    ]);
    expect(await traces.get(uid(), first.traceId)).toBeUndefined();
    await expect(traces.require(uid(), first.traceId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('sets and removes deployment fields, and honours ifStatus', async () => {
    const alice = uid();
    const { traceId } = await traces.create(alice, { name: 't', steps });
    const deployed = await traces.update(alice, traceId, {
      deploymentStatus: 'deployed',
      schedule,
      deployedAt: schedule.scheduledAt,
    });
    expect(deployed).toMatchObject({
      deploymentStatus: 'deployed',
      schedule,
      deployedAt: schedule.scheduledAt,
    });

    expect(
      await traces.update(alice, traceId, { deploymentStatus: 'failed' }, { ifStatus: ['paused'] }),
    ).toBe(undefined);
    expect((await traces.get(alice, traceId))?.deploymentStatus).toBe('deployed');

    const draft = await traces.update(alice, traceId, {
      deploymentStatus: 'draft',
      schedule: null,
      deployedAt: null,
    });
    expect(draft?.schedule).toBeUndefined();
    expect(draft?.deployedAt).toBeUndefined();
    expect(draft?.deploymentStatus).toBe('draft');
  });

  it("is 404 for a missing or another user's trace, with or without ifStatus", async () => {
    const alice = uid();
    const { traceId } = await traces.create(alice, { name: 't', steps });
    await expect(traces.update(uid(), traceId, { deploymentStatus: 'paused' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      traces.update(uid(), traceId, { deploymentStatus: 'paused' }, { ifStatus: ['deployed'] }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(traces.delete(uid(), traceId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await traces.delete(alice, traceId)).traceId).toBe(traceId);
    expect(await traces.get(alice, traceId)).toBeUndefined();
  });
});
