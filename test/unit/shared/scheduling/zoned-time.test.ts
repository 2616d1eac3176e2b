import { localTime, wallTimeToInstants, type WallTime } from '../../../../shared/scheduling/zoned-time';

const wall = (s: string): WallTime => {
  const [date = '', time = ''] = s.split('T');
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute, second] = time.split(':').map(Number) as [number, number, number];
  return { year, month, day, hour, minute, second };
};
const isoList = (ms: number[]) => ms.map((t) => new Date(t).toISOString());

describe('wallTimeToInstants', () => {
  it.each([
    ['an ordinary time', '2026-06-01T09:00:00', 'America/New_York', ['2026-06-01T13:00:00.000Z']],
    ['a time in the spring-forward gap', '2026-03-08T02:30:00', 'America/New_York', []],
    [
      'a time in the fall-back overlap (both, earliest first)',
      '2026-11-01T01:30:00',
      'America/New_York',
      ['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z'],
    ],
    [
      'an overlap east of UTC',
      '2026-10-25T02:30:00',
      'Europe/Berlin',
      ['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z'],
    ],
    ['a half-hour zone', '2026-01-01T09:00:00', 'Asia/Kolkata', ['2026-01-01T03:30:00.000Z']],
  ])('%s', (_name, local, tz, expected) => {
    expect(isoList(wallTimeToInstants(wall(local), tz))).toEqual(expected);
  });
});

describe('localTime', () => {
  it('reads wall-clock fields and the weekday (0 = Sunday) in the zone', () => {
    expect(localTime(new Date('2026-03-08T07:30:00Z'), 'America/New_York')).toEqual({
      year: 2026,
      month: 3,
      day: 8,
      hour: 3,
      minute: 30,
      second: 0,
      weekday: 0,
    });
    expect(localTime(new Date('2026-01-01T00:00:00Z'), 'UTC').hour).toBe(0);
  });
});
