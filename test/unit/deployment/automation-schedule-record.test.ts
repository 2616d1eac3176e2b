import {
  automationScheduleOf,
  automationScheduleView,
  specBodyOf,
} from '../../../shared/deployment/automation-schedule-record';
import { planView } from '../../../shared/plans/plan-service';
import { ScheduleSpecSchema, specFromBody } from '../../../shared/scheduling/schedule-spec';
import type { ScheduledAutomation } from '../../../shared/scheduling/scheduling-service';

const scheduled = (expression: string, timezone: string): ScheduledAutomation => ({
  kind: 'plan',
  automationId: 'plan_1',
  userId: 'u',
  scheduleName: 'uabc.plan.plan_1',
  expression,
  timezone,
  state: 'ENABLED',
  nextRun: null,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
});

describe('automation schedule records', () => {
  it('keeps the validated request fields and what they became, and gives them back', () => {
    const body = ScheduleSpecSchema.parse({
      schedule_type: 'weekly',
      schedule_time: '09:00',
      schedule_config: { days: ['friday', 'Monday'], timezone: 'America/New_York' },
    });
    const record = automationScheduleOf(
      body,
      scheduled('cron(0 9 ? * 2,6 *)', 'America/New_York'),
      new Date('2026-03-02T10:00:00Z'),
    );
    expect(record).toEqual({
      scheduleName: 'uabc.plan.plan_1',
      type: 'weekly',
      time: '09:00',
      config: { days: ['Monday', 'Friday'], timezone: 'America/New_York' },
      expression: 'cron(0 9 ? * 2,6 *)',
      timezone: 'America/New_York',
      state: 'ENABLED',
      scheduledAt: '2026-03-02T10:00:00.000Z',
    });
    expect(specFromBody(specBodyOf(record))).toEqual(specFromBody(body));
  });

  it('views: next_run from the expression in its zone, null while disabled; rates count from scheduledAt', () => {
    const body = ScheduleSpecSchema.parse({ schedule_type: 'daily', schedule_time: '09:00' });
    const record = automationScheduleOf(
      body,
      scheduled('cron(0 9 * * ? *)', 'America/New_York'),
      new Date('2026-03-07T00:00:00Z'),
    );
    // 8 March 2026: US clocks spring forward, so 09:00 New York is 13:00 UTC from then on.
    expect(automationScheduleView(record, new Date('2026-03-08T12:00:00Z'))).toMatchObject({
      schedule_type: 'daily',
      schedule_time: '09:00',
      schedule_config: { timezone: 'UTC' },
      next_run: '2026-03-08T13:00:00.000Z',
    });
    expect(automationScheduleView({ ...record, state: 'DISABLED' }).next_run).toBeNull();
    const rate = {
      ...record,
      expression: 'rate(2 hours)',
      timezone: 'UTC',
      scheduledAt: '2026-03-01T00:30:00.000Z',
    };
    expect(automationScheduleView(rate, new Date('2026-03-01T05:00:00Z')).next_run).toBe(
      '2026-03-01T06:30:00.000Z',
    );
  });

  it('a plan shows its schedule only once it has one', () => {
    const plan = { planId: 'p', userId: 'u', name: 'n', steps: [], createdAt: 'c', updatedAt: 'u' };
    expect(planView(plan)).not.toHaveProperty('schedule');
    const schedule = automationScheduleOf(
      ScheduleSpecSchema.parse({ schedule_type: 'daily', schedule_time: '09:00' }),
      scheduled('cron(0 9 * * ? *)', 'UTC'),
      new Date(),
    );
    expect(planView({ ...plan, schedule }).schedule).toMatchObject({ expression: 'cron(0 9 * * ? *)' });
  });
});
