/**
 * The schedule body shared by `POST /automation/deploy` and
 * `POST /api/execution-plans/{plan_id}/schedule` (seed 004):
 *
 *   { schedule_type: daily|weekly|monthly|custom, schedule_time: "HH:MM",
 *     schedule_config: { days, day_of_month, customInterval, timezone } }
 *
 * validated with zod (every issue names its field, so a 400 says which one is wrong) and
 * turned into an EventBridge Scheduler expression plus its IANA time zone.
 *
 * Decisions where the seed is loose:
 * - `custom` reads its interval from `schedule_config.customInterval`, or else from
 *   `schedule_time` (the seed's own custom example carries "Every 2 hours" in both).
 *   When both are given, `schedule_time` must be the same interval or a plain HH:MM,
 *   which custom schedules ignore.
 * - An interval is "Every N minutes|hours|days" (N may be omitted for 1), a raw
 *   `cron(...)` or `rate(...)`, or a one-time `at(yyyy-mm-ddThh:mm:ss)` in the time zone.
 * - Fields that do not apply to the type (days on a daily schedule) are ignored, but a
 *   field that is none of the above is refused (400 naming it), as on every other route.
 * - `timezone` defaults to UTC.
 */
import * as z from 'zod';
import { nextFireTimes, parseScheduleExpression, ScheduleExpressionError } from './schedule-expression';
import { isValidTimezone } from './zoned-time';

export const SCHEDULE_TYPES = ['daily', 'weekly', 'monthly', 'custom'] as const;
export type ScheduleType = (typeof SCHEDULE_TYPES)[number];

/** In EventBridge day-of-week order: index + 1 is the cron number (SUN = 1 ... SAT = 7). */
export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const DEFAULT_TIMEZONE = 'UTC';

