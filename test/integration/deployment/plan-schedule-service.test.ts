import { UpstreamError, NotFoundError } from '../../../shared/errors';
import { planScheduleDeletionHook } from '../../../shared/deployment/plan-schedule-hook';
import { PlanScheduleService } from '../../../shared/deployment/plan-schedule-service';
import { SchedulerJobs } from '../../../shared/deployment/scheduler-jobs';
import { PlanService } from '../../../shared/plans/plan-service';
import { RunRepository } from '../../../shared/runs/run-repository';
import { scheduleNameFor } from '../../../shared/scheduling/schedule-names';
import { WebhookRepository } from '../../../shared/webhooks/webhook-repository';
import {
  client,
  daily,
  deployBody,
  deploymentFixture,
  deps,
  newIdentity,
  planScheduleBody,
  transform,
  weekly,
} from './deployment-fixture';

afterAll(() => client.destroy());

const newPlan = (fx: ReturnType<typeof deploymentFixture>, userId: string) =>
  fx.plans.create(userId, { name: 'Nightly sync', steps: [transform('a')] });

describe('PlanScheduleService (DynamoDB Local + LocalScheduler)', () => {
  it('schedules a plan, records it on the plan, replaces it, and removes it', async () => {
    const fx = deploymentFixture();
    const me = newIdentity();
    const plan = await newPlan(fx, me.userId);
    const name = scheduleNameFor({ kind: 'plan', automationId: plan.planId, userId: me.userId });

    const job = await fx.planSchedules.schedule(me, plan.planId, planScheduleBody(weekly));
    expect(job).toMatchObject({
      kind: 'plan',
      scheduleName: name,
      state: 'ENABLED',
      description: 'Nightly sync',
    });
    expect((await fx.plans.require(me.userId, plan.planId)).schedule).toMatchObject({
      scheduleName: name,
      type: 'weekly',
      expression: 'cron(0 9 ? * 2,4,6 *)',
      state: 'ENABLED',
    });

    await fx.planSchedules.schedule(me, plan.planId, planScheduleBody({ ...daily, name: 'Sync (daily)' }));
    expect(await fx.scheduler.list()).toEqual([
      expect.objectContaining({ name, expression: 'cron(30 6 * * ? *)', description: 'Sync (daily)' }),
    ]);
    expect((await fx.plans.require(me.userId, plan.planId)).schedule).toMatchObject({ type: 'daily' });

    await fx.planSchedules.unschedule(me, plan.planId);
    expect(await fx.scheduler.list()).toEqual([]);
    expect((await fx.plans.require(me.userId, plan.planId)).schedule).toBeUndefined();
    await expect(fx.planSchedules.unschedule(me, plan.planId)).rejects.toMatchObject({
      statusCode: 404,
      code: 'schedule_not_found',
    });
    expect(await fx.actions(me.userId)).toEqual(['plan.unschedule', 'plan.schedule', 'plan.schedule']);
  });

  it("another user's plan is a 404 and their schedule stays", async () => {
    const fx = deploymentFixture();
    const owner = newIdentity();
    const plan = await newPlan(fx, owner.userId);
    await fx.planSchedules.schedule(owner, plan.planId, planScheduleBody(weekly));
    const before = await fx.scheduler.list();
    const intruder = newIdentity();
    await expect(fx.planSchedules.schedule(intruder, plan.planId, planScheduleBody(daily))).rejects.toThrow(
      NotFoundError,
    );
    await expect(fx.planSchedules.unschedule(intruder, plan.planId)).rejects.toMatchObject({
      code: 'plan_not_found',
    });
    expect(await fx.scheduler.list()).toEqual(before);
  });

  it('a table write failing after the schedule was created deletes the schedule again', async () => {
    const fx = deploymentFixture();
    const me = newIdentity();
    const plan = await newPlan(fx, me.userId);
    const failing = Object.create(fx.plans) as typeof fx.plans;
    failing.setSchedule = async () => {
      throw Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' });
    };
    const service = new PlanScheduleService({ scheduling: fx.scheduling, plans: failing, audit: fx.audit });
    await expect(service.schedule(me, plan.planId, planScheduleBody(weekly))).rejects.toMatchObject({
      name: 'ProvisionedThroughputExceededException',
    });
    expect(await fx.scheduler.list()).toEqual([]);
    expect((await fx.plans.require(me.userId, plan.planId)).schedule).toBeUndefined();
  });
});

