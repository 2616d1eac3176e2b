/**
 * Plan templating: `{{steps.<id>.output.<path>}}`, `{{trigger.body.<path>}}`,
 * `{{trigger.query.<name>}}`, `{{run.id}}` and `{{run.scheduled_time}}`.
 *
 * This is path lookup and nothing else: no expressions, no function calls, no
 * prototype walks (the class of bug behind n8n's CVE-2025-68613). A placeholder that is
 * not one of the references above is left as literal text. Lookups only follow an
 * object's own properties and an array's indices, so `__proto__`, `constructor` and
 * `prototype` are ordinary keys that are usually just missing.
 */
import { AppError } from '../errors';

export interface TemplateContext {
  /** Outputs of the steps that have run, by step id. */
  steps: Readonly<Record<string, unknown>>;
  trigger: { body?: unknown; query?: Readonly<Record<string, string>> };
  run: { id: string; scheduledTime?: string };
}

/** A reference that does not resolve. Fails the step; the message names the path. */
export class TemplateError extends AppError {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(400, 'template_error', message, true, { details: { path } });
  }
}

export type TemplateReference =
  | { kind: 'step'; stepId: string; path: string[]; text: string }
  | { kind: 'trigger.body'; path: string[]; text: string }
  | { kind: 'trigger.query'; name: string; text: string }
  | { kind: 'run.id'; text: string }
  | { kind: 'run.scheduled_time'; text: string };

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const WHOLE = /^\{\{\s*([^{}]*?)\s*\}\}$/;
const SEGMENT = /^[A-Za-z0-9_$-]+$/;
const MAX_SEGMENTS = 32;

/** Parses the inside of `{{ }}`; anything that is not a supported reference is undefined (literal text). */
export function parseReference(inner: string): TemplateReference | undefined {
  const segments = inner.split('.');
  if (segments.length > MAX_SEGMENTS || !segments.every((s) => SEGMENT.test(s))) return undefined;
  const [root, second, third, ...rest] = segments;
  if (root === 'steps' && second && third === 'output') {
    return { kind: 'step', stepId: second, path: rest, text: inner };
  }
  if (root === 'trigger' && second === 'body') {
    return { kind: 'trigger.body', path: segments.slice(2), text: inner };
  }
  if (root === 'trigger' && second === 'query' && third && rest.length === 0) {
    return { kind: 'trigger.query', name: third, text: inner };
  }
  if (root === 'run' && segments.length === 2 && second === 'id') return { kind: 'run.id', text: inner };
  if (root === 'run' && segments.length === 2 && second === 'scheduled_time') {
    return { kind: 'run.scheduled_time', text: inner };
  }
  return undefined;
}

const own = (value: object, key: string) => Object.prototype.hasOwnProperty.call(value, key);

function walk(start: unknown, path: string[], text: string): unknown {
  let current = start;
  for (const segment of path) {
    if (Array.isArray(current)) {
      const index = /^\d+$/.test(segment) ? Number(segment) : -1;
      if (index < 0 || index >= current.length) throw missing(text);
      current = current[index];
    } else if (current !== null && typeof current === 'object' && own(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      throw missing(text);
    }
  }
  return current;
}

const missing = (text: string) => new TemplateError(`Template path ${text} not found`, text);

function lookup(ref: TemplateReference, ctx: TemplateContext): unknown {
  switch (ref.kind) {
    case 'step':
      if (!own(ctx.steps, ref.stepId)) {
        throw new TemplateError(
          `Template path ${ref.text} not found: step ${ref.stepId} has no output`,
          ref.text,
        );
      }
      return walk(ctx.steps[ref.stepId], ref.path, ref.text);
    case 'trigger.body':
      if (ctx.trigger.body === undefined) throw missing(ref.text);
      return walk(ctx.trigger.body, ref.path, ref.text);
    case 'trigger.query': {
      const query = ctx.trigger.query ?? {};
      if (!own(query, ref.name)) throw missing(ref.text);
      return query[ref.name];
    }
    case 'run.id':
      return ctx.run.id;
    case 'run.scheduled_time':
      if (ctx.run.scheduledTime === undefined) throw missing(ref.text);
      return ctx.run.scheduledTime;
  }
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value);
}

function resolveString(text: string, ctx: TemplateContext): unknown {
  // A value that is exactly one placeholder keeps the referenced value's type.
  const whole = WHOLE.exec(text);
  if (whole) {
    const ref = parseReference(whole[1] ?? '');
    if (ref) return lookup(ref, ctx);
  }
  if (!text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (match, inner: string) => {
    const ref = parseReference(inner);
    return ref ? asText(lookup(ref, ctx)) : match;
  });
}

/** Resolves every placeholder in strings nested anywhere in `value`; object keys stay as they are. */
export function resolveTemplates(value: unknown, ctx: TemplateContext): unknown {
  if (typeof value === 'string') return resolveString(value, ctx);
  if (Array.isArray(value)) return value.map((v) => resolveTemplates(v, ctx));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // defineProperty, so a `__proto__` key stays an own data property instead of a prototype swap.
      Object.defineProperty(out, k, {
        value: resolveTemplates(v, ctx),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

/** Every supported reference in `value`, for validating a plan before it is saved. */
export function findReferences(value: unknown, found: TemplateReference[] = []): TemplateReference[] {
  if (typeof value === 'string') {
    for (const match of value.matchAll(PLACEHOLDER)) {
      const ref = parseReference(match[1] ?? '');
      if (ref) found.push(ref);
    }
  } else if (Array.isArray(value)) {
    for (const v of value) findReferences(v, found);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) findReferences(v, found);
  }
  return found;
}
