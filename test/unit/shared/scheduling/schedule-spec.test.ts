import * as z from 'zod';
import { ValidationError } from '../../../../shared/errors';
import { validateParts } from '../../../../shared/http/request';
import { nextFireTimes } from '../../../../shared/scheduling/schedule-expression';
import {
  intervalExpression,
  scheduleExpression,
  ScheduleSpecSchema,
  specFromBody,
  withScheduleSpec,
} from '../../../../shared/scheduling/schedule-spec';

interface Case {
  name: string;
  body: unknown;
  expression: string;
  from: string;
  next5: string[];
}

/** The body as the API receives it, through to the expression and its next five fire times. */
function fireTimes(body: unknown, from: string): { expression: string; next: string[] } {
  const parsed = ScheduleSpecSchema.parse(body);
  const spec = specFromBody(parsed);
  const expression = scheduleExpression(spec);
  const next = nextFireTimes(expression, spec.timezone, new Date(from), 5, { createdAt: new Date(from) });
  return { expression, next: next.map((d) => d.toISOString()) };
}

// 2026 in America/New_York: 2026-03-08 02:00 EST jumps to 03:00 EDT (UTC-5 -> UTC-4);
// 2026-11-01 02:00 EDT falls back to 01:00 EST, so 01:00-01:59 happens twice.
const cases: Case[] = [
  {
    name: 'weekly Mon/Wed/Fri 09:00 New York across spring-forward: 14:00Z becomes 13:00Z',
    body: {
      schedule_type: 'weekly',
      schedule_time: '09:00',
      schedule_config: { days: ['Monday', 'Wednesday', 'Friday'], timezone: 'America/New_York' },
    },
    expression: 'cron(0 9 ? * 2,4,6 *)',
    from: '2026-03-04T15:00:00Z',
    next5: [
      '2026-03-06T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-11T13:00:00.000Z',
      '2026-03-13T13:00:00.000Z',
      '2026-03-16T13:00:00.000Z',
    ],
  },
  {
    name: 'weekly Mon/Wed/Fri 09:00 New York across fall-back: 13:00Z becomes 14:00Z',
    body: {
      schedule_type: 'weekly',
      schedule_time: '09:00',
      schedule_config: { days: ['Friday', 'monday', 'Wednesday', 'Monday'], timezone: 'America/New_York' },
    },
    expression: 'cron(0 9 ? * 2,4,6 *)',
    from: '2026-10-28T14:00:00Z',
    next5: [
      '2026-10-30T13:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
      '2026-11-04T14:00:00.000Z',
      '2026-11-06T14:00:00.000Z',
      '2026-11-09T14:00:00.000Z',
    ],
  },
  {
    name: 'daily 02:30 New York does not fire on 8 March, when 02:30 does not exist',
    body: {
      schedule_type: 'daily',
      schedule_time: '02:30',
      schedule_config: { timezone: 'America/New_York' },
    },
    expression: 'cron(30 2 * * ? *)',
    from: '2026-03-06T00:00:00Z',
    next5: [
      '2026-03-06T07:30:00.000Z',
      '2026-03-07T07:30:00.000Z',
      '2026-03-09T06:30:00.000Z',
      '2026-03-10T06:30:00.000Z',
      '2026-03-11T06:30:00.000Z',
    ],
  },
  {
    name: 'daily 01:30 New York fires once on 1 November, at the first 01:30 (EDT)',
    body: {
      schedule_type: 'daily',
      schedule_time: '01:30',
      schedule_config: { timezone: 'America/New_York' },
    },
    expression: 'cron(30 1 * * ? *)',
    from: '2026-10-30T00:00:00Z',
    next5: [
      '2026-10-30T05:30:00.000Z',
      '2026-10-31T05:30:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-02T06:30:00.000Z',
      '2026-11-03T06:30:00.000Z',
    ],
  },
  {
    name: 'daily 09:00 UTC, with no schedule_config at all',
    body: { schedule_type: 'daily', schedule_time: '09:00' },
    expression: 'cron(0 9 * * ? *)',
    from: '2026-06-15T09:00:00Z',
    next5: [
      '2026-06-16T09:00:00.000Z',
      '2026-06-17T09:00:00.000Z',
      '2026-06-18T09:00:00.000Z',
      '2026-06-19T09:00:00.000Z',
      '2026-06-20T09:00:00.000Z',
    ],
  },
  {
    name: 'weekly Saturday and Sunday 10:15 Berlin (Sunday is 1, Saturday 7)',
    body: {
      schedule_type: 'weekly',
      schedule_time: '10:15',
      schedule_config: { days: ['Saturday', 'Sunday'], timezone: 'Europe/Berlin' },
    },
    expression: 'cron(15 10 ? * 1,7 *)',
    from: '2026-03-20T00:00:00Z',
    next5: [
      '2026-03-21T09:15:00.000Z',
      '2026-03-22T09:15:00.000Z',
      '2026-03-28T09:15:00.000Z',
      '2026-03-29T08:15:00.000Z',
      '2026-04-04T08:15:00.000Z',
    ],
  },
  {
    name: 'monthly on the 31st skips the months without one',
    body: {
      schedule_type: 'monthly',
      schedule_time: '09:00',
      schedule_config: { day_of_month: 31, timezone: 'UTC' },
    },
    expression: 'cron(0 9 31 * ? *)',
    from: '2026-01-01T00:00:00Z',
    next5: [
      '2026-01-31T09:00:00.000Z',
      '2026-03-31T09:00:00.000Z',
      '2026-05-31T09:00:00.000Z',
      '2026-07-31T09:00:00.000Z',
      '2026-08-31T09:00:00.000Z',
    ],
  },
  {
    name: 'monthly on "last" fires on the last day of every month, 29 February in 2028',
    body: {
      schedule_type: 'monthly',
      schedule_time: '08:00',
      schedule_config: { day_of_month: 'last', timezone: 'UTC' },
    },
    expression: 'cron(0 8 L * ? *)',
    from: '2028-01-15T00:00:00Z',
    next5: [
      '2028-01-31T08:00:00.000Z',
      '2028-02-29T08:00:00.000Z',
      '2028-03-31T08:00:00.000Z',
      '2028-04-30T08:00:00.000Z',
      '2028-05-31T08:00:00.000Z',
    ],
  },
  {
    name: 'monthly on the 1st, the seed example, as a numeric string',
    body: {
      schedule_type: 'monthly',
      schedule_time: '08:00',
      schedule_config: { day_of_month: '1', timezone: 'UTC' },
    },
    expression: 'cron(0 8 1 * ? *)',
    from: '2026-01-01T08:00:00Z',
    next5: [
      '2026-02-01T08:00:00.000Z',
      '2026-03-01T08:00:00.000Z',
      '2026-04-01T08:00:00.000Z',
      '2026-05-01T08:00:00.000Z',
      '2026-06-01T08:00:00.000Z',
    ],
  },
  {
    name: 'custom "Every 2 hours" (the seed example) keeps 2 real hours across spring-forward',
    body: {
      schedule_type: 'custom',
      schedule_time: 'Every 2 hours',
      schedule_config: { customInterval: 'Every 2 hours', timezone: 'America/New_York' },
    },
    expression: 'rate(2 hours)',
    from: '2026-03-08T05:00:00Z',
    next5: [
      '2026-03-08T07:00:00.000Z',
      '2026-03-08T09:00:00.000Z',
      '2026-03-08T11:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-08T15:00:00.000Z',
    ],
  },
  {
    name: 'custom "every day" from schedule_time alone: rate(1 day), 24 hours apart',
    body: { schedule_type: 'custom', schedule_time: 'every day' },
    expression: 'rate(1 day)',
    from: '2026-05-01T12:34:00Z',
    next5: [
      '2026-05-02T12:34:00.000Z',
      '2026-05-03T12:34:00.000Z',
      '2026-05-04T12:34:00.000Z',
      '2026-05-05T12:34:00.000Z',
      '2026-05-06T12:34:00.000Z',
    ],
  },
  {
    name: 'custom cron passes through, a plain HH:MM schedule_time is ignored',
    body: {
      schedule_type: 'custom',
      schedule_time: '09:00',
      schedule_config: { customInterval: 'cron(0/20 9 ? * MON-FRI *)', timezone: 'Asia/Tokyo' },
    },
    expression: 'cron(0/20 9 ? * MON-FRI *)',
    from: '2026-06-05T00:30:00Z',
    next5: [
      '2026-06-05T00:40:00.000Z',
      '2026-06-08T00:00:00.000Z',
      '2026-06-08T00:20:00.000Z',
      '2026-06-08T00:40:00.000Z',
      '2026-06-09T00:00:00.000Z',
    ],
  },
  {
    name: 'custom rate passes through',
    body: { schedule_type: 'custom', schedule_config: { customInterval: 'rate(90 minutes)' } },
    expression: 'rate(90 minutes)',
    from: '2026-06-01T00:00:00Z',
    next5: [
      '2026-06-01T01:30:00.000Z',
      '2026-06-01T03:00:00.000Z',
      '2026-06-01T04:30:00.000Z',
      '2026-06-01T06:00:00.000Z',
      '2026-06-01T07:30:00.000Z',
    ],
  },
];

