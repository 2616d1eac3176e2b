import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { AwsKeyManagement } from '../../../../shared/crypto/aws-key-management';
import { DecryptionError } from '../../../../shared/crypto/key-management';

const KEY_ID = 'arn:aws:kms:us-east-1:000000000000:key/11111111-2222-3333-4444-555555555555';
const context = { userId: 'u1', provider: 'slack', credentialType: 'token' };

describe('AwsKeyManagement', () => {
  const kms = mockClient(KMSClient);
  const adapter = new AwsKeyManagement(new KMSClient({ region: 'us-east-1' }), KEY_ID);

  beforeEach(() => kms.reset());

  it('encrypts with the key and passes the encryption context', async () => {
    kms.on(EncryptCommand).resolves({ CiphertextBlob: Buffer.from('cipher-bytes') });
    const out = await adapter.encrypt('xoxb-secret-value', context);
    expect(out).toBe(Buffer.from('cipher-bytes').toString('base64'));
    const calls = kms.commandCalls(EncryptCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]!.args[0].input;
    expect(input.KeyId).toBe(KEY_ID);
    expect(input.EncryptionContext).toEqual(context);
    expect(Buffer.from(input.Plaintext as Uint8Array).toString('utf8')).toBe('xoxb-secret-value');
  });

  it('decrypts with the same key and encryption context', async () => {
    kms.on(DecryptCommand).resolves({ Plaintext: Buffer.from('xoxb-secret-value') });
    const ciphertext = Buffer.from('cipher-bytes').toString('base64');
    await expect(adapter.decrypt(ciphertext, context)).resolves.toBe('xoxb-secret-value');
    const input = kms.commandCalls(DecryptCommand)[0]!.args[0].input;
    expect(input.KeyId).toBe(KEY_ID);
    expect(input.EncryptionContext).toEqual(context);
    expect(Buffer.from(input.CiphertextBlob as Uint8Array).toString()).toBe('cipher-bytes');
  });

  it('turns a context mismatch into DecryptionError', async () => {
    const err = Object.assign(new Error('denied'), { name: 'InvalidCiphertextException' });
    kms.on(DecryptCommand).rejects(err);
    await expect(adapter.decrypt('AAAA', { ...context, userId: 'u2' })).rejects.toBeInstanceOf(
      DecryptionError,
    );
  });

  it('lets outages through as they are, so they are not mistaken for bad ciphertext', async () => {
    const err = Object.assign(new Error('throttled'), { name: 'ThrottlingException' });
    kms.on(DecryptCommand).rejects(err);
    await expect(adapter.decrypt('AAAA', context)).rejects.toThrow('throttled');
  });

  it('fails loudly when KMS answers without data', async () => {
    kms.on(EncryptCommand).resolves({});
    await expect(adapter.encrypt('x', context)).rejects.toThrow('no ciphertext');
    kms.on(DecryptCommand).resolves({});
    await expect(adapter.decrypt('AAAA', context)).rejects.toBeInstanceOf(DecryptionError);
  });
});
