/**
 * Deleting a plan removes its schedule: a PlanDeletionHook for PlanService. The hook runs
 * before the plan item is deleted, so if the scheduler fails the plan stays (and the
 * delete is a 502) rather than a schedule firing for a plan that is gone.
 */
import type { PlanDeletionHook } from '../plans/plan-service';
import { defaultSchedulingService } from '../scheduling/scheduler-wiring';
import type { SchedulingService } from '../scheduling/scheduling-service';
import { planRef } from './plan-schedule-service';

/**
 * Only a plan with a recorded schedule calls the scheduler, so deleting an unscheduled
 * plan needs no scheduler at all; a schedule the table lost track of is the drift check's
 * to remove (`npm run admin -- reconcile --repair`).
 */
export function planScheduleDeletionHook(scheduling: () => SchedulingService): PlanDeletionHook {
  return async (plan) => {
    if (!plan.schedule) return;
    await scheduling().unschedule(planRef(plan));
  };
}

let cached: SchedulingService | undefined;

/** The hook on the function's own scheduling service, built on first use. */
export const removePlanSchedule: PlanDeletionHook = planScheduleDeletionHook(
  () => (cached ??= defaultSchedulingService()),
);
