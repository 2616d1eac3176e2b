/**
 * What the table records about an automation's schedule, on the trace or plan item it
 * belongs to. The table is the source of truth the drift check compares the scheduler
 * with, and what list routes read, so they never call the scheduler for it.
 */
import type { ScheduleState } from './scheduler-port';
import type { ScheduleType } from './schedule-spec';

export interface AutomationSchedule {
  scheduleName: string;
  /** The request's own fields, returned as given: `schedule_type`, `schedule_time`, `schedule_config`. */
  type: ScheduleType;
  time: string;
  config: Record<string, unknown>;
  /** What they became on the scheduler. */
  expression: string;
  timezone: string;
  state: ScheduleState;
  /** When this schedule was last set (deploy or reschedule). */
  scheduledAt: string;
}
