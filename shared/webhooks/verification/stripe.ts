import { anyConstantTimeEqual, hmacSha256Hex, unixSeconds, withinTolerance } from './constant-time';
import { BadSignatureError, SignatureExpiredError } from './verification-errors';
import type { WebhookCall } from './webhook-call';

export const STRIPE_HEADER = 'stripe-signature';

/** `t=<unix seconds>,v1=<hex>[,v1=<hex>…][,v0=…]`: the timestamp and every v1 signature. */
function parseStripeHeader(value: string | undefined): { t: number; v1: string[] } | undefined {
  if (value === undefined) return undefined;
  let t: number | undefined;
  const v1: string[] = [];
  for (const element of value.split(',')) {
    const at = element.indexOf('=');
    if (at < 0) continue;
    const key = element.slice(0, at).trim();
    const text = element.slice(at + 1).trim();
    // The first t counts: the same one is signed over and checked against the tolerance.
    if (key === 't' && t === undefined) t = unixSeconds(text);
    else if (key === 'v1') v1.push(text);
    // v0 and other schemes are Stripe's test-mode or future signatures: ignored, as Stripe says.
  }
  return t === undefined || v1.length === 0 ? undefined : { t, v1 };
}

/**
 * Stripe's "verify webhook signatures manually": HMAC-SHA256 with the endpoint secret
 * (`whsec_…`, used as it is) over `<t>.<raw body>`; any v1 may match (Stripe sends several
 * while a secret is being rolled). A matching signature whose `t` is more than the
 * tolerance from now, either way, is refused as expired.
 */
export function verifyStripe(secret: string, toleranceSeconds: number, call: WebhookCall): void {
  const header = parseStripeHeader(call.headers[STRIPE_HEADER]);
  if (!header) throw new BadSignatureError('Stripe-Signature header');
  const expected = hmacSha256Hex(secret, `${header.t}.${call.rawBody}`);
  if (!anyConstantTimeEqual(expected, header.v1)) throw new BadSignatureError('Stripe-Signature header');
  if (!withinTolerance(header.t, call.now, toleranceSeconds)) {
    throw new SignatureExpiredError('Stripe-Signature', toleranceSeconds);
  }
}
