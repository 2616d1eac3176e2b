import { DecryptionError } from '../../../../shared/crypto/key-management';
import { AppError } from '../../../../shared/errors';

describe('DecryptionError', () => {
  it('is a 500 that is never exposed to the caller, keeping its cause', () => {
    const cause = new Error('Unsupported state or unable to authenticate data');
    const err = new DecryptionError(undefined, cause);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('DecryptionError');
    expect([err.statusCode, err.code, err.expose]).toEqual([500, 'decryption_failed', false]);
    expect(err.message).toBe('Ciphertext could not be decrypted');
    expect(err.cause).toBe(cause);
  });
});
