import { createHmac } from 'node:crypto';

/** `X-Flowgate-Signature` as the README tells callers to compute it: the hex HMAC-SHA256 of the raw body. */
export const signWebhookBody = (secret: string, rawBody: string) =>
  `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
