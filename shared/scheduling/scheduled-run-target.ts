/**
 * The automation a schedule fires, as the table has it now, and whether it should run.
 * Every read starts from the payload's user (USER#<uid>), so a payload naming someone
 * else's automation finds nothing, exactly like a deleted one.
 */
import type { PlanRecord, PlanRepository } from '../plans/plan-repository';
import type { PlanStep } from '../plans/plan-schema';
import type { TraceRecord } from '../traces/trace-types';
import type { TraceRepository } from '../traces/trace-repository';
import type { AutomationRef } from './schedule-names';

/** The table reads and writes scheduled execution needs. */
export interface AutomationStores {
  traces: Pick<TraceRepository, 'get' | 'update'>;
  plans: Pick<PlanRepository, 'get' | 'setSchedule'>;
}

/** Why a scheduled event ran nothing; each is a success, so nothing retries it. */
export type SkipReason =
  | 'trace_not_found'
  | 'trace_not_deployed'
  | 'plan_not_found'
  | 'plan_not_scheduled'
  | 'plan_schedule_disabled';

export type ScheduledTarget =
  | {
      active: true;
      kind: 'trace';
      record: TraceRecord;
      steps: PlanStep[];
      /** Changes on every deploy, pause, resume (and plan edit): the failure count starts after it. */
      updatedAt: string;
    }
  | { active: true; kind: 'plan'; record: PlanRecord; steps: PlanStep[]; updatedAt: string }
  | { active: false; reason: SkipReason; status?: string };

export async function findScheduledTarget(
  stores: AutomationStores,
  ref: AutomationRef,
): Promise<ScheduledTarget> {
  if (ref.kind === 'trace') {
    const trace = await stores.traces.get(ref.userId, ref.automationId);
    if (!trace) return { active: false, reason: 'trace_not_found' };
    if (trace.deploymentStatus !== 'deployed') {
      return { active: false, reason: 'trace_not_deployed', status: trace.deploymentStatus };
    }
    return { active: true, kind: 'trace', record: trace, steps: trace.steps, updatedAt: trace.updatedAt };
  }
  const plan = await stores.plans.get(ref.userId, ref.automationId);
  if (!plan) return { active: false, reason: 'plan_not_found' };
  if (!plan.schedule) return { active: false, reason: 'plan_not_scheduled' };
  if (plan.schedule.state === 'DISABLED') return { active: false, reason: 'plan_schedule_disabled' };
  return { active: true, kind: 'plan', record: plan, steps: plan.steps, updatedAt: plan.updatedAt };
}
