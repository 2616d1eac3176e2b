/**
 * EventBridge Scheduler expressions: `cron(...)`, `rate(...)` and `at(...)`, evaluated in
 * an IANA time zone. Used by the deploy API (validation, `next_run`) and by the local
 * scheduler, so both agree with what EventBridge accepts and when it fires.
 *
 * Cron calendars are walked by croner (after translating the fields, see cron-fields.ts);
 * the time-zone and DST rules are applied here, because croner's own handling differs
 * from EventBridge's (it moves a skipped 02:30 to 03:30, and picks either occurrence of a
 * repeated time depending on the zone).
 */
import { Cron } from 'croner';
import { ValidationError } from '../errors';
import {
  CronSyntaxError,
  matchesCron,
  neverFires,
  parseCronFields,
  toCronerPattern,
  type CronFields,
} from './cron-fields';
import { isValidTimezone, localTime, wallTimeToInstants, type LocalTime, type WallTime } from './zoned-time';

export { isValidTimezone } from './zoned-time';
export { toCronerPattern, type CronFields, type DayOfMonthSpec, type DayOfWeekSpec } from './cron-fields';

export type RateUnit = 'minute' | 'minutes' | 'hour' | 'hours' | 'day' | 'days';

export type ScheduleExpression =
  | { kind: 'cron'; fields: CronFields }
  | { kind: 'rate'; value: number; unit: RateUnit }
  /** `yyyy-mm-ddThh:mm:ss`, a wall-clock time in the schedule's time zone. */
  | { kind: 'at'; localDateTime: string };

/** EventBridge's ScheduleExpression limit. */
export const MAX_EXPRESSION_LENGTH = 256;
/** Upper bound for one nextFireTimes call, so a caller cannot ask for unbounded work. */
export const MAX_FIRE_TIMES = 1000;

export class ScheduleExpressionError extends ValidationError {
  constructor(
    readonly expression: string,
    readonly reason: string,
  ) {
    super(`Invalid schedule expression '${expression.slice(0, MAX_EXPRESSION_LENGTH)}': ${reason}`, {
      expression: expression.slice(0, MAX_EXPRESSION_LENGTH),
      reason,
    });
  }
}

export class InvalidTimezoneError extends ValidationError {
  constructor(readonly timezone: string) {
    super(
      `Invalid time zone '${String(timezone).slice(0, 64)}': expected an IANA name such as Europe/Berlin`,
      {
        timezone: String(timezone).slice(0, 64),
      },
    );
  }
}

const RATE_MS: Record<RateUnit, number> = {
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  // EventBridge counts a day as 24 hours, so rate(1 day) drifts against local time across DST.
  day: 86_400_000,
  days: 86_400_000,
};

function parseRate(expression: string, body: string): ScheduleExpression {
  const match = /^(\d+) ([a-z]+)$/.exec(body);
  if (!match?.[1] || !match[2]) {
    throw new ScheduleExpressionError(expression, "expected 'rate(<value> <unit>)', e.g. rate(5 minutes)");
  }
  const value = Number(match[1]);
  const unit = match[2];
  if (!(unit in RATE_MS)) {
    throw new ScheduleExpressionError(expression, `unit must be minute(s), hour(s) or day(s), not '${unit}'`);
  }
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ScheduleExpressionError(expression, 'value must be a positive integer');
  }
  const plural = unit.endsWith('s');
  if (value === 1 && plural)
    throw new ScheduleExpressionError(expression, `use '${unit.slice(0, -1)}' for 1`);
  if (value > 1 && !plural) throw new ScheduleExpressionError(expression, `use '${unit}s' for ${value}`);
  return { kind: 'rate', value, unit: unit as RateUnit };
}

function parseAtWall(localDateTime: string): WallTime | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(localDateTime);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const probe = new Date(Date.UTC(year, month - 1, day));
  const realDate =
    probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  if (!realDate || hour > 23 || minute > 59 || second > 59) return undefined;
  return { year, month, day, hour, minute, second };
}

/** Parses and validates an expression; throws ScheduleExpressionError saying what is wrong. */
export function parseScheduleExpression(expression: string): ScheduleExpression {
  if (typeof expression !== 'string' || expression.length === 0) {
    throw new ScheduleExpressionError(String(expression ?? ''), 'expression is empty');
  }
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    throw new ScheduleExpressionError(expression, `longer than ${MAX_EXPRESSION_LENGTH} characters`);
  }
  const match = /^(cron|rate|at)\((.*)\)$/s.exec(expression);
  if (!match?.[1] || match[2] === undefined) {
    throw new ScheduleExpressionError(expression, 'expected cron(...), rate(...) or at(...)');
  }
  const body = match[2];
  switch (match[1]) {
    case 'rate':
      return parseRate(expression, body);
    case 'at':
      if (!parseAtWall(body)) {
        throw new ScheduleExpressionError(
          expression,
          'expected at(yyyy-mm-ddThh:mm:ss) with a real date and time',
        );
      }
      return { kind: 'at', localDateTime: body };
    default:
      try {
        return { kind: 'cron', fields: parseCronFields(body) };
      } catch (err) {
        if (err instanceof CronSyntaxError) throw new ScheduleExpressionError(expression, err.message);
        throw err;
      }
  }
}

