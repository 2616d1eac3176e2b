import { secretForms } from '../../../shared/secret-forms';

/** Every character that some encoding changes: URL-reserved, JSON-escaped, HTML-escaped, non-ASCII. */
const SECRET = String.raw`k+/=&% "\é!'()*<>`;

/*
 * The spellings the module's doc comments promise, written out by hand for SECRET so that
 * the expectation does not share code with the module. Base64 is Node's own encoding.
 */
const URL_FORMS: [string, string][] = [
  ['encodeURIComponent', String.raw`k%2B%2F%3D%26%25%20%22%5C%C3%A9!'()*%3C%3E`],
  ['RFC 3986 strict', String.raw`k%2B%2F%3D%26%25%20%22%5C%C3%A9%21%27%28%29%2A%3C%3E`],
  ['form-encoded (URLSearchParams)', String.raw`k%2B%2F%3D%26%25+%22%5C%C3%A9%21%27%28%29*%3C%3E`],
  ['encodeURIComponent, spaces as +', String.raw`k%2B%2F%3D%26%25+%22%5C%C3%A9!'()*%3C%3E`],
  ['RFC 3986 strict, spaces as +', String.raw`k%2B%2F%3D%26%25+%22%5C%C3%A9%21%27%28%29%2A%3C%3E`],
];

const JSON_FORMS: [string, string][] = [
  ['JSON escapes', String.raw`k+/=&% \"\\é!'()*<>`],
  ['JSON with \\/', String.raw`k+\/=&% \"\\é!'()*<>`],
  ['JSON with \\u for non-ASCII', String.raw`k+/=&% \"\\\u00e9!'()*<>`],
];

const bytes = Buffer.from(SECRET, 'utf8');
const BASE64_FORMS: [string, string][] = [
  ['base64', bytes.toString('base64')],
  ['base64url', bytes.toString('base64url')],
];

const HTML_FORM = String.raw`k+/=&amp;% &quot;\é!&#39;()*&lt;&gt;`;

const fromForm = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
const fromHtml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('secretForms', () => {
  const forms = secretForms(SECRET);

  it('includes the secret itself', () => {
    expect(forms).toContain(SECRET);
  });

  it.each(URL_FORMS)('includes the URL form %s, with upper- and lower-case hex', (_name, text) => {
    expect(fromForm(text)).toBe(SECRET);
    expect(forms).toContain(text);
    const lower = text.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
    expect(lower).not.toBe(text);
    expect(forms).toContain(lower);
  });

  it.each(BASE64_FORMS)('includes %s with and without padding', (_name, text) => {
    expect(Buffer.from(text, 'base64').toString('utf8')).toBe(SECRET);
    expect(forms).toContain(text);
    expect(forms).toContain(text.replace(/=+$/, ''));
  });

  it('includes padded and unpadded base64 of a secret whose encoding is padded', () => {
    // 16 bytes: two padding characters, and a `+`, so base64url does not spell it the same.
    const secret = 'user:p?ss>w~rd!!';
    const forms16 = secretForms(secret);
    const padded = Buffer.from(secret).toString('base64');
    expect(padded).toMatch(/\+.*==$/);
    expect(forms16).toEqual(expect.arrayContaining([padded, padded.replace(/=+$/, '')]));
    // Node writes base64url without padding; a padded echo is that text plus `==`, so the
    // unpadded form matches every character that carries the secret.
    const url = Buffer.from(secret).toString('base64url');
    expect(Buffer.from(url + '==', 'base64url').toString()).toBe(secret);
    expect(forms16).toContain(url);
  });

  it.each(JSON_FORMS)('includes the %s form', (_name, text) => {
    expect(JSON.parse(`"${text}"`)).toBe(SECRET);
    expect(forms).toContain(text);
  });

  it('includes the form an HTML page prints', () => {
    expect(fromHtml(HTML_FORM)).toBe(SECRET);
    expect(forms).toContain(HTML_FORM);
  });

  it('has each form once and no empty form', () => {
    expect(new Set(forms).size).toBe(forms.length);
    expect(forms).not.toContain('');
    expect(secretForms('')).toEqual([]);
  });
});

describe('the base64 stable cores', () => {
  const secrets = [SECRET, 'abcdefg', 'user:pässwörd', 'Zq7pW3xK9mR2vT8sL4nB-'];
  const prefixes = ['', 'u', 'u:', 'abc', 'Basic', 'ab\u00e9']; // 0 to 5 bytes, ASCII and not
  const suffixes = ['', 'x', 'xy', 'xyz', '@host:443/path', '"}', '\u00e9\u00e9'];
  const encodings = ['base64', 'base64url'] as const;

  const cases = secrets.flatMap((secret) => prefixes.map((prefix) => ({ secret, prefix })));

  /** The longest form of `secret` found in `encoded`. */
  const longestIn = (encoded: string, secret: string) =>
    Math.max(
      0,
      ...secretForms(secret)
        .filter((form) => encoded.includes(form))
        .map((form) => form.length),
    );

  it.each(cases)('$secret after "$prefix" keeps a core whatever follows it', ({ secret, prefix }) => {
    const n = Buffer.byteLength(secret);
    for (const suffix of suffixes) {
      for (const encoding of encodings) {
        const encoded = Buffer.from(prefix + secret + suffix, 'utf8').toString(encoding);
        const longest = longestIn(encoded, secret);
        // A core loses at most the one character at each end that mixes in a neighbour's bits.
        expect({ suffix, encoding, enough: longest >= Math.floor((4 * n) / 3) - 2 && longest >= 8 }).toEqual({
          suffix,
          encoding,
          enough: true,
        });
      }
    }
  });

  it('produces no core shorter than 8 characters', () => {
    // Five bytes: every core would be six characters, so only the whole encodings remain.
    expect(secretForms('abcde').sort()).toEqual(['YWJjZGU', 'YWJjZGU=', 'abcde']);
  });

  it('produces a core of exactly 8 characters', () => {
    // Seven bytes after one other byte: the core is characters 2 to 10 of that encoding.
    const core = Buffer.from('\0abcdefg').toString('base64').slice(2, 10);
    expect(core).toHaveLength(8);
    expect(secretForms('abcdefg')).toContain(core);
  });
});
