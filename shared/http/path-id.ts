/**
 * Path ids (`/api/execution-plans/{plan_id}`, …) checked at the edge, before any I/O.
 * An id that is not of the shape the service mints, or is too long to be one, can name
 * nothing: it gets exactly the route's own 404 for an unknown id, so a malformed id and a
 * missing one (or another user's) cannot be told apart, and no table key is ever built
 * from it.
 */
import * as z from 'zod';
import type { AppError } from '../errors';

/**
 * DynamoDB counts key lengths in UTF-8 bytes (1,024 for a sort key, 2,048 for a partition
 * key) and ids sit in keys behind a short prefix such as `PLAN#`. Every id the service
 * mints is far shorter than this, so a longer one is refused before its shape is looked at.
 */
export const MAX_PATH_ID_BYTES = 512;

export interface PathIdRule {
  /** True for the ids the service mints for this kind (e.g. `plan_<time><random>`). */
  wellFormed: (id: string) => boolean;
  /** The route's own not-found error: the same status, code and message as an unknown id. */
  notFound: () => AppError;
}

/** Where a failed path id keeps its not-found error, for validateParts (./request.ts). */
const NOT_FOUND = 'pathIdNotFound';

export function isPathId(value: unknown, rule: PathIdRule): value is string {
  return (
    typeof value === 'string' &&
    Buffer.byteLength(value, 'utf8') <= MAX_PATH_ID_BYTES &&
    rule.wellFormed(value)
  );
}

/** One path id as a zod schema whose failure renders as `rule.notFound()`. */
export function pathIdField(rule: PathIdRule) {
  return z.unknown().transform((value, ctx): string => {
    if (isPathId(value, rule)) return value;
    ctx.addIssue({ code: 'custom', message: 'not found', params: { [NOT_FOUND]: rule.notFound } });
    return z.NEVER;
  });
}

/** The `path` schema of a route with one id parameter, e.g. `pathIdSchema('plan_id', planIdRule)`. */
export function pathIdSchema<K extends string>(name: K, rule: PathIdRule) {
  return z.object({ [name]: pathIdField(rule) } as Record<K, ReturnType<typeof pathIdField>>);
}

/**
 * An id given in a body or query (`plan_id`, `trace_id`), looked up by the service like any
 * other: an unknown one is the service's own 404. It is bounded in UTF-8 bytes, so no table
 * key built from it can exceed DynamoDB's limit; a longer one is a 400 naming the field.
 */
export const IdString = z
  .string()
  .min(1)
  .refine(
    (id) => Buffer.byteLength(id, 'utf8') <= MAX_PATH_ID_BYTES,
    `must be at most ${MAX_PATH_ID_BYTES} bytes`,
  );

/** The not-found error a failed path schema carries, if it is a path id's. */
export function pathIdNotFound(error: z.ZodError): AppError | undefined {
  for (const issue of error.issues) {
    const notFound: unknown = issue.code === 'custom' ? issue.params?.[NOT_FOUND] : undefined;
    if (typeof notFound === 'function') return (notFound as () => AppError)();
  }
  return undefined;
}
