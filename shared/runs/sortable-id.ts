import { randomBytes } from 'node:crypto';

/*
 * Ids that carry their creation time: `<prefix>_<ms, base36, 9 chars><20 hex random>`.
 * Sorting by id sorts by creation, and a run's sort key (`RUN#<iso time>#<id>`) can be
 * rebuilt from its id alone, so a run is read with one GetItem in the caller's partition.
 */
const TIME_CHARS = 9;
const RANDOM_BYTES = 10;

export function newSortableId(prefix: string, now: number = Date.now()): string {
  return `${prefix}_${now.toString(36).padStart(TIME_CHARS, '0')}${randomBytes(RANDOM_BYTES).toString('hex')}`;
}

/** The creation time (ms) inside an id of this shape, or undefined for anything else. */
export function timeOfSortableId(prefix: string, id: string): number | undefined {
  const match = new RegExp(`^${prefix}_([0-9a-z]{${TIME_CHARS}})[0-9a-f]{${RANDOM_BYTES * 2}}$`).exec(id);
  if (!match) return undefined;
  const ms = parseInt(match[1] as string, 36);
  return Number.isSafeInteger(ms) && ms <= 8.64e15 ? ms : undefined;
}