export interface FireTimeOptions {
  /** When the schedule was created: rate schedules count from here unless startDate is set. Defaults to `from`. */
  createdAt?: Date;
  /** No fire before this instant (ignored by at(), as on EventBridge). */
  startDate?: Date;
  /** No fire after this instant (ignored by at(), as on EventBridge). */
  endDate?: Date;
}

/**
 * The next `count` fire times strictly after `from`, earliest first.
 *
 * - cron: wall-clock times in `timezone`. A time skipped by a spring-forward change does
 *   not fire that day; a time repeated by a fall-back change fires once, at its first
 *   occurrence (EventBridge Scheduler's documented DST behaviour).
 * - rate: every value×unit from startDate, else createdAt (EventBridge starts a rate
 *   schedule when it is created), in fixed milliseconds.
 * - at: once, at that wall-clock time; nothing if it is past or falls in a DST gap.
 */
export function nextFireTimes(
  expression: string | ScheduleExpression,
  timezone: string,
  from: Date,
  count: number,
  options: FireTimeOptions = {},
): Date[] {
  const parsed = typeof expression === 'string' ? parseScheduleExpression(expression) : expression;
  if (!isValidTimezone(timezone)) throw new InvalidTimezoneError(timezone);
  if (!Number.isInteger(count) || count > MAX_FIRE_TIMES) {
    throw new RangeError(`count must be an integer up to ${MAX_FIRE_TIMES}`);
  }
  if (count <= 0) return [];
  switch (parsed.kind) {
    case 'at':
      return atFireTime(parsed.localDateTime, timezone, from);
    case 'rate':
      return rateFireTimes(RATE_MS[parsed.unit] * parsed.value, from, count, options);
    case 'cron':
      return cronFireTimes(parsed.fields, timezone, from, count, options);
  }
}

function atFireTime(localDateTime: string, timezone: string, from: Date): Date[] {
  const wall = parseAtWall(localDateTime);
  const first = wall ? wallTimeToInstants(wall, timezone)[0] : undefined;
  return first !== undefined && first > from.getTime() ? [new Date(first)] : [];
}

function rateFireTimes(periodMs: number, from: Date, count: number, options: FireTimeOptions): Date[] {
  const anchor = (options.startDate ?? options.createdAt ?? from).getTime();
  const after = from.getTime();
  const end = options.endDate?.getTime() ?? Infinity;
  let k = after < anchor ? 0 : Math.floor((after - anchor) / periodMs) + 1;
  const times: Date[] = [];
  for (; times.length < count; k++) {
    const t = anchor + k * periodMs;
    if (t > end) break;
    times.push(new Date(t));
  }
  return times;
}

// Candidates that croner proposes but the fields reject are only W's neighbouring days and
// whole unlisted years (skipped in one jump), so this bound is a safety net, not a limit.
const MAX_CANDIDATES = 100_000;

/** A wall-clock time as a "floating" UTC instant, the timeline croner enumerates on. */
function floating(instant: number, timezone: string): number {
  const t = localTime(instant, timezone);
  return Date.UTC(
    t.year,
    t.month - 1,
    t.day,
    t.hour,
    t.minute,
    t.second,
    new Date(instant).getUTCMilliseconds(),
  );
}

function wallOf(floatingTime: Date): LocalTime {
  return {
    year: floatingTime.getUTCFullYear(),
    month: floatingTime.getUTCMonth() + 1,
    day: floatingTime.getUTCDate(),
    hour: floatingTime.getUTCHours(),
    minute: floatingTime.getUTCMinutes(),
    second: floatingTime.getUTCSeconds(),
    weekday: floatingTime.getUTCDay(),
  };
}

/**
 * Croner walks local wall-clock time (as floating UTC, where no DST exists) and each
 * matching wall time is then placed in the zone: none in a spring-forward gap, the first
 * of two in a fall-back overlap. First occurrences rise with wall time, so the results
 * stay in order and `end` can stop the walk.
 */
function cronFireTimes(
  fields: CronFields,
  timezone: string,
  from: Date,
  count: number,
  options: FireTimeOptions,
): Date[] {
  if (neverFires(fields)) return [];
  const cron = new Cron(toCronerPattern(fields), { utcOffset: 0, legacyMode: false });
  const lastYear = fields.years[fields.years.length - 1] ?? 0;
  const floor = Math.max(from.getTime(), (options.startDate?.getTime() ?? -Infinity) - 1);
  const end = options.endDate?.getTime() ?? Infinity;
  const times: Date[] = [];
  let cursor = floating(floor, timezone);
  for (let i = 0; i < MAX_CANDIDATES && times.length < count; i++) {
    const year = new Date(cursor).getUTCFullYear();
    const allowedYear = fields.years.find((y) => y >= year);
    if (allowedYear === undefined) break;
    if (allowedYear > year) cursor = Date.UTC(allowedYear, 0, 1) - 1;
    const next = cron.nextRun(new Date(cursor));
    if (!next) break;
    cursor = next.getTime();
    const wall = wallOf(next);
    if (wall.year > lastYear) break;
    if (!matchesCron(fields, wall)) continue;
    const first = wallTimeToInstants(wall, timezone)[0];
    // No instant: the wall time falls in a spring-forward gap and does not fire that day.
    // At or before `floor`: the first of two occurrences has already fired.
    if (first === undefined || first <= floor) continue;
    if (first > end) break;
    times.push(new Date(first));
  }
  return times;
}
