import { nextFireTimes, type FireTimeOptions } from '../../../../shared/scheduling/schedule-expression';

interface Case {
  name: string;
  expression: string;
  timezone: string;
  from: string;
  count: number;
  expected: string[];
  options?: FireTimeOptions;
}

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const run = (c: Case) => iso(nextFireTimes(c.expression, c.timezone, new Date(c.from), c.count, c.options));

// 2026 in America/New_York: clocks spring forward 2026-03-08 02:00 EST -> 03:00 EDT
// and fall back 2026-11-01 02:00 EDT -> 01:00 EST.
const dst: Case[] = [
  {
    name: '09:00 Mon/Wed/Fri stays 09:00 local across spring-forward (UTC-5 -> UTC-4)',
    expression: 'cron(0 9 ? * MON,WED,FRI *)',
    timezone: 'America/New_York',
    from: '2026-03-02T00:00:00Z',
    count: 6,
    expected: [
      '2026-03-02T14:00:00.000Z',
      '2026-03-04T14:00:00.000Z',
      '2026-03-06T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-11T13:00:00.000Z',
      '2026-03-13T13:00:00.000Z',
    ],
  },
  {
    name: '09:00 Mon/Wed/Fri stays 09:00 local across fall-back (UTC-4 -> UTC-5)',
    expression: 'cron(0 9 ? * MON,WED,FRI *)',
    timezone: 'America/New_York',
    from: '2026-10-26T00:00:00Z',
    count: 5,
    expected: [
      '2026-10-26T13:00:00.000Z',
      '2026-10-28T13:00:00.000Z',
      '2026-10-30T13:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
      '2026-11-04T14:00:00.000Z',
    ],
  },
  {
    name: 'daily 02:30 does not fire on 2026-03-08, when 02:30 does not exist',
    expression: 'cron(30 2 * * ? *)',
    timezone: 'America/New_York',
    from: '2026-03-06T00:00:00Z',
    count: 4,
    expected: [
      '2026-03-06T07:30:00.000Z',
      '2026-03-07T07:30:00.000Z',
      '2026-03-09T06:30:00.000Z',
      '2026-03-10T06:30:00.000Z',
    ],
  },
  {
    name: 'weekly Sunday 02:30 skips the spring-forward Sunday entirely',
    expression: 'cron(30 2 ? * SUN *)',
    timezone: 'America/New_York',
    from: '2026-03-01T00:00:00Z',
    count: 3,
    expected: ['2026-03-01T07:30:00.000Z', '2026-03-15T06:30:00.000Z', '2026-03-22T06:30:00.000Z'],
  },
  {
    name: 'daily 02:30 on fall-back day fires once (02:30 is not repeated)',
    expression: 'cron(30 2 * * ? *)',
    timezone: 'America/New_York',
    from: '2026-10-31T00:00:00Z',
    count: 3,
    expected: ['2026-10-31T06:30:00.000Z', '2026-11-01T07:30:00.000Z', '2026-11-02T07:30:00.000Z'],
  },
  {
    name: 'daily 01:30 fires once on 2026-11-01, at the first 01:30 (EDT)',
    expression: 'cron(30 1 * * ? *)',
    timezone: 'America/New_York',
    from: '2026-10-31T00:00:00Z',
    count: 3,
    expected: ['2026-10-31T05:30:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z'],
  },
  {
    name: 'from between the two 01:30s: the repeated one has already fired',
    expression: 'cron(30 1 * * ? *)',
    timezone: 'America/New_York',
    from: '2026-11-01T05:45:00Z',
    count: 1,
    expected: ['2026-11-02T06:30:00.000Z'],
  },
  {
    name: 'every 30 minutes through the repeated hour fires each local time once',
    expression: 'cron(0/30 * * * ? *)',
    timezone: 'America/New_York',
    from: '2026-11-01T04:00:00Z',
    count: 5,
    expected: [
      '2026-11-01T04:30:00.000Z',
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T07:00:00.000Z',
      '2026-11-01T07:30:00.000Z',
    ],
  },
  {
    // croner alone picks the second 02:30 (CET) here; the first occurrence is used, as in New York.
    name: 'Europe/Berlin repeated 02:30 on 2026-10-25 fires once, at the first (CEST) occurrence',
    expression: 'cron(30 2 * * ? *)',
    timezone: 'Europe/Berlin',
    from: '2026-10-24T01:00:00Z',
    count: 2,
    expected: ['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z'],
  },
  {
    name: 'Europe/Berlin every 30 minutes through the repeated hour',
    expression: 'cron(0/30 * * * ? *)',
    timezone: 'Europe/Berlin',
    from: '2026-10-24T23:00:00Z',
    count: 5,
    expected: [
      '2026-10-24T23:30:00.000Z',
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T02:00:00.000Z',
      '2026-10-25T02:30:00.000Z',
    ],
  },
];

