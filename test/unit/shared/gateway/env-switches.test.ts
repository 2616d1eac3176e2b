import { parseEnv, strictBoolean } from '../../../../shared/config/env';

describe('gateway environment', () => {
  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('reads the switch %s as %s', (raw, value) => {
    expect(strictBoolean(false).parse(raw)).toBe(value);
  });

  it.each(['yes', 'TRUE', 'on', '', ' true', 'ture'])('refuses %j loudly rather than guessing', (raw) => {
    expect(strictBoolean(false).safeParse(raw).success).toBe(false);
    expect(() => parseEnv({ TABLE_NAME: 't', AUTOMATION_FEATURE_ENABLED: raw })).toThrow(
      /AUTOMATION_FEATURE_ENABLED: expected 'true', 'false', '1' or '0'/,
    );
  });

  it('defaults: automation off system-wide and for new users, lenient routing, 1 h sessions', () => {
    const env = parseEnv({ TABLE_NAME: 't' });
    expect(env).toMatchObject({
      AUTOMATION_FEATURE_ENABLED: false,
      AUTOMATION_DEFAULT_ENABLED: false,
      MODEL_ROUTING_STRICT: false,
      DEFAULT_SESSION_EXPIRATION: 3600,
      ROLLOUT_FLAG_CACHE_SECONDS: 30,
      UPSTREAM_MAX_RETRIES: 2,
    });
  });

  it('never lets the rollout flag be cached past 30 s', () => {
    expect(() => parseEnv({ TABLE_NAME: 't', ROLLOUT_FLAG_CACHE_SECONDS: '31' })).toThrow(
      /ROLLOUT_FLAG_CACHE_SECONDS/,
    );
  });
});