describe('schedule body -> EventBridge expression -> next five fire times', () => {
  it.each(cases)('$name', ({ body, expression, from, next5 }) => {
    expect(fireTimes(body, from)).toEqual({ expression, next: next5 });
  });

  it('a one-time at() in the zone fires once, at that wall-clock time', () => {
    const body = {
      schedule_type: 'custom',
      schedule_config: { customInterval: 'at(2099-07-01T12:00:00)', timezone: 'Europe/Berlin' },
    };
    expect(fireTimes(body, '2099-06-01T00:00:00Z')).toEqual({
      expression: 'at(2099-07-01T12:00:00)',
      next: ['2099-07-01T10:00:00.000Z'],
    });
  });
});

describe('ScheduleSpecSchema output', () => {
  it('fills in the time zone and normalizes days, as the trace stores them', () => {
    expect(
      ScheduleSpecSchema.parse({
        schedule_type: 'weekly',
        schedule_time: '14:30',
        schedule_config: { days: ['friday', 'Monday', 'FRIDAY'], day_of_month: 3 },
      }),
    ).toEqual({
      schedule_type: 'weekly',
      schedule_time: '14:30',
      schedule_config: { days: ['Monday', 'Friday'], timezone: 'UTC' },
    });
  });

  it('keeps the seed custom example as it came', () => {
    const body = {
      schedule_type: 'custom',
      schedule_time: 'Every 2 hours',
      schedule_config: { customInterval: 'Every 2 hours', timezone: 'UTC' },
    };
    expect(ScheduleSpecSchema.parse(body)).toEqual(body);
  });

  it('composes with an endpoint body and keeps its fields', () => {
    const Deploy = withScheduleSpec({ trace_id: z.string().min(1), name: z.string().optional() });
    expect(
      Deploy.parse({
        trace_id: 't1',
        name: 'Weekly',
        schedule_type: 'monthly',
        schedule_time: '00:00',
        schedule_config: { day_of_month: 'LAST' },
      }),
    ).toEqual({
      trace_id: 't1',
      name: 'Weekly',
      schedule_type: 'monthly',
      schedule_time: '00:00',
      schedule_config: { day_of_month: 'last', timezone: 'UTC' },
    });
    expect(Deploy.safeParse({ schedule_type: 'daily', schedule_time: '10:00' }).success).toBe(false);
  });
});

