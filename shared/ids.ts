import { randomBytes, randomUUID } from 'node:crypto';

const ID_RANDOM_BYTES = 12;

/** Opaque random id with a readable type prefix, e.g. `key_3f9c…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(ID_RANDOM_BYTES).toString('hex')}`;
}

/** Whether `id` has the shape newId(prefix) mints; `prefix` is one of the code's own, never input. */
export function isId(prefix: string, id: string): boolean {
  return new RegExp(`^${prefix}_[0-9a-f]{${ID_RANDOM_BYTES * 2}}$`).test(id);
}

export function newUuid(): string {
  return randomUUID();
}

export function nowIso(clock: () => number = Date.now): string {
  return new Date(clock()).toISOString();
}
