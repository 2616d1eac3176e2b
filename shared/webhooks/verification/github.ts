import { constantTimeEqual, hmacSha256Hex } from './constant-time';
import { BadSignatureError } from './verification-errors';
import type { WebhookCall } from './webhook-call';

export const GITHUB_HEADER = 'x-hub-signature-256';

/**
 * GitHub's "validating webhook deliveries": `X-Hub-Signature-256: sha256=<hex
 * HMAC-SHA256(secret, raw body)>`, lower-case hex. The older SHA-1 `X-Hub-Signature` is
 * not accepted.
 */
export function verifyGithub(secret: string, call: WebhookCall): void {
  const presented = call.headers[GITHUB_HEADER];
  const expected = `sha256=${hmacSha256Hex(secret, call.rawBody)}`;
  if (presented === undefined || !constantTimeEqual(expected, presented.trim())) {
    throw new BadSignatureError('X-Hub-Signature-256 header');
  }
}