// January 2026 starts on a Thursday; 2026-01-04 is a Sunday.
const daysOfWeek: Case[] = (
  [
    ['cron(0 12 ? * 1 *)', ['2026-01-04', '2026-01-11']],
    ['cron(0 12 ? * SUN *)', ['2026-01-04', '2026-01-11']],
    ['cron(0 12 ? * 7 *)', ['2026-01-03', '2026-01-10']],
    ['cron(0 12 ? * L *)', ['2026-01-03', '2026-01-10']],
    [
      'cron(0 12 ? * 2-6 *)',
      ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-12'],
    ],
    [
      'cron(0 12 ? * MON-FRI *)',
      ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-12'],
    ],
    ['cron(0 12 ? * 1,7 *)', ['2026-01-03', '2026-01-04', '2026-01-10', '2026-01-11']],
    ['cron(0 12 ? * 2/2 *)', ['2026-01-05', '2026-01-07', '2026-01-09', '2026-01-12']],
    ['cron(0 12 ? * 6#3 *)', ['2026-01-16', '2026-02-20', '2026-03-20']],
    ['cron(0 12 ? * FRI#3 *)', ['2026-01-16', '2026-02-20', '2026-03-20']],
    ['cron(0 12 ? * 2#5 *)', ['2026-03-30', '2026-06-29', '2026-08-31']],
    ['cron(0 12 ? * 6L *)', ['2026-01-30', '2026-02-27', '2026-03-27']],
    ['cron(0 12 ? * 1L *)', ['2026-01-25', '2026-02-22', '2026-03-29']],
  ] as Array<[string, string[]]>
).map(([expression, days]) => ({
  name: `${expression} (AWS 1 = SUN ... 7 = SAT)`,
  expression,
  timezone: 'UTC',
  from: '2026-01-02T13:00:00Z',
  count: days.length,
  expected: days.map((d) => `${d}T12:00:00.000Z`),
}));

const calendar: Case[] = [
  {
    name: 'monthly on the 31st skips months without one',
    expression: 'cron(0 9 31 * ? *)',
    timezone: 'UTC',
    from: '2026-01-01T00:00:00Z',
    count: 4,
    expected: [
      '2026-01-31T09:00:00.000Z',
      '2026-03-31T09:00:00.000Z',
      '2026-05-31T09:00:00.000Z',
      '2026-07-31T09:00:00.000Z',
    ],
  },
  {
    name: 'monthly on the last day (L), including a leap February',
    expression: 'cron(0 9 L * ? *)',
    timezone: 'UTC',
    from: '2027-12-15T00:00:00Z',
    count: 4,
    expected: [
      '2027-12-31T09:00:00.000Z',
      '2028-01-31T09:00:00.000Z',
      '2028-02-29T09:00:00.000Z',
      '2028-03-31T09:00:00.000Z',
    ],
  },
  {
    name: 'L in a time zone uses the local last day',
    expression: 'cron(0 23 L * ? *)',
    timezone: 'Asia/Tokyo',
    from: '2026-02-01T00:00:00Z',
    count: 2,
    expected: ['2026-02-28T14:00:00.000Z', '2026-03-31T14:00:00.000Z'],
  },
  {
    name: '15W: the weekday nearest the 15th (2026-02-15 and 2026-03-15 are Sundays)',
    expression: 'cron(0 9 15W * ? *)',
    timezone: 'UTC',
    from: '2026-01-01T00:00:00Z',
    count: 4,
    expected: [
      '2026-01-15T09:00:00.000Z',
      '2026-02-16T09:00:00.000Z',
      '2026-03-16T09:00:00.000Z',
      '2026-04-15T09:00:00.000Z',
    ],
  },
  {
    name: '1W never leaves the month (2026-08-01 is a Saturday -> Monday the 3rd)',
    expression: 'cron(0 9 1W * ? *)',
    timezone: 'UTC',
    from: '2026-07-15T00:00:00Z',
    count: 2,
    expected: ['2026-08-03T09:00:00.000Z', '2026-09-01T09:00:00.000Z'],
  },
  {
    name: 'LW: last weekday of the month',
    expression: 'cron(0 9 LW * ? *)',
    timezone: 'UTC',
    from: '2026-01-01T00:00:00Z',
    count: 3,
    expected: ['2026-01-30T09:00:00.000Z', '2026-02-27T09:00:00.000Z', '2026-03-31T09:00:00.000Z'],
  },
  {
    name: 'the year field limits runs to the listed years',
    expression: 'cron(0 9 1 1 ? 2028,2031)',
    timezone: 'UTC',
    from: '2026-01-01T00:00:00Z',
    count: 4,
    expected: ['2028-01-01T09:00:00.000Z', '2031-01-01T09:00:00.000Z'],
  },
  {
    name: 'a year range that has passed never fires',
    expression: 'cron(0 9 * * ? 2020-2025)',
    timezone: 'UTC',
    from: '2026-01-01T00:00:00Z',
    count: 3,
    expected: [],
  },
  {
    name: 'a date that never exists never fires',
    expression: 'cron(0 9 30 2 ? *)',
    timezone: 'UTC',
    from: '2026-01-01T00:00:00Z',
    count: 1,
    expected: [],
  },
  {
    name: 'a nearest weekday no selected month reaches never fires',
    expression: 'cron(* * 30W 2 ? *)',
    timezone: 'UTC',
    from: '2026-01-01T00:00:00Z',
    count: 1,
    expected: [],
  },
  {
    name: 'from is exclusive',
    expression: 'cron(0 9 * * ? *)',
    timezone: 'UTC',
    from: '2026-01-01T09:00:00Z',
    count: 1,
    expected: ['2026-01-02T09:00:00.000Z'],
  },
  {
    name: 'startDate and endDate bound a recurring schedule (both inclusive)',
    expression: 'cron(0/10 * * * ? *)',
    timezone: 'UTC',
    from: '2026-01-01T00:00:00Z',
    count: 10,
    options: { startDate: new Date('2026-02-01T00:00:00Z'), endDate: new Date('2026-02-01T00:20:00Z') },
    expected: ['2026-02-01T00:00:00.000Z', '2026-02-01T00:10:00.000Z', '2026-02-01T00:20:00.000Z'],
  },
];

