/**
 * Wall-clock arithmetic in IANA time zones with nothing but Intl, so it runs the same in
 * Lambda and locally. Schedules are defined in local wall-clock time, while fire times
 * are instants; these helpers convert between the two and expose the DST gaps and
 * overlaps the expression module has to handle.
 */

/** A local date and time (month 1-12) without any zone. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export interface LocalTime extends WallTime {
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
// Names only, never UTC offsets such as "+01:00" (newer ICU accepts those, EventBridge does not).
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timezone, f);
  }
  return f;
}

/** True for an IANA zone name the runtime knows (e.g. `Europe/Berlin`, `UTC`). */
export function isValidTimezone(timezone: unknown): boolean {
  if (typeof timezone !== 'string' || timezone.length > 50 || !ZONE_NAME.test(timezone)) return false;
  try {
    formatter(timezone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of `instant` in `timezone`. */
export function localTime(instant: Date | number, timezone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timezone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

function wallAsUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

function sameWall(a: WallTime, b: WallTime): boolean {
  return wallAsUtc(a) === wallAsUtc(b);
}

/**
 * Every instant whose wall-clock reading in `timezone` is `wall`, earliest first:
 * none inside a spring-forward gap, two inside a fall-back overlap, otherwise one.
 */
export function wallTimeToInstants(wall: WallTime, timezone: string): number[] {
  const guess = wallAsUtc(wall);
  // A zone's offset is constant except at transitions; probing a day either side
  // catches both offsets around any transition near `wall`.
  const offsets = new Set(
    [guess - DAY_MS, guess, guess + DAY_MS].map((t) => wallAsUtc(localTime(t, timezone)) - t),
  );
  const instants = new Set<number>();
  for (const offset of offsets) {
    const candidate = guess - offset;
    if (sameWall(localTime(candidate, timezone), wall)) instants.add(candidate);
  }
  return [...instants].sort((a, b) => a - b);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday ... 6 = Saturday, for a calendar date. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}
