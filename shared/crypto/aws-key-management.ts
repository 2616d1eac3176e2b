import { DecryptCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import { DecryptionError, type EncryptionContext, type KeyManagement } from './key-management';

/** KMS errors that mean "this ciphertext does not open here", as opposed to an outage. */
const NOT_DECRYPTABLE = new Set([
  'InvalidCiphertextException',
  'IncorrectKeyException',
  'InvalidKeyUsageException',
]);

/**
 * The KeyManagement port on AWS KMS. The encryption context is bound to the ciphertext
 * by KMS itself, so a ciphertext copied to another user's item fails to decrypt there.
 */
export class AwsKeyManagement implements KeyManagement {
  constructor(
    private readonly client: KMSClient,
    private readonly keyId: string,
  ) {}

  async encrypt(plaintext: string, context: EncryptionContext): Promise<string> {
    const out = await this.client.send(
      new EncryptCommand({
        KeyId: this.keyId,
        Plaintext: Buffer.from(plaintext, 'utf8'),
        EncryptionContext: context,
      }),
    );
    if (!out.CiphertextBlob) throw new Error('KMS Encrypt returned no ciphertext');
    return Buffer.from(out.CiphertextBlob).toString('base64');
  }

  async decrypt(ciphertext: string, context: EncryptionContext): Promise<string> {
    try {
      const out = await this.client.send(
        new DecryptCommand({
          // Pinning the key id makes KMS refuse a ciphertext made under any other key.
          KeyId: this.keyId,
          CiphertextBlob: Buffer.from(ciphertext, 'base64'),
          EncryptionContext: context,
        }),
      );
      if (!out.Plaintext) throw new DecryptionError('KMS Decrypt returned no plaintext');
      return Buffer.from(out.Plaintext).toString('utf8');
    } catch (err) {
      if (err instanceof DecryptionError) throw err;
      if (err instanceof Error && NOT_DECRYPTABLE.has(err.name)) {
        throw new DecryptionError(
          'Ciphertext could not be decrypted with this key and encryption context',
          err,
        );
      }
      throw err;
    }
  }
}
