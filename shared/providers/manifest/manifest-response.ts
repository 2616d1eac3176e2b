import { lookupPath } from '../data/path';
import type { ManifestAction, ParsedManifest } from './manifest-schema';

export const readPath = (value: unknown, path: string): unknown =>
  path === '' ? value : lookupPath(value, path).value;

const present = (value: unknown) =>
  value !== undefined &&
  value !== null &&
  value !== false &&
  value !== '' &&
  !(Array.isArray(value) && value.length === 0);

/** The vendor's own words for what went wrong, from the first path that holds text. */
export function vendorMessage(manifest: ParsedManifest, data: unknown): string | undefined {
  if (typeof data === 'string') return data.trim().slice(0, 300) || undefined;
  for (const path of manifest.errors.message) {
    const value = readPath(data, path);
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/** True when a 2xx answer still reports a failure (Slack's `ok: false`, GraphQL's `errors`). */
export function failedIn200(manifest: ParsedManifest, data: unknown): boolean {
  const { okFlag, errorWhenPresent } = manifest.errors;
  if (okFlag !== undefined && readPath(data, okFlag) !== true) return true;
  return errorWhenPresent !== undefined && present(readPath(data, errorWhenPresent));
}

/** An error code the vendor says is temporary (a rate limit reported in the body). */
export function retryableCode(manifest: ParsedManifest, data: unknown): string | undefined {
  const rule = manifest.errors.retryable;
  if (!rule) return undefined;
  const code = readPath(data, rule.codePath);
  return typeof code === 'string' && rule.codes.includes(code) ? code : undefined;
}

/** The step's output: the whole answer, one part of it, or named picks. */
export function selectOutput(action: ManifestAction, data: unknown): unknown {
  const output = action.output;
  if (output === undefined) return data;
  if (typeof output === 'string') return readPath(data, output) ?? null;
  return Object.fromEntries(
    Object.entries(output).map(([name, path]) => [name, readPath(data, path) ?? null]),
  );
}

/** `Created #{number}` with values read from the answer (scalars only; anything else reads as ''). */
export function summarise(template: string, data: unknown): string {
  return template.replace(/\{([A-Za-z0-9_.$@-]+)\}/g, (_, path: string) => {
    const value = readPath(data, path);
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : '';
  });
}

/** The URL a `Link` header gives for `rel="next"` (RFC 8288). */
export function nextLink(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match && /;\s*rel="?(?:[^";]*\s)?next(?:\s[^";]*)?"?\s*(?:;|$)/i.test(match[2]!)) return match[1];
  }
  return undefined;
}
