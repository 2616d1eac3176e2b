import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The public part of the URL: `wh_<256 random bits>.<user id>.<plan id>`. The random part
 * is the credential; the rest says where the plan is, so a call reads the webhook and its
 * plan in one request. Only the SHA-256 of the whole token is stored, so the address cannot
 * be changed without the token ceasing to match. Tokens minted before the address was added
 * (`wh_` and the random part only) keep working.
 */
export const newWebhookToken = (userId: string, planId: string) =>
  `wh_${randomBytes(32).toString('base64url')}.${userId}.${planId}`;

const TOKEN = /^wh_[A-Za-z0-9_-]{43}(?:\.([A-Za-z0-9_-]{1,128})\.(plan_[0-9a-z]{9}[0-9a-f]{20}))?$/;

/** Whether `token` has a shape newWebhookToken mints (today's, or the earlier one without an address). */
export const isWebhookToken = (token: string) => TOKEN.test(token);

/** The plan a token names, when it has an address. */
export function webhookTokenAddress(token: string): { userId: string; planId: string } | undefined {
  const match = TOKEN.exec(token);
  return match?.[1] && match[2] ? { userId: match[1], planId: match[2] } : undefined;
}

/** The HMAC key the caller signs with: shown once, stored only as KMS ciphertext. */
export const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export const SIGNATURE_HEADER = 'x-flowgate-signature';

/** `sha256=<hex HMAC-SHA256 of the raw body>`, as the caller must send it. */
export function signBody(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/** Constant-time comparison of the expected and presented signatures. */
export function verifySignature(secret: string, rawBody: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(signBody(secret, rawBody), 'utf8');
  const given = Buffer.from(presented.trim(), 'utf8');
  // timingSafeEqual needs equal lengths; comparing against itself keeps the time the same.
  if (given.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(expected, given);
}

/** What KMS binds a webhook's secret to: its owner, its plan and its token. */
export const webhookSecretContext = (userId: string, planId: string, tokenHash: string) => ({
  userId,
  purpose: 'webhook-signing',
  planId,
  webhook: tokenHash,
});
