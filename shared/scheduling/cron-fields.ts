/**
 * EventBridge cron fields: `minutes hours day-of-month month day-of-week year`.
 * Parsed into explicit value sets, matched against local wall-clock times, and
 * translated to croner patterns. Day-of-week uses EventBridge numbering throughout
 * (1 = SUN ... 7 = SAT); only the croner translation converts to croner's 0 = SUN.
 */
import { daysInMonth, weekdayOf, type LocalTime } from './zoned-time';

export type DayOfMonthSpec =
  | { kind: 'unspecified' } // '?'
  | { kind: 'days'; days: number[] }
  | { kind: 'last' } // 'L'
  | { kind: 'lastWeekday' } // 'LW'
  | { kind: 'nearestWeekday'; day: number }; // '15W'

export type DayOfWeekSpec =
  | { kind: 'unspecified' } // '?'
  | { kind: 'days'; days: number[] } // 1 = SUN ... 7 = SAT
  | { kind: 'lastInMonth'; day: number } // '6L': the last Friday
  | { kind: 'nth'; day: number; nth: number }; // '6#3': the third Friday

export interface CronFields {
  minutes: number[];
  hours: number[];
  dayOfMonth: DayOfMonthSpec;
  months: number[];
  dayOfWeek: DayOfWeekSpec;
  years: number[];
}

/** Why a cron body is invalid; the expression module wraps it with the whole expression. */
export class CronSyntaxError extends Error {}

interface FieldSpec {
  label: string;
  min: number;
  max: number;
  /** Names for min, min+1, ... */
  names?: readonly string[];
}

const MINUTES: FieldSpec = { label: 'minutes', min: 0, max: 59 };
const HOURS: FieldSpec = { label: 'hours', min: 0, max: 23 };
const DAY_OF_MONTH: FieldSpec = { label: 'day-of-month', min: 1, max: 31 };
const MONTH: FieldSpec = {
  label: 'month',
  min: 1,
  max: 12,
  names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
};
const DAY_OF_WEEK: FieldSpec = {
  label: 'day-of-week',
  min: 1,
  max: 7,
  names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
};
const YEAR: FieldSpec = { label: 'year', min: 1970, max: 2199 };

function parseValue(token: string, spec: FieldSpec): number {
  const index = spec.names?.indexOf(token.toUpperCase()) ?? -1;
  if (index >= 0) return spec.min + index;
  if (!/^\d{1,4}$/.test(token)) throw new CronSyntaxError(`${spec.label} value '${token}' is not valid`);
  const value = Number(token);
  if (value < spec.min || value > spec.max) {
    throw new CronSyntaxError(`${spec.label} value ${value} is out of range ${spec.min}-${spec.max}`);
  }
  return value;
}

function parseStep(token: string, spec: FieldSpec): number {
  const span = spec.max - spec.min + 1;
  const step = /^\d{1,4}$/.test(token) ? Number(token) : NaN;
  if (!(step >= 1 && step <= span)) {
    throw new CronSyntaxError(`${spec.label} increment '${token}' must be a number from 1 to ${span}`);
  }
  return step;
}