/** The normalized schedule: what the expression is built from. */
export type ScheduleSpec =
  | { type: 'daily'; time: string; timezone: string }
  | { type: 'weekly'; time: string; days: Weekday[]; timezone: string }
  | { type: 'monthly'; time: string; dayOfMonth: number | 'last'; timezone: string }
  | { type: 'custom'; interval: string; timezone: string };

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const EVERY = /^every\s+(?:(\d{1,6})\s+)?(minute|minutes|hour|hours|day|days)$/i;
const RAW_EXPRESSION = /^(cron|rate|at)\(/;

const weekdayOf = (name: string): Weekday | undefined =>
  WEEKDAYS.find((day) => day.toLowerCase() === name.trim().toLowerCase());

/**
 * An interval as an EventBridge expression: "Every 2 hours" => rate(2 hours),
 * "Every day" => rate(1 day); cron/rate/at expressions pass through. Throws
 * ScheduleExpressionError with the reason.
 */
export function intervalExpression(interval: string): string {
  const text = interval.trim();
  const every = EVERY.exec(text);
  if (every) {
    const value = every[1] === undefined ? 1 : Number(every[1]);
    const unit = (every[2] as string).toLowerCase().replace(/s$/, '');
    const expression = `rate(${value} ${value === 1 ? unit : `${unit}s`})`;
    parseScheduleExpression(expression);
    return expression;
  }
  if (RAW_EXPRESSION.test(text)) {
    parseScheduleExpression(text);
    return text;
  }
  throw new ScheduleExpressionError(
    text,
    "expected 'Every N minutes|hours|days', cron(...), rate(...) or at(yyyy-mm-ddThh:mm:ss)",
  );
}

/** `cron(minutes hours day-of-month month day-of-week year)`; exactly one day field is `?`. */
export function scheduleExpression(spec: ScheduleSpec): string {
  if (spec.type === 'custom') return intervalExpression(spec.interval);
  const [hours, minutes] = spec.time.split(':').map(Number) as [number, number];
  switch (spec.type) {
    case 'daily':
      return `cron(${minutes} ${hours} * * ? *)`;
    case 'weekly': {
      const numbers = [...new Set(spec.days.map((day) => WEEKDAYS.indexOf(day) + 1))].sort((a, b) => a - b);
      return `cron(${minutes} ${hours} ? * ${numbers.join(',')} *)`;
    }
    case 'monthly':
      // Day 29-31 simply does not fire in months without it, as EventBridge cron does; `last` is L.
      return `cron(${minutes} ${hours} ${spec.dayOfMonth === 'last' ? 'L' : spec.dayOfMonth} * ? *)`;
  }
}

const DayOfMonth = z.union([z.number(), z.string()]);

const ScheduleConfig = z.strictObject({
  timezone: z.string().optional(),
  days: z.array(z.string()).optional(),
  day_of_month: DayOfMonth.optional(),
  customInterval: z.string().optional(),
});

/** The schedule fields of a request body; spread into an endpoint's own body shape. */
export const scheduleSpecShape = {
  schedule_type: z.enum(SCHEDULE_TYPES, { error: `must be one of ${SCHEDULE_TYPES.join(', ')}` }),
  schedule_time: z.string().max(256).optional(),
  schedule_config: ScheduleConfig.optional(),
};

type SpecFields = {
  schedule_type: ScheduleType;
  schedule_time?: string | undefined;
  schedule_config?: z.infer<typeof ScheduleConfig> | undefined;
};

/** The body fields after validation: defaults filled in and names normalized, as they are stored. */
export interface ScheduleSpecBody {
  schedule_type: ScheduleType;
  schedule_time: string;
  schedule_config: {
    timezone: string;
    days?: Weekday[];
    day_of_month?: number | 'last';
    customInterval?: string;
  };
}

function parseDayOfMonth(value: number | string): number | 'last' | undefined {
  if (typeof value === 'string' && value.trim().toLowerCase() === 'last') return 'last';
  const n = typeof value === 'number' ? value : /^\d{1,2}$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 31 ? n : undefined;
}

type Issue = { path: (string | number)[]; message: string };

function checkTime(fields: SpecFields, issues: Issue[]): string | undefined {
  const time = fields.schedule_time;
  if (time === undefined) issues.push({ path: ['schedule_time'], message: 'is required (HH:MM)' });
  else if (!HH_MM.test(time)) {
    issues.push({ path: ['schedule_time'], message: 'must be HH:MM in 24-hour time, 00:00 to 23:59' });
  } else return time;
  return undefined;
}

function checkDays(days: string[] | undefined, issues: Issue[]): Weekday[] | undefined {
  if (!days || days.length === 0) {
    issues.push({ path: ['schedule_config', 'days'], message: 'must list at least one day for weekly' });
    return undefined;
  }
  const out: Weekday[] = [];
  days.forEach((name, i) => {
    const day = weekdayOf(name);
    if (day) {
      if (!out.includes(day)) out.push(day);
    } else {
      issues.push({
        path: ['schedule_config', 'days', i],
        message: `must be a full weekday name (${WEEKDAYS.join(', ')})`,
      });
    }
  });
  return out.sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
}

function checkInterval(
  fields: SpecFields,
  timezone: string,
  issues: Issue[],
  now: Date | undefined,
): string | undefined {
  const configured = fields.schedule_config?.customInterval?.trim();
  const time = fields.schedule_time?.trim();
  const fromTime = configured === undefined || configured === '';
  const interval = fromTime ? time : configured;
  const path = fromTime ? ['schedule_time'] : ['schedule_config', 'customInterval'];
  if (interval === undefined || interval === '') {
    issues.push({
      path: ['schedule_config', 'customInterval'],
      message: "is required for custom: 'Every N minutes|hours|days', cron(...) or rate(...)",
    });
    return undefined;
  }
  if (!fromTime && time !== undefined && time !== interval && !HH_MM.test(time)) {
    issues.push({ path: ['schedule_time'], message: 'contradicts schedule_config.customInterval' });
  }
  let expression: string;
  try {
    expression = intervalExpression(interval);
  } catch (err) {
    issues.push({ path, message: err instanceof ScheduleExpressionError ? err.reason : String(err) });
    return undefined;
  }
  if (now && nextFireTimes(expression, timezone, now, 1).length === 0) {
    issues.push({ path, message: 'never fires (a date that does not exist, or a time in the past)' });
    return undefined;
  }
  return interval;
}

/**
 * Cross-field checks; each issue carries the path of the field it is about. With `now`,
 * an interval that would never fire after it (a past at(), cron on 30 February) is an issue.
 */
function analyze(fields: SpecFields, now?: Date): { issues: Issue[]; spec?: ScheduleSpec } {
  const issues: Issue[] = [];
  const config = fields.schedule_config ?? {};
  let timezone = config.timezone ?? DEFAULT_TIMEZONE;
  if (!isValidTimezone(timezone)) {
    issues.push({
      path: ['schedule_config', 'timezone'],
      message: 'must be an IANA time zone name such as America/New_York or UTC',
    });
    // The other fields are still checked, so every problem is listed at once; whether an
    // interval ever fires depends on the zone, so that check waits for a valid one.
    timezone = DEFAULT_TIMEZONE;
    now = undefined;
  }
  let spec: ScheduleSpec | undefined;
  if (fields.schedule_type === 'custom') {
    const interval = checkInterval(fields, timezone, issues, now);
    if (interval !== undefined) spec = { type: 'custom', interval, timezone };
  } else {
    const time = checkTime(fields, issues);
    if (fields.schedule_type === 'daily') {
      if (time) spec = { type: 'daily', time, timezone };
    } else if (fields.schedule_type === 'weekly') {
      const days = checkDays(config.days, issues);
      if (time && days) spec = { type: 'weekly', time, days, timezone };
    } else {
      const dayOfMonth = config.day_of_month === undefined ? undefined : parseDayOfMonth(config.day_of_month);
      if (dayOfMonth === undefined) {
        issues.push({
          path: ['schedule_config', 'day_of_month'],
          message:
            config.day_of_month === undefined
              ? 'is required for monthly: a whole number from 1 to 31, or "last"'
              : 'must be a whole number from 1 to 31, or "last"',
        });
      } else if (time) spec = { type: 'monthly', time, dayOfMonth, timezone };
    }
  }
  return issues.length ? { issues } : { issues, spec };
}

/** The normalized spec of an already validated (or stored) body. */
export function specFromBody(body: ScheduleSpecBody): ScheduleSpec {
  const { spec, issues } = analyze(body);
  if (!spec) throw new Error(`Unvalidated schedule body: ${issues.map((i) => i.path.join('.')).join(', ')}`);
  return spec;
}

function toBody(fields: SpecFields, spec: ScheduleSpec): ScheduleSpecBody {
  const config: ScheduleSpecBody['schedule_config'] = { timezone: spec.timezone };
  if (spec.type === 'weekly') config.days = spec.days;
  if (spec.type === 'monthly') config.day_of_month = spec.dayOfMonth;
  if (spec.type === 'custom' && fields.schedule_config?.customInterval !== undefined) {
    config.customInterval = spec.interval;
  }
  const time = spec.type === 'custom' ? (fields.schedule_time ?? spec.interval) : spec.time;
  return { schedule_type: spec.type, schedule_time: time, schedule_config: config };
}

/**
 * A body schema with the schedule fields plus an endpoint's own fields, e.g.
 * `withScheduleSpec({ trace_id: z.string(), name: z.string().optional() })`.
 * The output's schedule fields are a ScheduleSpecBody.
 */
export function withScheduleSpec<S extends z.ZodRawShape>(shape: S) {
  const crossFieldChecks = z.superRefine<Record<string, unknown>>(
    (value, ctx) => {
      for (const issue of analyze(value as SpecFields, new Date()).issues)
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    },
    // Also when the endpoint's own fields (or an unknown key) failed, so one answer lists
    // every problem; not when a schedule field itself has the wrong type.
    { when: ({ issues }) => !issues.some((issue) => String(issue.path?.[0]) in scheduleSpecShape) },
  );
  return z
    .strictObject({ ...shape, ...scheduleSpecShape })
    .check(crossFieldChecks)
    .transform((value, ctx) => {
      const fields = value as SpecFields;
      // Checked again with a later `now`: an at() due in between has become a past time.
      const { spec, issues } = analyze(fields, new Date());
      for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      type Out = Omit<typeof value, keyof SpecFields> & ScheduleSpecBody;
      return spec ? ({ ...value, ...toBody(fields, spec) } as Out) : z.NEVER;
    });
}

/** The schedule fields alone. */
export const ScheduleSpecSchema = withScheduleSpec({});
