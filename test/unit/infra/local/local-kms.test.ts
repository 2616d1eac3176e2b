import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { KEY_FILE_NAME, KeyFileError, LocalKms } from '../../../../infra/local/local-kms';
import { DecryptionError } from '../../../../shared/crypto/key-management';

const context = { userId: 'user_1', provider: 'openai', type: 'api_key' };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'flowgate-kms-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Re-encodes the ciphertext with one byte flipped. */
function flip(ciphertext: string, index: number): string {
  const bytes = Buffer.from(ciphertext, 'base64');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

describe('LocalKms', () => {
  it.each(['sk-live-1234567890', '', 'ünïcødé 🔑 secret'])('round-trips %j', async (plaintext) => {
    const kms = LocalKms.inMemory();
    const ciphertext = await kms.encrypt(plaintext, context);
    expect(ciphertext).not.toContain(plaintext || '\u0000');
    await expect(kms.decrypt(ciphertext, context)).resolves.toBe(plaintext);
  });

  it('writes version 1 | 12-byte IV | 16-byte tag | ciphertext as base64', async () => {
    const bytes = Buffer.from(await LocalKms.inMemory().encrypt('abcd', context), 'base64');
    expect(bytes[0]).toBe(1);
    expect(bytes.length).toBe(1 + 12 + 16 + 4);
  });

  it('uses a fresh IV for every encryption', async () => {
    const kms = LocalKms.inMemory();
    const a = Buffer.from(await kms.encrypt('same', context), 'base64');
    const b = Buffer.from(await kms.encrypt('same', context), 'base64');
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('ignores the key order of the encryption context', async () => {
    const kms = LocalKms.inMemory();
    const ciphertext = await kms.encrypt('secret', { a: '1', b: '2', c: '3' });
    await expect(kms.decrypt(ciphertext, { c: '3', a: '1', b: '2' })).resolves.toBe('secret');
  });

  it.each([
    ['a different value', { ...context, userId: 'user_2' }],
    ['an extra pair', { ...context, extra: 'x' }],
    ['a missing pair', { userId: 'user_1', provider: 'openai' }],
    ['no context', {}],
    ['a value moved to another key', { userId: 'openai', provider: 'user_1', type: 'api_key' }],
  ])('fails with %s in the context', async (_name, other) => {
    const kms = LocalKms.inMemory();
    const ciphertext = await kms.encrypt('secret', context);
    await expect(kms.decrypt(ciphertext, other)).rejects.toThrow(DecryptionError);
  });

  it.each([
    ['the version', 0],
    ['the IV', 5],
    ['the tag', 20],
    ['the ciphertext', 30],
  ])('fails when %s is altered', async (_name, index) => {
    const kms = LocalKms.inMemory();
    const ciphertext = await kms.encrypt('secret value', context);
    await expect(kms.decrypt(flip(ciphertext, index), context)).rejects.toThrow(DecryptionError);
  });

  it('fails on truncated, extended or non-base64 ciphertext', async () => {
    const kms = LocalKms.inMemory();
    const ciphertext = await kms.encrypt('secret value', context);
    const bytes = Buffer.from(ciphertext, 'base64');
    for (const bad of [
      bytes.subarray(0, bytes.length - 1).toString('base64'),
      Buffer.concat([bytes, Buffer.from([0])]).toString('base64'),
      bytes.subarray(0, 20).toString('base64'),
      `${ciphertext}!`,
      '',
      'not base64 at all',
    ]) {
      await expect(kms.decrypt(bad, context)).rejects.toThrow(DecryptionError);
    }
  });

  it('fails under a different key', async () => {
    const ciphertext = await LocalKms.inMemory().encrypt('secret', context);
    await expect(LocalKms.inMemory().decrypt(ciphertext, context)).rejects.toThrow(DecryptionError);
  });

  it('creates the key file with mode 0600 once and reuses it', async () => {
    const keyDir = path.join(dir, 'nested', '.local');
    const first = await LocalKms.create({ dir: keyDir });
    const file = path.join(keyDir, KEY_FILE_NAME);
    const info = await stat(file);
    expect(info.mode & 0o777).toBe(0o600);
    expect(info.size).toBe(32);
    const key = await readFile(file);

    const ciphertext = await first.encrypt('persisted', context);
    const second = await LocalKms.create({ dir: keyDir });
    await expect(second.decrypt(ciphertext, context)).resolves.toBe('persisted');
    expect((await readFile(file)).equals(key)).toBe(true);
  });

  it('makes a key file that others may read 0600 again, keeping the key', async () => {
    const original = await LocalKms.create({ dir });
    const ciphertext = await original.encrypt('kept', context);
    const file = path.join(dir, KEY_FILE_NAME);
    await chmod(file, 0o644);
    const reopened = await LocalKms.create({ dir });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await expect(reopened.decrypt(ciphertext, context)).resolves.toBe('kept');
  });

  it('agrees on one key when several instances start at once', async () => {
    const instances = await Promise.all(Array.from({ length: 8 }, () => LocalKms.create({ dir })));
    const ciphertext = await instances[3]!.encrypt('shared', context);
    for (const kms of instances) await expect(kms.decrypt(ciphertext, context)).resolves.toBe('shared');
    expect(await readdir(dir)).toEqual([KEY_FILE_NAME]);
  });

  it('refuses a key file of the wrong length and leaves it untouched', async () => {
    const file = path.join(dir, KEY_FILE_NAME);
    await writeFile(file, Buffer.alloc(16, 7), { mode: 0o600 });
    await expect(LocalKms.create({ dir })).rejects.toThrow(KeyFileError);
    await expect(LocalKms.create({ dir })).rejects.toThrow('holds 16 bytes, not a 32-byte key');
    expect(await readFile(file)).toEqual(Buffer.alloc(16, 7));
  });

  it('keeps an in-memory key off the disk', async () => {
    const kms = await LocalKms.create({ dir, inMemory: true });
    await expect(kms.decrypt(await kms.encrypt('x', context), context)).resolves.toBe('x');
    expect(await readdir(dir)).toEqual([]);
  });
});