interface Bad {
  name: string;
  body: Record<string, unknown>;
  path: string;
  message: RegExp;
}

const bad: Bad[] = [
  {
    name: 'a time zone that does not exist',
    body: { schedule_type: 'daily', schedule_time: '09:00', schedule_config: { timezone: 'Mars/Olympus' } },
    path: 'schedule_config.timezone',
    message: /IANA/,
  },
  {
    name: 'an offset instead of a zone name',
    body: { schedule_type: 'daily', schedule_time: '09:00', schedule_config: { timezone: '+01:00' } },
    path: 'schedule_config.timezone',
    message: /IANA/,
  },
  {
    name: '25:00',
    body: { schedule_type: 'daily', schedule_time: '25:00' },
    path: 'schedule_time',
    message: /HH:MM/,
  },
  {
    name: 'a time without the leading zero',
    body: { schedule_type: 'daily', schedule_time: '9:00' },
    path: 'schedule_time',
    message: /HH:MM/,
  },
  {
    name: 'no time for daily',
    body: { schedule_type: 'daily' },
    path: 'schedule_time',
    message: /required/,
  },
  {
    name: 'an empty days list',
    body: { schedule_type: 'weekly', schedule_time: '09:00', schedule_config: { days: [] } },
    path: 'schedule_config.days',
    message: /at least one day/,
  },
  {
    name: 'no days for weekly',
    body: { schedule_type: 'weekly', schedule_time: '09:00' },
    path: 'schedule_config.days',
    message: /at least one day/,
  },
  {
    name: 'an abbreviated day',
    body: { schedule_type: 'weekly', schedule_time: '09:00', schedule_config: { days: ['Monday', 'Tue'] } },
    path: 'schedule_config.days.1',
    message: /full weekday name/,
  },
  {
    name: 'day_of_month 0',
    body: { schedule_type: 'monthly', schedule_time: '09:00', schedule_config: { day_of_month: 0 } },
    path: 'schedule_config.day_of_month',
    message: /1 to 31/,
  },
  {
    name: 'day_of_month 32',
    body: { schedule_type: 'monthly', schedule_time: '09:00', schedule_config: { day_of_month: 32 } },
    path: 'schedule_config.day_of_month',
    message: /1 to 31/,
  },
  {
    name: 'day_of_month 1.5',
    body: { schedule_type: 'monthly', schedule_time: '09:00', schedule_config: { day_of_month: 1.5 } },
    path: 'schedule_config.day_of_month',
    message: /1 to 31/,
  },
  {
    name: 'no day_of_month for monthly',
    body: { schedule_type: 'monthly', schedule_time: '09:00' },
    path: 'schedule_config.day_of_month',
    message: /required/,
  },
  {
    name: 'an unknown type',
    body: { schedule_type: 'hourly', schedule_time: '09:00' },
    path: 'schedule_type',
    message: /daily, weekly, monthly, custom/,
  },
  {
    name: 'custom without an interval',
    body: { schedule_type: 'custom' },
    path: 'schedule_config.customInterval',
    message: /required/,
  },
  {
    name: 'custom in weeks',
    body: { schedule_type: 'custom', schedule_config: { customInterval: 'Every 2 weeks' } },
    path: 'schedule_config.customInterval',
    message: /Every N minutes\|hours\|days/,
  },
  {
    name: 'custom every 0 hours',
    body: { schedule_type: 'custom', schedule_time: 'Every 0 hours' },
    path: 'schedule_time',
    message: /positive integer/,
  },
  {
    name: 'custom cron with both day fields set',
    body: { schedule_type: 'custom', schedule_config: { customInterval: 'cron(0 9 * * MON *)' } },
    path: 'schedule_config.customInterval',
    message: /\?/,
  },
  {
    name: 'custom cron that never fires (30 February)',
    body: { schedule_type: 'custom', schedule_config: { customInterval: 'cron(0 9 30 2 ? *)' } },
    path: 'schedule_config.customInterval',
    message: /never fires/,
  },
  {
    name: 'custom at() in the past',
    body: { schedule_type: 'custom', schedule_config: { customInterval: 'at(2020-01-01T00:00:00)' } },
    path: 'schedule_config.customInterval',
    message: /never fires/,
  },
  {
    name: 'custom schedule_time contradicting customInterval',
    body: {
      schedule_type: 'custom',
      schedule_time: 'Every 3 hours',
      schedule_config: { customInterval: 'Every 2 hours' },
    },
    path: 'schedule_time',
    message: /contradicts/,
  },
];

