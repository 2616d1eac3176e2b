import { REDACTED, isSecretName, redact, redactString } from '../../../shared/redact';

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
    // Too short to redact safely: it would shred ordinary text.
    expect(redactString('abc', ['abc'])).toBe('abc');
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
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 20; i++) deep = { deep };
    expect(JSON.stringify(redact(deep))).toContain('[Truncated]');
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
