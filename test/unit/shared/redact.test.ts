import {
  MAX_REDACT_DEPTH,
  REDACTED,
  Redactor,
  isSecretName,
  redact,
  redactString,
} from '../../../shared/redact';

describe('redact', () => {
  it.each([
    ['our API keys', `key fg_${'a'.repeat(43)} used`],
    ['OpenAI keys', 'sk-proj-abcdefghijklmnopqrstuvwx'],
    ['bearer tokens', 'Authorization: Bearer abc.def.ghi-123'],
    ['basic credentials', 'Basic dXNlcjpwYXNzd29yZA=='],
    ['Slack tokens', 'xoxb-1234567890-abcdefghij'],
    ['GitHub tokens', 'ghp_abcdefghijklmnopqrstuvwxyz0123'],
    ['Stripe keys', 'sk_live_abcdefghijklmnop'],
    ['JWTs', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
  ])('removes %s from strings', (_label, text) => {
    const out = redactString(text);
    expect(out).toContain(REDACTED);
    expect(out).not.toMatch(/fg_a{10}|abcdefghij|dXNlcjpw|eyJzdWIi/);
  });

  it('removes known secret values wherever they appear', () => {
    expect(redactString('the value is hunter22 ok', ['hunter22'])).toBe(`the value is ${REDACTED} ok`);
    expect(redactString('xhunter22x', ['hunter22'])).toBe(`x${REDACTED}x`);
  });

  it('redacts a short secret where it stands alone, not inside longer words', () => {
    const r = new Redactor(['abc']);
    expect(r.string('abc')).toBe(REDACTED);
    expect(r.string('key=abc&x=1')).toBe(`key=${REDACTED}&x=1`);
    expect(r.string('"abc"')).toBe(`"${REDACTED}"`);
    expect(r.string('abcdef xabc abc1')).toBe('abcdef xabc abc1');
    // Its encoded forms too, bounded the same way.
    expect(new Redactor(['a+b c']).string('q=a%2Bb%20c&r=a%2Bb+c')).toBe(`q=${REDACTED}&r=${REDACTED}`);
  });

  const SECRET = 's3cr+t/=& %Xy9';
  const encodings: [string, string][] = [
    ['as is', SECRET],
    ['URL-encoded with %20', encodeURIComponent(SECRET)],
    [
      'URL-encoded with lower-case hex',
      encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    ],
    ['form-encoded with +', new URLSearchParams({ k: SECRET }).toString().slice(2)],
    ['base64', Buffer.from(SECRET).toString('base64')],
    ['base64 without padding', Buffer.from(SECRET).toString('base64').replace(/=+$/, '')],
    ['base64url', Buffer.from(SECRET).toString('base64url')],
    ['JSON-escaped', JSON.stringify(`${SECRET}"\\`).slice(1, -1)],
    ['HTML-escaped', SECRET.replace('&', '&amp;')],
  ];

  it.each(encodings)('removes a secret that comes back %s', (_label, form) => {
    const secret = _label === 'JSON-escaped' ? `${SECRET}"\\` : SECRET;
    const out = new Redactor([secret]).string(`echo: <${form}> done`);
    expect(out).toBe(`echo: <${REDACTED}> done`);
  });

  it('removes a secret inside a longer base64 text, at any byte alignment', () => {
    const r = new Redactor(['user:pa55word-long']);
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const blob = Buffer.from(`${prefix}{"auth":"user:pa55word-long","more":"data"}`).toString('base64');
      expect(r.string(blob)).toContain(REDACTED);
    }
    expect(r.string(`Basic ${Buffer.from('user:pa55word-long').toString('base64')}`)).toBe(
      `Basic ${REDACTED}`,
    );
    // The password of a user:password credential on its own, as an upstream decoding basic auth echoes it.
    expect(r.string('password was pa55word-long')).toBe(`password was ${REDACTED}`);
  });

  it('removes secrets from object keys as well as values, keeping colliding keys apart', () => {
    const r = new Redactor(['tok-1234567890', 'tok-0987654321']);
    expect(r.value({ 'tok-1234567890': 1, nested: [{ 'x tok-0987654321': 'tok-1234567890' }] })).toEqual({
      [REDACTED]: 1,
      nested: [{ [`x ${REDACTED}`]: REDACTED }],
    });
    expect(r.value({ 'tok-1234567890': 1, 'tok-0987654321': 2 })).toEqual({
      [REDACTED]: 1,
      [`${REDACTED}#2`]: 2,
    });
  });

  it('learns secrets as it goes', () => {
    const r = new Redactor();
    expect(r.string('late-secret-value')).toBe('late-secret-value');
    r.add('late-secret-value');
    expect(r.string('late-secret-value')).toBe(REDACTED);
  });

  it('redacts string values under secret-looking names, deeply, and keeps counts', () => {
    const input = {
      apiKey: 'plain',
      nested: { client_secret: 'x', password: 'y', list: [{ authorization: 'z' }] },
      usage: { prompt_tokens: 12, completion_tokens: 3 },
      keyId: 'key_1',
      name: 'visible',
    };
    expect(redact(input)).toEqual({
      apiKey: REDACTED,
      nested: { client_secret: REDACTED, password: REDACTED, list: [{ authorization: REDACTED }] },
      usage: { prompt_tokens: 12, completion_tokens: 3 },
      keyId: 'key_1',
      name: 'visible',
    });
  });

  it('turns errors into name and redacted message, and cuts very deep values', () => {
    expect(redact(new Error(`bad key fg_${'b'.repeat(43)}`))).toEqual({
      name: 'Error',
      message: `bad key ${REDACTED}`,
    });
    // 64 levels (the most a request body may have) come through whole...
    let deep: Record<string, unknown> = { leaf: 'fg_' + 'c'.repeat(43) };
    for (let i = 0; i < 63; i++) deep = { deep };
    expect(JSON.stringify(redact(deep))).not.toContain('[Truncated]');
    expect(JSON.stringify(redact(deep))).toContain(REDACTED);
    // ...and anything deeper than the walk's bound is cut, never a stack overflow.
    for (let i = 0; i < 10_000; i++) deep = { deep };
    expect(JSON.stringify(redact(deep)).split('{').length - 1).toBe(MAX_REDACT_DEPTH);
  });

  it.each([
    ['api_key', true],
    ['apiKey', true],
    ['x-api-key', true],
    ['Authorization', true],
    ['signingSecret', true],
    ['refresh_token', true],
    ['keyId', false],
    ['tokenizer', false],
    ['prefix', false],
  ])('isSecretName(%s) is %s', (name, expected) => {
    expect(isSecretName(name)).toBe(expected);
  });
});
