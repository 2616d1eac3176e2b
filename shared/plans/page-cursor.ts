import { BadRequestError } from '../errors';

/**
 * Opaque pagination cursors: DynamoDB's LastEvaluatedKey as base64url JSON. A cursor is
 * only accepted back if it points into the caller's own partition, so a forged one can
 * neither read another user's items nor make DynamoDB fail with a 500.
 */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : null;
}

const KEY_NAMES = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK']);

export function decodeCursor(
  cursor: string | undefined,
  expected: Record<string, string>,
  /** Key attributes that must start with a given prefix (e.g. SK in `PLAN#`). */
  prefixes: Record<string, string> = {},
): Record<string, string> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const invalid = () => new BadRequestError('Invalid pagination cursor', 'invalid_cursor');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid();
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (!entries.every(([k, v]) => KEY_NAMES.has(k) && typeof v === 'string' && v.length <= 1024)) {
    throw invalid();
  }
  const key = Object.fromEntries(entries) as Record<string, string>;
  for (const [name, value] of Object.entries(expected)) {
    if (key[name] !== value) throw invalid();
  }
  for (const [name, prefix] of Object.entries(prefixes)) {
    if (!key[name]?.startsWith(prefix)) throw invalid();
  }
  return key;
}
