import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The public part of the URL: 256 random bits. Only its SHA-256 is stored. */
export const newWebhookToken = () => `wh_${randomBytes(32).toString('base64url')}`;

/** Whether `token` has the shape newWebhookToken mints: `wh_` and 43 base64url characters. */
export const isWebhookToken = (token: string) => /^wh_[A-Za-z0-9_-]{43}$/.test(token);

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
