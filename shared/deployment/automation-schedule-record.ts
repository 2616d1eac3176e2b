/**
 * The table's record of a schedule (AutomationSchedule) and its JSON. The request's
 * schedule fields are kept as validated (defaults filled in, weekday names normalized),
 * so reading a trace or plan back shows the schedule the way it was asked for.
 */
import type { AutomationSchedule } from '../scheduling/automation-schedule';
import { nextFireTimes } from '../scheduling/schedule-expression';
import type { ScheduleSpecBody, ScheduleType } from '../scheduling/schedule-spec';
import type { ScheduledAutomation } from '../scheduling/scheduling-service';

export function automationScheduleOf(
  body: ScheduleSpecBody,
  scheduled: ScheduledAutomation,
  now: Date,
): AutomationSchedule {
  return {
    scheduleName: scheduled.scheduleName,
    type: body.schedule_type,
    time: body.schedule_time,
    config: { ...body.schedule_config },
    expression: scheduled.expression,
    timezone: scheduled.timezone,
    state: scheduled.state,
    scheduledAt: now.toISOString(),
  };
}

/** The stored request fields again, e.g. to recreate a schedule the scheduler lost. */
export function specBodyOf(schedule: AutomationSchedule): ScheduleSpecBody {
  return {
    schedule_type: schedule.type as ScheduleType,
    schedule_time: schedule.time,
    schedule_config: schedule.config as ScheduleSpecBody['schedule_config'],
  };
}

/** A schedule as the plan routes show it; `next_run` is computed, the scheduler is not asked. */
export function automationScheduleView(schedule: AutomationSchedule, now = new Date()) {
  // A rate counts from when it was set; the last (re)schedule is the table's best knowledge of that.
  const next =
    schedule.state === 'ENABLED'
      ? nextFireTimes(schedule.expression, schedule.timezone, now, 1, {
          createdAt: new Date(schedule.scheduledAt),
        })[0]
      : undefined;
  return {
    schedule_name: schedule.scheduleName,
    schedule_type: schedule.type,
    schedule_time: schedule.time,
    schedule_config: schedule.config,
    expression: schedule.expression,
    timezone: schedule.timezone,
    state: schedule.state,
    next_run: next ? next.toISOString() : null,
    scheduled_at: schedule.scheduledAt,
  };
}