/** `*`, `a`, `a-b`, with optional `/step`, comma-separated. */
function parseList(text: string, spec: FieldSpec): number[] {
  if (text === '?') {
    throw new CronSyntaxError(`'?' is only allowed in day-of-month or day-of-week, not in ${spec.label}`);
  }
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const [range = '', stepText, extra] = item.split('/');
    if (range === '' || extra !== undefined || stepText === '') {
      throw new CronSyntaxError(`${spec.label} field '${text}' is not valid`);
    }
    let start: number;
    let end: number;
    if (range === '*') {
      [start, end] = [spec.min, spec.max];
    } else if (range.includes('-')) {
      const [from = '', to = '', more] = range.split('-');
      if (more !== undefined) throw new CronSyntaxError(`${spec.label} range '${range}' is not valid`);
      [start, end] = [parseValue(from, spec), parseValue(to, spec)];
      if (start > end) throw new CronSyntaxError(`${spec.label} range '${range}' runs backwards`);
    } else {
      start = parseValue(range, spec);
      // `a/step` means "from a to the end of the range, every step".
      end = stepText === undefined ? start : spec.max;
    }
    const step = stepText === undefined ? 1 : parseStep(stepText, spec);
    for (let v = start; v <= end; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

function parseDayOfMonth(text: string): DayOfMonthSpec {
  const upper = text.toUpperCase();
  if (upper === '?') return { kind: 'unspecified' };
  if (upper === 'L') return { kind: 'last' };
  if (upper === 'LW') return { kind: 'lastWeekday' };
  const weekday = /^(\d{1,2})W$/.exec(upper);
  if (weekday?.[1] !== undefined)
    return { kind: 'nearestWeekday', day: parseValue(weekday[1], DAY_OF_MONTH) };
  if (/[LW]/.test(upper)) {
    throw new CronSyntaxError(`day-of-month '${text}': L and W must stand alone (L, LW or <day>W)`);
  }
  return { kind: 'days', days: parseList(text, DAY_OF_MONTH) };
}

function parseDayOfWeek(text: string): DayOfWeekSpec {
  const upper = text.toUpperCase();
  if (upper === '?') return { kind: 'unspecified' };
  // Alone, L is the last day of the week.
  if (upper === 'L') return { kind: 'days', days: [7] };
  const last = /^([A-Z]{3}|\d)L$/.exec(upper);
  if (last?.[1] !== undefined) return { kind: 'lastInMonth', day: parseValue(last[1], DAY_OF_WEEK) };
  const nth = /^([A-Z]{3}|\d)#(\d)$/.exec(upper);
  if (nth?.[1] !== undefined && nth[2] !== undefined) {
    const n = Number(nth[2]);
    if (n < 1 || n > 5) throw new CronSyntaxError(`day-of-week '${text}': the number after # must be 1-5`);
    return { kind: 'nth', day: parseValue(nth[1], DAY_OF_WEEK), nth: n };
  }
  if (/[L#]/.test(upper)) {
    throw new CronSyntaxError(`day-of-week '${text}': L and # must stand alone (L, <day>L or <day>#<n>)`);
  }
  return { kind: 'days', days: parseList(text, DAY_OF_WEEK) };
}

/** Parses the text between `cron(` and `)`. Throws CronSyntaxError. */
export function parseCronFields(body: string): CronFields {
  const parts = body.trim().split(/\s+/);
  if (parts.length !== 6) {
    throw new CronSyntaxError(
      `expected 6 fields (minutes hours day-of-month month day-of-week year), got ${body.trim() === '' ? 0 : parts.length}`,
    );
  }
  const [minutes = '', hours = '', dom = '', month = '', dow = '', year = ''] = parts;
  const dayOfMonth = parseDayOfMonth(dom);
  const dayOfWeek = parseDayOfWeek(dow);
  if (dayOfMonth.kind === 'unspecified' && dayOfWeek.kind === 'unspecified') {
    throw new CronSyntaxError("day-of-month and day-of-week cannot both be '?'; set one of them");
  }
  if (dayOfMonth.kind !== 'unspecified' && dayOfWeek.kind !== 'unspecified') {
    throw new CronSyntaxError("day-of-month and day-of-week cannot both be set; use '?' in one of them");
  }
  return {
    minutes: parseList(minutes, MINUTES),
    hours: parseList(hours, HOURS),
    dayOfMonth,
    months: parseList(month, MONTH),
    dayOfWeek,
    years: parseList(year, YEAR),
  };
}

/** The weekday nearest to `day` within the same month, or undefined if the month is too short. */
function nearestWeekday(year: number, month: number, day: number): number | undefined {
  const last = daysInMonth(year, month);
  if (day > last) return undefined;
  const weekday = weekdayOf(year, month, day);
  if (weekday === 6) return day === 1 ? 3 : day - 1;
  if (weekday === 0) return day === last ? day - 2 : day + 1;
  return day;
}

function matchesDayOfMonth(spec: DayOfMonthSpec, t: LocalTime): boolean {
  const last = daysInMonth(t.year, t.month);
  switch (spec.kind) {
    case 'unspecified':
      return true;
    case 'days':
      return spec.days.includes(t.day);
    case 'last':
      return t.day === last;
    case 'lastWeekday':
      return t.day === nearestWeekday(t.year, t.month, last);
    case 'nearestWeekday':
      return t.day === nearestWeekday(t.year, t.month, spec.day);
  }
}

function matchesDayOfWeek(spec: DayOfWeekSpec, t: LocalTime): boolean {
  const day = t.weekday + 1;
  switch (spec.kind) {
    case 'unspecified':
      return true;
    case 'days':
      return spec.days.includes(day);
    case 'lastInMonth':
      return day === spec.day && t.day + 7 > daysInMonth(t.year, t.month);
    case 'nth':
      return day === spec.day && Math.ceil(t.day / 7) === spec.nth;
  }
}

// Longest each month can be (February in leap years).
const MAX_MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when no selected month is long enough for the day-of-month (e.g. 30W in February). */
export function neverFires(fields: CronFields): boolean {
  const longest = Math.max(...fields.months.map((m) => MAX_MONTH_DAYS[m - 1] ?? 31));
  const dom = fields.dayOfMonth;
  if (dom.kind === 'nearestWeekday') return dom.day > longest;
  if (dom.kind === 'days') return dom.days.every((d) => d > longest);
  return false;
}

/** Whether a local wall-clock minute satisfies every field. */
export function matchesCron(fields: CronFields, t: LocalTime): boolean {
  return (
    fields.years.includes(t.year) &&
    fields.months.includes(t.month) &&
    fields.hours.includes(t.hour) &&
    fields.minutes.includes(t.minute) &&
    matchesDayOfMonth(fields.dayOfMonth, t) &&
    matchesDayOfWeek(fields.dayOfWeek, t)
  );
}

function list(values: number[], spec: FieldSpec): string {
  return values.length === spec.max - spec.min + 1 ? '*' : values.join(',');
}

function cronerDayOfMonth(spec: DayOfMonthSpec): string {
  switch (spec.kind) {
    case 'unspecified':
      return '*';
    case 'days':
      return list(spec.days, DAY_OF_MONTH);
    case 'last':
      return 'L';
    // croner has no W. Emit the days it can land on (the last weekday is on the 26th
    // or later; the nearest weekday is within two days); matchesCron picks the one.
    case 'lastWeekday':
      return '26-31';
    case 'nearestWeekday':
      return `${Math.max(1, spec.day - 2)}-${Math.min(31, spec.day + 2)}`;
  }
}

function cronerDayOfWeek(spec: DayOfWeekSpec): string {
  switch (spec.kind) {
    case 'unspecified':
      return '*';
    case 'days':
      return spec.days.length === 7 ? '*' : spec.days.map((d) => d - 1).join(',');
    case 'lastInMonth':
      return `${spec.day - 1}#L`;
    case 'nth':
      return `${spec.day - 1}#${spec.nth}`;
  }
}

/**
 * A croner pattern (seconds first, day-of-week 0 = SUN) that fires at least whenever the
 * EventBridge fields do. It is exact except for W and the year, which croner lacks;
 * callers confirm each run with matchesCron. Use it with croner's `legacyMode: false`
 * so the two day fields combine with AND, as they do on EventBridge.
 */
export function toCronerPattern(fields: CronFields): string {
  return [
    '0',
    list(fields.minutes, MINUTES),
    list(fields.hours, HOURS),
    cronerDayOfMonth(fields.dayOfMonth),
    list(fields.months, MONTH),
    cronerDayOfWeek(fields.dayOfWeek),
  ].join(' ');
}