describe('planScheduleDeletionHook', () => {
  it('deleting a scheduled plan through PlanService removes its schedule', async () => {
    const fx = deploymentFixture();
    const me = newIdentity();
    const plan = await newPlan(fx, me.userId);
    const other = await newPlan(fx, me.userId);
    await fx.planSchedules.schedule(me, plan.planId, planScheduleBody(weekly));
    await fx.planSchedules.schedule(me, other.planId, planScheduleBody(daily));
    const unused = { find: async () => undefined };
    const plans = new PlanService(fx.plans, new WebhookRepository(deps), unused, [
      planScheduleDeletionHook(() => fx.scheduling),
    ]);

    await plans.delete(me.userId, plan.planId);
    expect((await fx.scheduler.list()).map((s) => s.name)).toEqual([
      scheduleNameFor({ kind: 'plan', automationId: other.planId, userId: me.userId }),
    ]);
    await expect(fx.plans.get(me.userId, plan.planId)).resolves.toBeUndefined();
  });

  it('if the scheduler fails, the plan is not deleted', async () => {
    const fx = deploymentFixture();
    const me = newIdentity();
    const plan = await newPlan(fx, me.userId);
    await fx.planSchedules.schedule(me, plan.planId, planScheduleBody(weekly));
    const broken = Object.create(fx.scheduling) as typeof fx.scheduling;
    broken.unschedule = async () => {
      throw new UpstreamError('The scheduler could not be reached', 'scheduler_unavailable');
    };
    const plans = new PlanService(fx.plans, new WebhookRepository(deps), { find: async () => undefined }, [
      planScheduleDeletionHook(() => broken),
    ]);
    await expect(plans.delete(me.userId, plan.planId)).rejects.toThrow(UpstreamError);
    expect(await fx.plans.get(me.userId, plan.planId)).toMatchObject({ planId: plan.planId });
    expect(await fx.scheduler.list()).toHaveLength(1);
  });

  it('an unscheduled plan never calls the scheduler', async () => {
    const fx = deploymentFixture();
    const me = newIdentity();
    const plan = await newPlan(fx, me.userId);
    let built = 0;
    const hook = planScheduleDeletionHook(() => {
      built += 1;
      return fx.scheduling;
    });
    await hook(plan);
    expect(built).toBe(0);
  });
});

describe('SchedulerJobs', () => {
  it("lists only the caller's schedules, traces and plans, with next_run (last_run is null before any run)", async () => {
    const fx = deploymentFixture();
    const alice = newIdentity();
    const bob = newIdentity();
    const plan = await newPlan(fx, alice.userId);
    const trace = await fx.traces.create(alice.userId, { name: 'Digest', steps: [transform('a')] });
    const bobPlan = await newPlan(fx, bob.userId);
    await fx.planSchedules.schedule(alice, plan.planId, planScheduleBody(weekly));
    await fx.deployments.deploy(alice, deployBody({ trace_id: trace.traceId, ...daily }));
    await fx.planSchedules.schedule(bob, bobPlan.planId, planScheduleBody(daily));
    await fx.deployments.setStatus(alice, trace.traceId, 'paused');

    const jobs = new SchedulerJobs({ scheduling: fx.scheduling, runs: new RunRepository(deps, 1) });
    const mine = await jobs.list(alice.userId);
    expect(mine.total).toBe(2);
    const byKind = Object.fromEntries(mine.jobs.map((j) => [j.kind as string, j]));
    expect(byKind.plan).toMatchObject({
      plan_id: plan.planId,
      name: 'Nightly sync',
      state: 'ENABLED',
      expression: 'cron(0 9 ? * 2,4,6 *)',
      timezone: 'America/New_York',
      last_run: null,
    });
    expect(Date.parse(byKind.plan?.next_run as string)).toBeGreaterThan(Date.now());
    expect(byKind.trace).toMatchObject({ trace_id: trace.traceId, state: 'DISABLED', next_run: null });
    expect((await jobs.list(bob.userId)).jobs).toEqual([
      expect.objectContaining({ plan_id: bobPlan.planId }),
    ]);
    await expect(jobs.list(newIdentity().userId)).resolves.toEqual({ total: 0, jobs: [] });
  });
});
