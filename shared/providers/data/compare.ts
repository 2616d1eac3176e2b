import { isDeepStrictEqual } from 'node:util';

export const CONDITION_OPS = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'not_contains',
  'starts_with',
  'ends_with',
  'in',
  'not_in',
  'exists',
  'not_exists',
  'empty',
  'not_empty',
] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

/** Operators that only look at `left`. */
export const UNARY_OPS: ReadonlySet<ConditionOp> = new Set(['exists', 'not_exists', 'empty', 'not_empty']);

/** Thrown when the two sides cannot be compared (an object against a number...): the step fails. */
export class ComparisonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComparisonError';
  }
}

/** Numbers, and strings that are entirely a finite number (templating turns embedded values into text). */
function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

function equal(left: unknown, right: unknown): boolean {
  const l = asNumber(left);
  const r = asNumber(right);
  // 5 equals "5" because a placeholder inside text arrives as a string.
  if (l !== undefined && r !== undefined && (typeof left === 'number' || typeof right === 'number'))
    return l === r;
  return isDeepStrictEqual(left, right);
}

function order(left: unknown, right: unknown, op: string): number {
  const l = asNumber(left);
  const r = asNumber(right);
  if (l !== undefined && r !== undefined) return l - r;
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  throw new ComparisonError(`Cannot apply ${op} to ${kind(left)} and ${kind(right)}`);
}

function contains(container: unknown, item: unknown, op: string): boolean {
  if (typeof container === 'string') return container.includes(String(item));
  if (Array.isArray(container)) return container.some((element) => equal(element, item));
  if (container !== null && typeof container === 'object') return Object.hasOwn(container, String(item));
  throw new ComparisonError(`Cannot apply ${op} to ${kind(container)}`);
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function kind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function text(value: unknown, op: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new ComparisonError(`Cannot apply ${op} to ${kind(value)}`);
}

export function evaluate(left: unknown, op: ConditionOp, right: unknown): boolean {
  switch (op) {
    case 'eq':
      return equal(left, right);
    case 'ne':
      return !equal(left, right);
    case 'gt':
      return order(left, right, op) > 0;
    case 'gte':
      return order(left, right, op) >= 0;
    case 'lt':
      return order(left, right, op) < 0;
    case 'lte':
      return order(left, right, op) <= 0;
    case 'contains':
      return contains(left, right, op);
    case 'not_contains':
      return !contains(left, right, op);
    case 'starts_with':
      return text(left, op).startsWith(text(right, op));
    case 'ends_with':
      return text(left, op).endsWith(text(right, op));
    case 'in':
      return contains(right, left, op);
    case 'not_in':
      return !contains(right, left, op);
    case 'exists':
      return left !== undefined && left !== null;
    case 'not_exists':
      return left === undefined || left === null;
    case 'empty':
      return isEmpty(left);
    case 'not_empty':
      return !isEmpty(left);
  }
}