describe('invalid schedule bodies: each issue names its field', () => {
  it.each(bad)('$name -> $path', ({ body, path, message }) => {
    const result = ScheduleSpecSchema.safeParse(body);
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('the request validator turns them into one 400 that names the field', () => {
    const body = {
      schedule_type: 'daily',
      schedule_time: '09:00',
      schedule_config: { timezone: 'Nowhere/City' },
    };
    let error: unknown;
    try {
      validateParts({ body: ScheduleSpecSchema }, { body, query: {}, path: {} });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).statusCode).toBe(400);
    expect((error as ValidationError).message).toContain('body.schedule_config.timezone');
  });
});

describe('a body with several problems lists every one of them', () => {
  const pathsOf = (schema: z.ZodType, body: unknown) => {
    const result = schema.safeParse(body);
    expect(result.success).toBe(false);
    return result.error!.issues.map((i) => i.path.join('.')).sort();
  };

  it('a bad time zone does not hide the time, the days or an interval that never fires', () => {
    const weekly = {
      schedule_type: 'weekly',
      schedule_time: '25:00',
      schedule_config: { timezone: 'Mars/Olympus', days: ['Funday'] },
    };
    expect(pathsOf(ScheduleSpecSchema, weekly)).toEqual([
      'schedule_config.days.0',
      'schedule_config.timezone',
      'schedule_time',
    ]);
    const custom = {
      schedule_type: 'custom',
      schedule_time: '09:00',
      schedule_config: { timezone: 'Mars/Olympus', customInterval: 'every fortnight' },
    };
    expect(pathsOf(ScheduleSpecSchema, custom)).toEqual([
      'schedule_config.customInterval',
      'schedule_config.timezone',
    ]);
  });

  it("the endpoint's own fields and unknown keys are listed together with the schedule's", () => {
    const schema = withScheduleSpec({ trace_id: z.string() });
    const body = {
      schedule_type: 'daily',
      schedule_time: '9 am',
      colour: 'red',
      schedule_config: { timezone: 'X/Y' },
    };
    expect(pathsOf(schema, body)).toEqual(['', 'schedule_config.timezone', 'schedule_time', 'trace_id']);
  });

  it('a schedule field of the wrong type is listed alone, with no cross-field guesses', () => {
    const schema = withScheduleSpec({ trace_id: z.string() });
    expect(pathsOf(schema, { schedule_type: 'daily', schedule_time: 9 })).toEqual([
      'schedule_time',
      'trace_id',
    ]);
  });
});

describe('intervalExpression', () => {
  it.each([
    ['Every 5 minutes', 'rate(5 minutes)'],
    ['every 1 minutes', 'rate(1 minute)'],
    ['EVERY HOUR', 'rate(1 hour)'],
    ['  Every 3 days ', 'rate(3 days)'],
    ['rate(1 day)', 'rate(1 day)'],
  ])('%s -> %s', (interval, expression) => {
    expect(intervalExpression(interval)).toBe(expression);
  });

  it('rejects anything else', () => {
    expect(() => intervalExpression('twice a day')).toThrow(/Every N minutes/);
    expect(() => intervalExpression('rate(2 hour)')).toThrow(/use 'hours'/);
  });
});

describe('specFromBody', () => {
  it('refuses a body that did not pass validation', () => {
    expect(() =>
      specFromBody({ schedule_type: 'weekly', schedule_time: '09:00', schedule_config: { timezone: 'UTC' } }),
    ).toThrow(/schedule_config.days/);
  });
});
