import * as z from 'zod';
import { BadRequestError } from '../../errors';
import { utcDay } from './usage-recorder';
import type { UsageCounter } from './usage-repository';

export const USAGE_GROUPS = ['day', 'key', 'model'] as const;
export type UsageGroup = (typeof USAGE_GROUPS)[number];

/** The longest range one request may ask for. */
export const USAGE_MAX_DAYS = 366;
/** Without `from`: this many days up to `to`. */
const DEFAULT_DAYS = 30;
const DAY_MS = 86_400_000;

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine((d) => {
    const parsed = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && utcDay(parsed) === d;
  }, 'is not a calendar date');

export const UsageQuery = z.strictObject({
  from: Day.optional().describe(`First UTC day (default: ${DEFAULT_DAYS - 1} days before \`to\`)`),
  to: Day.optional().describe('Last UTC day, included (default: today)'),
  group_by: z.enum(USAGE_GROUPS).default('day'),
});

export type UsageQueryInput = z.infer<typeof UsageQuery>;

/** The range a query names, checked: `from` not after `to`, at most USAGE_MAX_DAYS days. */
export function usageRange(query: UsageQueryInput, now = new Date()): { from: string; to: string } {
  const to = query.to ?? utcDay(now);
  const from = query.from ?? utcDay(new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DAYS - 1) * DAY_MS));
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  if (days < 1)
    throw new BadRequestError(`'from' (${from}) is after 'to' (${to})`, 'invalid_date_range', {
      param: 'from',
    });
  if (days > USAGE_MAX_DAYS)
    throw new BadRequestError(
      `The range ${from}..${to} is ${days} days; at most ${USAGE_MAX_DAYS} may be asked for at once`,
      'invalid_date_range',
      { param: 'from' },
    );
  return { from, to };
}

interface Totals {
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

const empty = (): Totals => ({ requests: 0, prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });

function add(totals: Totals, counter: UsageCounter): void {
  totals.requests += counter.requests;
  totals.prompt_tokens += counter.promptTokens;
  totals.completion_tokens += counter.completionTokens;
  totals.total_tokens += counter.promptTokens + counter.completionTokens;
}

const FIELD: Record<UsageGroup, 'day' | 'key_id' | 'model'> = { day: 'day', key: 'key_id', model: 'model' };
const valueOf: Record<UsageGroup, (c: UsageCounter) => string> = {
  day: (c) => c.day,
  key: (c) => c.keyId,
  model: (c) => c.model,
};

/** `GET /api/v1/usage`: the counters summed per group, in the group's order, and overall. */
export function usageReport(
  counters: UsageCounter[],
  range: { from: string; to: string },
  groupBy: UsageGroup,
) {
  const groups = new Map<string, Totals>();
  const total = empty();
  for (const counter of counters) {
    const name = valueOf[groupBy](counter);
    let totals = groups.get(name);
    if (!totals) groups.set(name, (totals = empty()));
    add(totals, counter);
    add(total, counter);
  }
  const data = [...groups.keys()].sort().map((name) => ({ [FIELD[groupBy]]: name, ...groups.get(name)! }));
  return { object: 'usage', from: range.from, to: range.to, group_by: groupBy, data, total };
}
