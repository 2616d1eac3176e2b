import * as z from 'zod';

/**
 * What a key may use, enforced by the gateway (shared/gateway/limits/key-limiter.ts).
 * Each limit is optional; a key with none pays nothing for the feature.
 */
export interface KeyLimits {
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  tokensPerDay?: number;
  concurrentRequests?: number;
}

const limit = (max: number) => z.int().min(1).max(max);

/** The API's spelling. `null` removes that limit (in a PATCH). */
const fields = {
  requests_per_minute: limit(1_000_000),
  tokens_per_minute: limit(1_000_000_000),
  tokens_per_day: limit(100_000_000_000),
  concurrent_requests: limit(10_000),
};

export const KeyLimitsBody = z.strictObject({
  requests_per_minute: fields.requests_per_minute.optional(),
  tokens_per_minute: fields.tokens_per_minute.optional(),
  tokens_per_day: fields.tokens_per_day.optional(),
  concurrent_requests: fields.concurrent_requests.optional(),
});

/** A PATCH's `limits`: a field set to null is removed, one left out is kept. */
export const KeyLimitsPatch = z.strictObject({
  requests_per_minute: fields.requests_per_minute.nullable().optional(),
  tokens_per_minute: fields.tokens_per_minute.nullable().optional(),
  tokens_per_day: fields.tokens_per_day.nullable().optional(),
  concurrent_requests: fields.concurrent_requests.nullable().optional(),
});

const NAMES = [
  ['requests_per_minute', 'requestsPerMinute'],
  ['tokens_per_minute', 'tokensPerMinute'],
  ['tokens_per_day', 'tokensPerDay'],
  ['concurrent_requests', 'concurrentRequests'],
] as const;

type WireLimits = z.infer<typeof KeyLimitsPatch>;

/** The key's limits after a change; undefined when it has none left. */
export function applyLimits(
  current: KeyLimits | undefined,
  change: WireLimits | null,
): KeyLimits | undefined {
  if (change === null) return undefined;
  const next: KeyLimits = { ...current };
  for (const [wire, name] of NAMES) {
    const value = change[wire];
    if (value === null) delete next[name];
    else if (value !== undefined) next[name] = value;
  }
  return Object.keys(next).length > 0 ? next : undefined;
}

/** The API's view: every limit, null where the key has none. */
export function limitsView(limits: KeyLimits | undefined): Record<(typeof NAMES)[number][0], number | null> {
  return Object.fromEntries(NAMES.map(([wire, name]) => [wire, limits?.[name] ?? null])) as Record<
    (typeof NAMES)[number][0],
    number | null
  >;
}

/** As the authorizer passes them on (its context holds strings, numbers and booleans only). */
export const encodeLimits = (limits: KeyLimits): string => JSON.stringify(limits);

export function decodeLimits(text: unknown): KeyLimits | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const limits: KeyLimits = {};
    for (const [, name] of NAMES) {
      const value = parsed[name];
      if (typeof value === 'number' && Number.isInteger(value) && value > 0) limits[name] = value;
    }
    return Object.keys(limits).length > 0 ? limits : undefined;
  } catch {
    return undefined;
  }
}
