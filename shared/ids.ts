import { randomBytes, randomUUID } from 'node:crypto';

/** Opaque random id with a readable type prefix, e.g. `key_3f9c…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

export function newUuid(): string {
  return randomUUID();
}

export function nowIso(clock: () => number = Date.now): string {
  return new Date(clock()).toISOString();
}
