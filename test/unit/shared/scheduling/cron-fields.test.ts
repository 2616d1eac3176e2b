import { matchesCron, parseCronFields, toCronerPattern } from '../../../../shared/scheduling/cron-fields';
import { localTime } from '../../../../shared/scheduling/zoned-time';

describe('toCronerPattern', () => {
  it.each([
    // AWS day-of-week 1-7 (SUN = 1) becomes croner's 0-6 (SUN = 0).
    ['0 9 ? * MON,WED,FRI *', '0 0 9 * * 1,3,5'],
    ['0 9 ? * 2-6 *', '0 0 9 * * 1,2,3,4,5'],
    ['0 9 ? * 1,7 *', '0 0 9 * * 0,6'],
    ['0 9 ? * SUN-SAT *', '0 0 9 * * *'],
    ['0 9 ? * 6#3 *', '0 0 9 * * 5#3'],
    ['0 9 ? * 1#1 *', '0 0 9 * * 0#1'],
    ['0 9 ? * 6L *', '0 0 9 * * 5#L'],
    ['0 9 ? * L *', '0 0 9 * * 6'],
    // '?' is a plain wildcard on EventBridge; croner would read it as "the current value".
    ['0/15 9-17 * * ? *', '0 0,15,30,45 9,10,11,12,13,14,15,16,17 * * *'],
    ['30 2 L JAN-MAR ? *', '0 30 2 L 1,2,3 *'],
    ['0 9 31 * ? 2027', '0 0 9 31 * *'],
    // croner has no W: a superset of candidate days, narrowed by matchesCron.
    ['0 9 15W * ? *', '0 0 9 13-17 * *'],
    ['0 9 1W * ? *', '0 0 9 1-3 * *'],
    ['0 9 LW * ? *', '0 0 9 26-31 * *'],
  ])('cron(%s) -> %s', (body, pattern) => {
    expect(toCronerPattern(parseCronFields(body))).toBe(pattern);
  });
});

describe('matchesCron', () => {
  const at = (iso: string) => localTime(new Date(iso), 'UTC');

  it.each([
    ['0 9 ? * 6#3 *', '2026-01-16T09:00:00Z', true],
    ['0 9 ? * 6#3 *', '2026-01-09T09:00:00Z', false],
    ['0 9 ? * 6L *', '2026-01-30T09:00:00Z', true],
    ['0 9 ? * 6L *', '2026-01-23T09:00:00Z', false],
    ['0 9 LW * ? *', '2026-05-29T09:00:00Z', true],
    ['0 9 LW * ? *', '2026-05-31T09:00:00Z', false],
    ['0 9 31W * ? *', '2026-04-30T09:00:00Z', false],
    ['0 9 * * ? 2027', '2026-04-30T09:00:00Z', false],
    ['0 9 * * ? 2026', '2026-04-30T09:01:00Z', false],
  ])('cron(%s) at %s: %s', (body, iso, expected) => {
    expect(matchesCron(parseCronFields(body), at(iso))).toBe(expected);
  });
});
