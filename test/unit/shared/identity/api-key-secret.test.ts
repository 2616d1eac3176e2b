import {
  bearerToken,
  displayPrefix,
  generateApiKey,
  hashApiKey,
  looksLikeApiKey,
} from '../../../../shared/identity/api-key-secret';

describe('API key secrets', () => {
  it('generates fg_ keys with 256 random bits, a SHA-256 hash and a short display prefix', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.plaintext).toMatch(/^fg_[A-Za-z0-9_-]{43}$/);
    expect(a.plaintext).not.toBe(b.plaintext);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).toBe(hashApiKey(a.plaintext));
    expect(a.displayPrefix).toBe(a.plaintext.slice(0, 11));
    expect(displayPrefix('fg_abcdefghijk')).toBe('fg_abcdefgh');
  });

  it('hashes deterministically (the SHA-256 test vector)', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it.each([
    [`fg_${'a'.repeat(43)}`, true],
    [`fg_${'a'.repeat(42)}`, false],
    [`sk_${'a'.repeat(43)}`, false],
    [`fg_${'a'.repeat(42)}!`, false],
  ])('looksLikeApiKey(%s) = %s', (value, expected) => {
    expect(looksLikeApiKey(value)).toBe(expected);
  });

  it.each([
    ['Bearer abc', 'abc'],
    ['bearer  abc ', 'abc'],
    ['Basic abc', undefined],
    ['Bearer', undefined],
    ['Bearer a b', undefined],
    [undefined, undefined],
  ])('bearerToken(%s) = %s', (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});
