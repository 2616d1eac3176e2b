import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { LocalScheduler } from '../../../infra/local/local-scheduler';
import { DeploymentService } from '../../../shared/deployment/deployment-service';
import { ConflictError, NotFoundError, UpstreamError } from '../../../shared/errors';
import { scheduleNameFor } from '../../../shared/scheduling/schedule-names';
import type { ScheduleDefinition } from '../../../shared/scheduling/scheduler-port';
import { TraceRepository } from '../../../shared/traces/trace-repository';
import {
  client,
  daily,
  deployBody,
  deploymentFixture,
  deps,
  newIdentity,
  transform,
  weekly,
} from './deployment-fixture';

afterAll(() => client.destroy());

async function draftTrace(fx: ReturnType<typeof deploymentFixture>, userId: string) {
  return fx.traces.create(userId, { name: 'Morning digest', steps: [transform('a')] });
}

describe('DeploymentService.deploy (DynamoDB Local + LocalScheduler)', () => {
  it('creates the schedule, then records it on the trace with the name, and audits it', async () => {
    const fx = deploymentFixture();
    const me = newIdentity();
    const trace = await draftTrace(fx, me.userId);
    await fx.deployments.deploy(
      me,
      deployBody({ trace_id: trace.traceId, ...weekly, name: 'Weekly Email Automation' }),
    );

    const name = scheduleNameFor({ kind: 'trace', automationId: trace.traceId, userId: me.userId });
    expect(await fx.scheduler.get(name)).toMatchObject({
      expression: 'cron(0 9 ? * 2,4,6 *)',
      timezone: 'America/New_York',
      state: 'ENABLED',
      description: 'Weekly Email Automation',
    });
    const after = await fx.traces.require(me.userId, trace.traceId);
    expect(after).toMatchObject({
      name: 'Weekly Email Automation',
      deploymentStatus: 'deployed',
      schedule: {
        scheduleName: name,
        type: 'weekly',
        time: '09:00',
        config: { days: ['Monday', 'Wednesday', 'Friday'], timezone: 'America/New_York' },
        expression: 'cron(0 9 ? * 2,4,6 *)',
        timezone: 'America/New_York',
        state: 'ENABLED',
      },
    });
    expect(Date.parse(after.deployedAt as string)).not.toBeNaN();
    const [entry] = (await fx.audit.list(me.userId, 10)).items;
    expect(entry).toMatchObject({
      action: 'automation.deploy',
      actor: { type: 'user', userId: me.userId, keyId: me.keyId },
      target: { type: 'trace', id: trace.traceId },
      details: { expression: 'cron(0 9 ? * 2,4,6 *)', timezone: 'America/New_York', schedule_type: 'weekly' },
    });
  });

  it('redeploying a paused trace replaces its schedule and deploys it again', async () => {
    const fx = deploymentFixture();
    const me = newIdentity();
    const trace = await draftTrace(fx, me.userId);
    await fx.deployments.deploy(me, deployBody({ trace_id: trace.traceId, ...weekly }));
    await fx.deployments.setStatus(me, trace.traceId, 'paused');
    await fx.deployments.deploy(me, deployBody({ trace_id: trace.traceId, ...daily }));

    const schedules = await fx.scheduler.list();
    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({
      expression: 'cron(30 6 * * ? *)',
      timezone: 'Europe/Berlin',
      state: 'ENABLED',
      description: 'Morning digest',
    });
    expect(await fx.traces.require(me.userId, trace.traceId)).toMatchObject({
      name: 'Morning digest',
      deploymentStatus: 'deployed',
      schedule: { type: 'daily', time: '06:30', state: 'ENABLED', expression: 'cron(30 6 * * ? *)' },
    });
  });

  it("another user's trace is a 404 before the scheduler is touched", async () => {
    const fx = deploymentFixture();
    const owner = newIdentity();
    const trace = await draftTrace(fx, owner.userId);
    const err = await fx.deployments
      .deploy(newIdentity(), deployBody({ trace_id: trace.traceId, ...weekly }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(await fx.scheduler.list()).toEqual([]);
    expect(await fx.traces.require(owner.userId, trace.traceId)).toEqual(trace);
  });

  it('a scheduler failure is a 502: the trace is unchanged, no schedule, no audit entry', async () => {
    class UnreachableScheduler extends LocalScheduler {
      override async create(): Promise<void> {
        throw Object.assign(new Error('connect ECONNREFUSED'), { name: 'NetworkingError' });
      }
    }
    const fx = deploymentFixture({
      port: (real) => new UnreachableScheduler({ deps, group: real.group }),
    });
    const me = newIdentity();
    const trace = await draftTrace(fx, me.userId);
    const err = await fx.deployments
      .deploy(me, deployBody({ trace_id: trace.traceId, ...weekly, name: 'Renamed' }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).statusCode).toBe(502);
    expect(await fx.traces.require(me.userId, trace.traceId)).toEqual(trace);
    expect(await fx.scheduler.list()).toEqual([]);
    expect(await fx.actions(me.userId)).toEqual([]);
  });

  it('a table write failing after the schedule was created deletes the schedule again', async () => {
    // The trace is deleted while its schedule is being created (a concurrent DELETE), so
    // the deployment write finds no trace.
    class RacingDelete extends LocalScheduler {
      override async create(def: ScheduleDefinition, options?: { clientToken?: string }): Promise<void> {
        await client.send(new DeleteCommand({ TableName: deps.tableName, Key: racing.key }));
        await super.create(def, options);
      }
    }
    const racing = { key: {} as Record<string, string> };
    const fx = deploymentFixture({ port: (real) => new RacingDelete({ deps, group: real.group }) });
    const me = newIdentity();
    const trace = await draftTrace(fx, me.userId);
    racing.key = { PK: `USER#${me.userId}`, SK: `TRACE#${trace.traceId}` };
    await expect(
      fx.deployments.deploy(me, deployBody({ trace_id: trace.traceId, ...weekly })),
    ).rejects.toThrow(NotFoundError);
    expect(await fx.scheduler.list()).toEqual([]);
    expect(await fx.actions(me.userId)).toEqual([]);
  });

  it('a failed table write on a redeploy puts the previous schedule back and leaves the trace as it was', async () => {
    const fx = deploymentFixture();
    const me = newIdentity();
    const trace = await draftTrace(fx, me.userId);
    await fx.deployments.deploy(me, deployBody({ trace_id: trace.traceId, ...weekly }));
    const deployed = await fx.traces.require(me.userId, trace.traceId);
    const [before] = await fx.scheduler.list();

    class ThrottledTraces extends TraceRepository {
      override async update(): Promise<undefined> {
        throw Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' });
      }
    }
    const failing = new DeploymentService({
      scheduling: fx.scheduling,
      traces: new ThrottledTraces(deps),
      audit: fx.audit,
    });
    await expect(failing.deploy(me, deployBody({ trace_id: trace.traceId, ...daily }))).rejects.toMatchObject(
      {
        name: 'ProvisionedThroughputExceededException',
      },
    );
    const [after] = await fx.scheduler.list();
    expect(after).toMatchObject({
      name: before?.name,
      expression: before?.expression,
      timezone: before?.timezone,
      state: 'ENABLED',
      input: before?.input,
    });
    expect(await fx.traces.require(me.userId, trace.traceId)).toEqual(deployed);
  });
});

describe('renaming on deploy (TraceRepository.update with name)', () => {
  it('renames only an existing trace: anything else is the trace 404', async () => {
    const fx = deploymentFixture();
    const me = newIdentity();
    const trace = await draftTrace(fx, me.userId);
    await fx.traces.update(me.userId, trace.traceId, { name: 'Renamed' });
    expect((await fx.traces.require(me.userId, trace.traceId)).name).toBe('Renamed');
    await expect(fx.traces.update(newIdentity().userId, trace.traceId, { name: 'x' })).rejects.toMatchObject({
      statusCode: 404,
      code: 'trace_not_found',
    });
  });
});

describe('DeploymentService.setStatus', () => {
  it('pauses, resumes, fails and returns to draft, keeping the table and the scheduler in step', async () => {
    const fx = deploymentFixture();
    const me = newIdentity();
    const trace = await draftTrace(fx, me.userId);
    await fx.deployments.deploy(me, deployBody({ trace_id: trace.traceId, ...weekly }));
    const name = scheduleNameFor({ kind: 'trace', automationId: trace.traceId, userId: me.userId });
    const state = async () => ({
      scheduler: (await fx.scheduler.get(name))?.state ?? 'absent',
      trace: await fx.traces.require(me.userId, trace.traceId),
    });

    await expect(fx.deployments.setStatus(me, trace.traceId, 'paused')).resolves.toEqual({
      from: 'deployed',
      to: 'paused',
    });
    let now = await state();
    expect(now.scheduler).toBe('DISABLED');
    expect(now.trace).toMatchObject({ deploymentStatus: 'paused', schedule: { state: 'DISABLED' } });

    await fx.deployments.setStatus(me, trace.traceId, 'deployed');
    now = await state();
    expect(now.scheduler).toBe('ENABLED');
    expect(now.trace).toMatchObject({ deploymentStatus: 'deployed', schedule: { state: 'ENABLED' } });

    await fx.deployments.setStatus(me, trace.traceId, 'failed');
    now = await state();
    expect(now.scheduler).toBe('DISABLED');
    expect(now.trace).toMatchObject({ deploymentStatus: 'failed', schedule: { state: 'DISABLED' } });

    await fx.deployments.setStatus(me, trace.traceId, 'draft');
    now = await state();
    expect(now.scheduler).toBe('absent');
    expect(now.trace.deploymentStatus).toBe('draft');
    expect(now.trace.schedule).toBeUndefined();
    expect(now.trace.deployedAt).toBeUndefined();

    const entries = (await fx.audit.list(me.userId, 10)).items.filter(
      (e) => e.action === 'automation.status_change',
    );
    expect(entries.map((e) => e.details).reverse()).toEqual([
      { from: 'deployed', to: 'paused' },
      { from: 'paused', to: 'deployed' },
      { from: 'deployed', to: 'failed' },
      { from: 'failed', to: 'draft' },
    ]);
  });

  it('resuming or pausing a trace that was never deployed is a 409 with nothing changed', async () => {
    const fx = deploymentFixture();
    const me = newIdentity();
    const trace = await draftTrace(fx, me.userId);
    for (const status of ['deployed', 'paused'] as const) {
      const err = await fx.deployments.setStatus(me, trace.traceId, status).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect((err as ConflictError).message).toMatch(/deploy it first/);
    }
    expect(await fx.traces.require(me.userId, trace.traceId)).toEqual(trace);
    expect(await fx.scheduler.list()).toEqual([]);
    expect(await fx.actions(me.userId)).toEqual([]);
  });

  it('resuming recreates a schedule the scheduler lost, from the recorded request', async () => {
    const fx = deploymentFixture();
    const me = newIdentity();
    const trace = await draftTrace(fx, me.userId);
    await fx.deployments.deploy(me, deployBody({ trace_id: trace.traceId, ...weekly }));
    await fx.deployments.setStatus(me, trace.traceId, 'paused');
    const [lost] = await fx.scheduler.list();
    await fx.scheduler.delete(lost?.name as string);

    await fx.deployments.setStatus(me, trace.traceId, 'deployed');
    expect(await fx.scheduler.get(lost?.name as string)).toMatchObject({
      expression: 'cron(0 9 ? * 2,4,6 *)',
      timezone: 'America/New_York',
      state: 'ENABLED',
      input: lost?.input,
    });
    expect(await fx.traces.require(me.userId, trace.traceId)).toMatchObject({
      deploymentStatus: 'deployed',
      schedule: { type: 'weekly', state: 'ENABLED' },
    });
  });

  it("another user's trace is a 404 for every status", async () => {
    const fx = deploymentFixture();
    const owner = newIdentity();
    const trace = await draftTrace(fx, owner.userId);
    await fx.deployments.deploy(owner, deployBody({ trace_id: trace.traceId, ...weekly }));
    const [schedule] = await fx.scheduler.list();
    for (const status of ['draft', 'deployed', 'paused', 'failed'] as const) {
      await expect(fx.deployments.setStatus(newIdentity(), trace.traceId, status)).rejects.toThrow(
        NotFoundError,
      );
    }
    expect(await fx.scheduler.list()).toEqual([schedule]);
  });
});
