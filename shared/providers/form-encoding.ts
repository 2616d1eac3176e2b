import { createHash } from 'node:crypto';

/**
 * `application/x-www-form-urlencoded` with brackets for nesting, as Stripe and most form
 * APIs read it: objects as `metadata[key]=v`, arrays as `items[0]=v`. Undefined and null
 * fields are left out.
 */
export function formEncode(params: Record<string, unknown>): string {
  const pairs: [string, string][] = [];
  const walk = (key: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(`${key}[${index}]`, item));
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(`${key}[${k}]`, v);
    } else {
      pairs.push([key, String(value)]);
    }
  };
  for (const [key, value] of Object.entries(params)) walk(key, value);
  return new URLSearchParams(pairs).toString();
}

/**
 * Same run and step, same key: a retried attempt (or a scheduler's duplicate delivery,
 * whose run id is derived from the schedule and time) can never charge twice.
 */
export function idempotencyKey(runId: string, stepId: string): string {
  return `flowgate-${createHash('sha256').update(`${runId}\n${stepId}`).digest('hex')}`;
}
