/**
 * The key-management port: envelope-free encrypt/decrypt of small secrets (provider
 * credentials) bound to an encryption context. AWS KMS implements it in Lambda, the
 * local KMS (infra/local/local-kms.ts) on a developer machine.
 */
import { AppError } from '../errors';

/**
 * Authenticated, non-secret data bound to a ciphertext, e.g. {userId, provider, type}.
 * Decrypting needs exactly the same pairs (key order does not matter), so a ciphertext
 * copied to another user's record cannot be decrypted there.
 */
export type EncryptionContext = Record<string, string>;

export interface KeyManagement {
  /** Returns opaque base64 ciphertext. */
  encrypt(plaintext: string, context: EncryptionContext): Promise<string>;
  /** Throws DecryptionError on a wrong context, a wrong key or altered ciphertext; never returns garbage. */
  decrypt(ciphertext: string, context: EncryptionContext): Promise<string>;
}

/** Server-side failure: rendered as a generic 500, so nothing about the ciphertext reaches the caller. */
export class DecryptionError extends AppError {
  constructor(message = 'Ciphertext could not be decrypted', cause?: unknown) {
    super(500, 'decryption_failed', message, false, { cause });
  }
}
