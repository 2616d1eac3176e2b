/**
 * `POST|DELETE /api/execution-plans/{plan_id}/schedule` (seed 003): the same schedule body
 * and the same SchedulingService as deploying a trace, with the plan item as the record.
 */
import { userActor, type AuditLog } from '../audit/audit-log';
import { NotFoundError } from '../errors';
import type { Identity } from '../http/request';
import type { PlanRecord, PlanRepository } from '../plans/plan-repository';
import type { AutomationRef } from '../scheduling/schedule-names';
import { specFromBody } from '../scheduling/schedule-spec';
import type { ScheduledAutomation, SchedulingService } from '../scheduling/scheduling-service';
import { automationScheduleOf } from './automation-schedule-record';
import type { PlanScheduleBody } from './deployment-schemas';

export interface PlanScheduleServiceDeps {
  scheduling: SchedulingService;
  plans: PlanRepository;
  audit: Pick<AuditLog, 'record'>;
  clock?: () => Date;
}

export const planScheduleNotFound = () =>
  new NotFoundError('The execution plan has no schedule', 'schedule_not_found');

export const planRef = (plan: Pick<PlanRecord, 'planId' | 'userId'>): AutomationRef => ({
  kind: 'plan',
  automationId: plan.planId,
  userId: plan.userId,
});

export class PlanScheduleService {
  private readonly clock: () => Date;

  constructor(private readonly deps: PlanScheduleServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** Creates the plan's schedule, or replaces the one it has. */
  async schedule(identity: Identity, planId: string, body: PlanScheduleBody): Promise<ScheduledAutomation> {
    const { plans, scheduling } = this.deps;
    const plan = await plans.require(identity.userId, planId);
    const now = this.clock();
    const scheduled = await scheduling.schedule(
      { ...planRef(plan), spec: specFromBody(body), description: body.name ?? plan.name },
      async (result) => {
        await plans.setSchedule(plan.userId, plan.planId, automationScheduleOf(body, result, now), now);
      },
    );
    await this.deps.audit.record({
      userId: identity.userId,
      actor: userActor(identity),
      action: 'plan.schedule',
      target: { type: 'plan', id: plan.planId },
      details: {
        expression: scheduled.expression,
        timezone: scheduled.timezone,
        schedule_type: body.schedule_type,
      },
    });
    return scheduled;
  }

  /**
   * Removes the plan's schedule: 404 if the plan has none, neither recorded nor on the
   * scheduler (one the table lost track of is still removed).
   */
  async unschedule(identity: Identity, planId: string): Promise<void> {
    const { plans, scheduling } = this.deps;
    const plan = await plans.require(identity.userId, planId);
    let removed = false;
    await scheduling.unschedule(planRef(plan), async (existed) => {
      removed = existed || plan.schedule !== undefined;
      if (plan.schedule) await plans.setSchedule(plan.userId, plan.planId, null, this.clock());
    });
    if (!removed) throw planScheduleNotFound();
    await this.deps.audit.record({
      userId: identity.userId,
      actor: userActor(identity),
      action: 'plan.unschedule',
      target: { type: 'plan', id: plan.planId },
    });
  }
}
