/**
 * The edge's limits on what a request may contain, applied before zod or any other walk
 * over user data: JSON nesting depth, and well-formed Unicode in every string, object key,
 * query parameter and path parameter. Every JSON body goes through assertJsonLimits (the
 * http() wrappers and the webhook trigger body), so the recursive code behind it
 * (templating, validation, redaction, output caps) never sees more than MAX_JSON_DEPTH.
 */
import { InvalidUnicodeError, JsonTooDeepError } from '../errors';

/** Deep enough for any real payload; shallow enough for every recursive walk downstream. */
export const MAX_JSON_DEPTH = 64;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/**
 * Throws JsonTooDeepError past MAX_JSON_DEPTH nested objects and arrays (a scalar is
 * depth 0, `[]` depth 1), and InvalidUnicodeError for a lone surrogate in any string or
 * key. It keeps its own stack instead of recursing, so it is safe at any depth.
 */
export function assertJsonLimits(value: unknown, part = 'body'): void {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const current = next.value;
    if (typeof current === 'string') {
      if (hasLoneSurrogate(current)) throw new InvalidUnicodeError(part);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    const depth = next.depth + 1;
    if (depth > MAX_JSON_DEPTH) throw new JsonTooDeepError(MAX_JSON_DEPTH, part);
    if (Array.isArray(current)) {
      for (const item of current) pending.push({ value: item, depth });
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      if (hasLoneSurrogate(key)) throw new InvalidUnicodeError(part);
      pending.push({ value: item, depth });
    }
  }
}

type Params = Record<string, string | string[] | undefined> | null | undefined;

/** Query or path parameters: every name and value must be well-formed Unicode. */
export function assertWellFormedParams(params: Params, part: 'query' | 'path'): void {
  for (const [name, value] of Object.entries(params ?? {})) {
    const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
    if (hasLoneSurrogate(name) || values.some(hasLoneSurrogate)) throw new InvalidUnicodeError(part);
  }
}
