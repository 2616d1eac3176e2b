/**
 * Local stand-in for AWS KMS: AES-256-GCM under a 32-byte key kept in a file, with the
 * encryption context as additional authenticated data, so a wrong context fails exactly
 * as it does on KMS.
 *
 * Ciphertext (base64): version (1 byte) | IV (12) | GCM tag (16) | encrypted bytes.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { chmod, link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import {
  DecryptionError,
  type EncryptionContext,
  type KeyManagement,
} from '../../shared/crypto/key-management';

export const KEY_FILE_NAME = 'kms.key';
const KEY_BYTES = 32;
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

export class KeyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyFileError';
  }
}

/** The AAD: the same pairs in any order give the same bytes; any other value does not. */
export function canonicalContext(context: EncryptionContext): Buffer {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(context).sort()) sorted[key] = String(context[key]);
  return Buffer.from(JSON.stringify(sorted), 'utf8');
}

// Duck-typed: fs errors can come from another realm (jest's sandbox), failing instanceof Error.
function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as NodeJS.ErrnoException).code === code;
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return undefined;
    throw err;
  }
}

/**
 * Writes a fresh key to a private temporary file and hard-links it into place, so a
 * concurrent starter sees either no key file or a complete one, and exactly one key wins.
 */
async function createKeyFile(dir: string, file: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${KEY_FILE_NAME}.${process.pid}.${randomBytes(6).toString('hex')}`);
  const handle = await open(
    temp,
    fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_NOFOLLOW,
    0o600,
  );
  try {
    await handle.writeFile(randomBytes(KEY_BYTES));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, file);
  } catch (err) {
    if (!isErrno(err, 'EEXIST')) throw err;
  } finally {
    await unlink(temp);
  }
}

/**
 * Reads `<dir>/kms.key`, creating it (mode 0600) on first use; refuses a file of the wrong
 * size. A key file that others may read (an older run, a copy) is made 0600 again.
 */
export async function loadOrCreateKeyFile(dir: string): Promise<Buffer> {
  const file = path.join(dir, KEY_FILE_NAME);
  let key = await readIfExists(file);
  if (!key) {
    await createKeyFile(dir, file);
    key = await readFile(file);
  }
  if (key.length !== KEY_BYTES) {
    throw new KeyFileError(
      `${file} holds ${key.length} bytes, not a ${KEY_BYTES}-byte key. Refusing to use it; ` +
        'restore the original file (deleting it makes existing ciphertext unreadable).',
    );
  }
  if ((await stat(file)).mode & 0o077) await chmod(file, 0o600);
  return key;
}

export interface LocalKmsOptions {
  /** Directory for the key file. Default `.local` under the working directory. */
  dir?: string;
  /** A random key held in memory only (for `--in-memory` runs and tests). */
  inMemory?: boolean;
}

export class LocalKms implements KeyManagement {
  private constructor(private readonly key: Buffer) {}

  static async create(options: LocalKmsOptions = {}): Promise<LocalKms> {
    if (options.inMemory) return LocalKms.inMemory();
    return new LocalKms(await loadOrCreateKeyFile(options.dir ?? path.resolve('.local')));
  }

  static inMemory(): LocalKms {
    return new LocalKms(randomBytes(KEY_BYTES));
  }

  async encrypt(plaintext: string, context: EncryptionContext): Promise<string> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(canonicalContext(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]).toString('base64');
  }

  async decrypt(ciphertext: string, context: EncryptionContext): Promise<string> {
    const bytes = typeof ciphertext === 'string' ? Buffer.from(ciphertext, 'base64') : Buffer.alloc(0);
    // Buffer.from skips invalid base64 characters; insisting on a round trip rejects altered text.
    if (bytes.length < HEADER_BYTES || bytes.toString('base64') !== ciphertext) {
      throw new DecryptionError('Ciphertext is malformed');
    }
    if (bytes[0] !== VERSION) throw new DecryptionError('Ciphertext has an unknown format version');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(1, 1 + IV_BYTES), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(canonicalContext(context));
      decipher.setAuthTag(bytes.subarray(1 + IV_BYTES, HEADER_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    } catch (err) {
      throw new DecryptionError(
        'Ciphertext could not be decrypted with this key and encryption context',
        err,
      );
    }
  }
}
