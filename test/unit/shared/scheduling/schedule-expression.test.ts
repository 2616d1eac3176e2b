import { ValidationError } from '../../../../shared/errors';
import {
  InvalidTimezoneError,
  isValidTimezone,
  nextFireTimes,
  parseScheduleExpression,
  ScheduleExpressionError,
} from '../../../../shared/scheduling/schedule-expression';

describe('parseScheduleExpression', () => {
  it('parses a cron expression into explicit value sets', () => {
    expect(parseScheduleExpression('cron(0/15 9-17 ? JAN,jul MON-FRI 2026-2027)')).toEqual({
      kind: 'cron',
      fields: {
        minutes: [0, 15, 30, 45],
        hours: [9, 10, 11, 12, 13, 14, 15, 16, 17],
        dayOfMonth: { kind: 'unspecified' },
        months: [1, 7],
        dayOfWeek: { kind: 'days', days: [2, 3, 4, 5, 6] },
        years: [2026, 2027],
      },
    });
  });

  it.each([
    ['cron(0 9 L * ? *)', { kind: 'last' }],
    ['cron(0 9 LW * ? *)', { kind: 'lastWeekday' }],
    ['cron(0 9 15W * ? *)', { kind: 'nearestWeekday', day: 15 }],
    ['cron(0 9 1,15 * ? *)', { kind: 'days', days: [1, 15] }],
    ['cron(0 9 5/10 * ? *)', { kind: 'days', days: [5, 15, 25] }],
  ])('parses day-of-month in %s', (expression, dayOfMonth) => {
    const parsed = parseScheduleExpression(expression);
    expect(parsed.kind === 'cron' && parsed.fields.dayOfMonth).toEqual(dayOfMonth);
  });

  it.each([
    ['cron(0 9 ? * SUN *)', { kind: 'days', days: [1] }],
    ['cron(0 9 ? * 7 *)', { kind: 'days', days: [7] }],
    ['cron(0 9 ? * L *)', { kind: 'days', days: [7] }],
    ['cron(0 9 ? * 6L *)', { kind: 'lastInMonth', day: 6 }],
    ['cron(0 9 ? * FRIL *)', { kind: 'lastInMonth', day: 6 }],
    ['cron(0 9 ? * 6#3 *)', { kind: 'nth', day: 6, nth: 3 }],
    ['cron(0 9 ? * fri#3 *)', { kind: 'nth', day: 6, nth: 3 }],
  ])('parses day-of-week in %s', (expression, dayOfWeek) => {
    const parsed = parseScheduleExpression(expression);
    expect(parsed.kind === 'cron' && parsed.fields.dayOfWeek).toEqual(dayOfWeek);
  });

  it.each([
    ['rate(1 minute)', { kind: 'rate', value: 1, unit: 'minute' }],
    ['rate(15 minutes)', { kind: 'rate', value: 15, unit: 'minutes' }],
    ['rate(1 hour)', { kind: 'rate', value: 1, unit: 'hour' }],
    ['rate(7 days)', { kind: 'rate', value: 7, unit: 'days' }],
    ['at(2026-12-01T09:00:00)', { kind: 'at', localDateTime: '2026-12-01T09:00:00' }],
    ['at(2028-02-29T23:59:59)', { kind: 'at', localDateTime: '2028-02-29T23:59:59' }],
  ])('parses %s', (expression, parsed) => {
    expect(parseScheduleExpression(expression)).toEqual(parsed);
  });

  it.each([
    ['', 'expression is empty'],
    ['every 5 minutes', 'expected cron(...), rate(...) or at(...)'],
    ['CRON(0 9 * * ? *)', 'expected cron(...), rate(...) or at(...)'],
    ['cron(0 9 * * ? *) ', 'expected cron(...), rate(...) or at(...)'],
    ['cron(0 9 * * ?)', 'expected 6 fields (minutes hours day-of-month month day-of-week year), got 5'],
    ['cron(0 0 9 * * ? *)', 'expected 6 fields (minutes hours day-of-month month day-of-week year), got 7'],
    ['cron()', 'got 0'],
    ['cron(0 9 * * MON *)', "day-of-month and day-of-week cannot both be set; use '?' in one of them"],
    ['cron(0 9 * * * *)', 'cannot both be set'],
    ['cron(0 9 ? * ? *)', "day-of-month and day-of-week cannot both be '?'"],
    ['cron(60 9 * * ? *)', 'minutes value 60 is out of range 0-59'],
    ['cron(0 24 * * ? *)', 'hours value 24 is out of range 0-23'],
    ['cron(0 9 0 * ? *)', 'day-of-month value 0 is out of range 1-31'],
    ['cron(0 9 32 * ? *)', 'day-of-month value 32 is out of range 1-31'],
    ['cron(0 9 ? 13 MON *)', 'month value 13 is out of range 1-12'],
    ['cron(0 9 ? FOO MON *)', "month value 'FOO' is not valid"],
    ['cron(0 9 ? * 0 *)', 'day-of-week value 0 is out of range 1-7'],
    ['cron(0 9 ? * 8 *)', 'day-of-week value 8 is out of range 1-7'],
    ['cron(0 9 ? * MON-XYZ *)', "day-of-week value 'XYZ' is not valid"],
    ['cron(0 9 * * ? 1969)', 'year value 1969 is out of range 1970-2199'],
    ['cron(0 9 * * ? 2200)', 'year value 2200 is out of range 1970-2199'],
    ['cron(0 9 ? * 6#6 *)', 'the number after # must be 1-5'],
    ['cron(0 9 ? * 6#3,2 *)', 'L and # must stand alone'],
    ['cron(0 9 L,15 * ? *)', 'L and W must stand alone'],
    ['cron(0 9 32W * ? *)', 'day-of-month value 32 is out of range 1-31'],
    ['cron(0 ? * * ? *)', "'?' is only allowed in day-of-month or day-of-week, not in hours"],
    ['cron(0 9 10-5 * ? *)', "day-of-month range '10-5' runs backwards"],
    ['cron(0/0 9 * * ? *)', "minutes increment '0' must be a number from 1 to 60"],
    ['cron(0,,5 9 * * ? *)', "minutes field '0,,5' is not valid"],
    ['cron(1-2-3 9 * * ? *)', "minutes range '1-2-3' is not valid"],
    ['cron(-5 9 * * ? *)', "minutes value '' is not valid"],
    ['rate(1 hours)', "use 'hour' for 1"],
    ['rate(5 hour)', "use 'hours' for 5"],
    ['rate(0 minutes)', 'value must be a positive integer'],
    ['rate(5 seconds)', "unit must be minute(s), hour(s) or day(s), not 'seconds'"],
    ['rate(five minutes)', "expected 'rate(<value> <unit>)'"],
    ['rate(5minutes)', "expected 'rate(<value> <unit>)'"],
    ['at(2026-02-30T09:00:00)', 'expected at(yyyy-mm-ddThh:mm:ss) with a real date and time'],
    ['at(2026-12-01T24:00:00)', 'with a real date and time'],
    ['at(2026-12-01 09:00:00)', 'with a real date and time'],
    ['at(2026-12-01T09:00:00Z)', 'with a real date and time'],
    [`cron(${'0,'.repeat(130)}0 9 * * ? *)`, 'longer than 256 characters'],
  ])('rejects %j: %s', (expression, reason) => {
    let error: unknown;
    try {
      parseScheduleExpression(expression);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ScheduleExpressionError);
    expect(error).toBeInstanceOf(ValidationError);
    const e = error as ScheduleExpressionError;
    expect(e.statusCode).toBe(400);
    expect(e.reason).toContain(reason);
    expect(e.message).toContain(`Invalid schedule expression '${expression.slice(0, 256)}'`);
  });
});

describe('isValidTimezone', () => {
  it.each(['UTC', 'Europe/Berlin', 'America/New_York', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5'])(
    'accepts %s',
    (tz) => expect(isValidTimezone(tz)).toBe(true),
  );

  it.each(['', 'Mars/Olympus_Mons', 'Europe/', '+01:00', 'UTC+1', 'America/New York', 42, undefined])(
    'rejects %j',
    (tz) => expect(isValidTimezone(tz)).toBe(false),
  );

  it('is enforced by nextFireTimes', () => {
    expect(() => nextFireTimes('rate(1 hour)', 'Nowhere/City', new Date(), 1)).toThrow(InvalidTimezoneError);
  });
});
