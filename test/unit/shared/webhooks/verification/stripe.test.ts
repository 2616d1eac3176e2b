import { verifyStripe } from '../../../../../shared/webhooks/verification/stripe';
import { stripeHeaders, stripeV1 } from '../../../../support/webhook-signers';
import { callOf, invalid, thrown } from './verification-kit';

const SECRET = 'whsec_test_0123456789abcdefABCDEF';
const BODY = '{"id":"evt_1","object":"event","type":"payment_intent.succeeded"}';
const T = 1_700_000_000;
const at = (seconds: number) => new Date(seconds * 1000);
const verify = (headers: Record<string, string>, body = BODY, now = at(T), tolerance = 300) =>
  thrown(() => verifyStripe(SECRET, tolerance, callOf(headers, body, now)));

describe('Stripe verification (Stripe-Signature)', () => {
  it('accepts t=…,v1=… over "<t>.<raw body>" with the whsec_ secret used as it is', () => {
    expect(verify(stripeHeaders(SECRET, T, BODY))).toBeUndefined();
    expect(verify({ 'Stripe-Signature': ` t=${T} , v1=${stripeV1(SECRET, T, BODY)} ` })).toBeUndefined();
  });

  it('accepts any v1 of several (a secret being rolled), and ignores v0 and unknown schemes', () => {
    const good = stripeV1(SECRET, T, BODY);
    const other = stripeV1('whsec_previous_secret_000000', T, BODY);
    expect(
      verify({ 'Stripe-Signature': `t=${T},v1=${other},v1=${good},v0=${'0'.repeat(64)}` }),
    ).toBeUndefined();
    expect(verify({ 'Stripe-Signature': `t=${T},v0=${good},v1=${good},v9=x` })).toBeUndefined();
    expect(verify({ 'Stripe-Signature': `t=${T},v1=${good},v1=${other}` })).toBeUndefined();
    expect(verify({ 'Stripe-Signature': `t=${T},v1=${other},v0=${good}` })).toMatchObject(
      invalid('Stripe-Signature'),
    );
  });

  it.each([
    ['a tampered body', stripeHeaders(SECRET, T, BODY), `${BODY} `],
    ['the wrong secret', stripeHeaders('whsec_wrong_0123456789abcdef', T, BODY), BODY],
    ['no header', {}, BODY],
    ['no timestamp', { 'Stripe-Signature': `v1=${stripeV1(SECRET, T, BODY)}` }, BODY],
    ['no v1', { 'Stripe-Signature': `t=${T},v0=${stripeV1(SECRET, T, BODY)}` }, BODY],
    [
      'a timestamp that is not Unix seconds',
      { 'Stripe-Signature': `t=soon,v1=${stripeV1(SECRET, T, BODY)}` },
      BODY,
    ],
    [
      'a signature over another timestamp',
      { 'Stripe-Signature': `t=${T + 1},v1=${stripeV1(SECRET, T, BODY)}` },
      BODY,
    ],
  ])('refuses %s as invalid_signature', (_name, headers, body) => {
    const err = verify(headers, body);
    expect(err).toMatchObject(invalid('Stripe-Signature header'));
    expect(err!.message).not.toContain(SECRET);
  });

  it('refuses a correctly signed call outside the tolerance, in the past or the future, as signature_expired', () => {
    const expired = {
      statusCode: 401,
      code: 'signature_expired',
      message: expect.stringContaining('Stripe-Signature'),
    };
    expect(verify(stripeHeaders(SECRET, T - 301, BODY))).toMatchObject(expired);
    expect(verify(stripeHeaders(SECRET, T + 301, BODY))).toMatchObject(expired);
    expect(verify(stripeHeaders(SECRET, T - 300, BODY))).toBeUndefined();
    expect(verify(stripeHeaders(SECRET, T + 300, BODY))).toBeUndefined();
    // The tolerance is the webhook's own.
    expect(verify(stripeHeaders(SECRET, T - 30, BODY), BODY, at(T), 10)).toMatchObject({
      code: 'signature_expired',
      details: { tolerance_seconds: 10 },
    });
    expect(verify(stripeHeaders(SECRET, T - 3000, BODY), BODY, at(T), 3600)).toBeUndefined();
  });

  it('says a forged stale call is invalid, not expired: the timestamp is looked at only once the signature matched', () => {
    expect(verify(stripeHeaders('whsec_wrong_0123456789abcdef', T - 9999, BODY))).toMatchObject({
      code: 'invalid_signature',
    });
  });
});
