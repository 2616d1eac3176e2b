import { Redactor } from '../../../../infra/smoke/redactor';

const KEY = `fg_${'A1b2_C3d-'.repeat(4)}xyz0123`;
const TOKEN = `wh_${'Zz9_'.repeat(10)}abc.user-1.plan_0mx5jte5m56287ad68ae38dbc0e18`;

describe('smoke output redaction', () => {
  it.each([
    ['a Flowgate key', `key ${KEY} here`, 'key fg_<redacted> here'],
    ['a webhook path', `POST /api/webhook/${TOKEN} -> 200`, 'POST /api/webhook/wh_<redacted> -> 200'],
    ['a signing secret', '{"secret":"whsec_abcDEF123_-x"}', '{"secret":"whsec_<redacted>"}'],
    ['a bearer header', 'Authorization: Bearer sk-live-123', 'Authorization: Bearer <redacted>'],
    ['a basic header', '"authorization":"Basic dXNlcjpwYXNz"', '"authorization":"Basic <redacted>"'],
  ])('scrubs %s', (_case, text, expected) => {
    expect(new Redactor().scrub(text)).toBe(expected);
  });

  it('leaves ordinary output alone', () => {
    const line = 'FAIL chat: status 502: {"error":{"type":"upstream_error"}}';
    expect(new Redactor().scrub(line)).toBe(line);
  });

  it('scrubs a value it was told about, whatever its shape, and ignores values too short to be secrets', () => {
    const redactor = new Redactor();
    redactor.add('plain-secret-value');
    redactor.add('short');
    redactor.add(null);
    expect(redactor.scrub('x plain-secret-value y short')).toBe('x <redacted> y short');
  });
});
