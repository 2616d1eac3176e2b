import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'fg_';
/** 32 random bytes as base64url: 43 characters, 256 bits of entropy. */
const KEY_BYTES = 32;
const DISPLAY_CHARS = 8;
const KEY_SHAPE = /^fg_[A-Za-z0-9_-]{43}$/;

export interface GeneratedApiKey {
  plaintext: string;
  hash: string;
  displayPrefix: string;
}

export function generateApiKey(): GeneratedApiKey {
  const plaintext = API_KEY_PREFIX + randomBytes(KEY_BYTES).toString('base64url');
  return { plaintext, hash: hashApiKey(plaintext), displayPrefix: displayPrefix(plaintext) };
}

/** Keys are stored and looked up only by this hash. */
export function hashApiKey(plaintext: string): string {
  return createHash('sha256').update(plaintext, 'utf8').digest('hex');
}

export function displayPrefix(plaintext: string): string {
  return plaintext.slice(0, API_KEY_PREFIX.length + DISPLAY_CHARS);
}

/** Cheap shape check so malformed keys never cost a table read. */
export function looksLikeApiKey(value: string): boolean {
  return KEY_SHAPE.test(value);
}

/** Extracts the key from `Authorization: Bearer <key>`; undefined if the header is absent or malformed. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