const rateAndAt: Case[] = [
  {
    name: 'rate(2 hours) counts from creation',
    expression: 'rate(2 hours)',
    timezone: 'UTC',
    from: '2026-01-01T10:00:00Z',
    count: 5,
    options: { createdAt: new Date('2026-01-01T09:30:00Z') },
    expected: [
      '2026-01-01T11:30:00.000Z',
      '2026-01-01T13:30:00.000Z',
      '2026-01-01T15:30:00.000Z',
      '2026-01-01T17:30:00.000Z',
      '2026-01-01T19:30:00.000Z',
    ],
  },
  {
    name: 'rate starts at creation itself (EventBridge invokes right away)',
    expression: 'rate(15 minutes)',
    timezone: 'UTC',
    from: '2026-01-01T09:00:00Z',
    count: 2,
    options: { createdAt: new Date('2026-01-01T09:30:00Z') },
    expected: ['2026-01-01T09:30:00.000Z', '2026-01-01T09:45:00.000Z'],
  },
  {
    name: 'rate counts from startDate when one is set, and stops at endDate',
    expression: 'rate(1 hour)',
    timezone: 'UTC',
    from: '2026-01-01T00:00:00Z',
    count: 5,
    options: {
      createdAt: new Date('2025-12-01T00:17:00Z'),
      startDate: new Date('2026-01-02T06:00:00Z'),
      endDate: new Date('2026-01-02T08:00:00Z'),
    },
    expected: ['2026-01-02T06:00:00.000Z', '2026-01-02T07:00:00.000Z', '2026-01-02T08:00:00.000Z'],
  },
  {
    name: 'rate(1 day) is 24 hours, so it drifts an hour in local time across DST',
    expression: 'rate(1 day)',
    timezone: 'America/New_York',
    from: '2026-03-07T14:00:00Z',
    count: 2,
    options: { createdAt: new Date('2026-03-07T14:00:00Z') },
    expected: ['2026-03-08T14:00:00.000Z', '2026-03-09T14:00:00.000Z'],
  },
  {
    name: 'at() in Europe/Berlin (CET, UTC+1)',
    expression: 'at(2026-12-01T09:00:00)',
    timezone: 'Europe/Berlin',
    from: '2026-01-01T00:00:00Z',
    count: 3,
    expected: ['2026-12-01T08:00:00.000Z'],
  },
  {
    name: 'at() in summer time (CEST, UTC+2)',
    expression: 'at(2026-07-01T09:00:00)',
    timezone: 'Europe/Berlin',
    from: '2026-01-01T00:00:00Z',
    count: 1,
    expected: ['2026-07-01T07:00:00.000Z'],
  },
  {
    name: 'at() in the past does not fire',
    expression: 'at(2026-12-01T09:00:00)',
    timezone: 'Europe/Berlin',
    from: '2026-12-01T08:00:00Z',
    count: 1,
    expected: [],
  },
  {
    name: 'at() inside a spring-forward gap does not fire',
    expression: 'at(2026-03-08T02:30:00)',
    timezone: 'America/New_York',
    from: '2026-01-01T00:00:00Z',
    count: 1,
    expected: [],
  },
];

describe('nextFireTimes', () => {
  describe.each([
    ['DST in America/New_York and Europe/Berlin', dst],
    ['day-of-week mapping', daysOfWeek],
    ['calendar rules', calendar],
    ['rate() and at()', rateAndAt],
  ])('%s', (_title, cases) => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      expect(run(c)).toEqual(c.expected);
    });
  });

  it('returns nothing for count 0 and refuses unbounded counts', () => {
    expect(nextFireTimes('rate(1 minute)', 'UTC', new Date(), 0)).toEqual([]);
    expect(() => nextFireTimes('rate(1 minute)', 'UTC', new Date(), 1001)).toThrow(RangeError);
  });

  it('accepts an already parsed expression', () => {
    const times = nextFireTimes(
      { kind: 'rate', value: 5, unit: 'minutes' },
      'UTC',
      new Date('2026-01-01T00:00:00Z'),
      1,
    );
    expect(iso(times)).toEqual(['2026-01-01T00:05:00.000Z']);
  });
});
