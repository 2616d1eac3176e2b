import { constantTimeEqual, hmacSha256Hex, unixSeconds, withinTolerance } from './constant-time';
import { BadSignatureError, SignatureExpiredError } from './verification-errors';
import type { WebhookCall } from './webhook-call';

export const SLACK_SIGNATURE_HEADER = 'x-slack-signature';
export const SLACK_TIMESTAMP_HEADER = 'x-slack-request-timestamp';

/** Slack's own window: requests signed more than five minutes from now are refused. */
export const SLACK_TOLERANCE_SECONDS = 300;

const EXPECTED = 'X-Slack-Signature and X-Slack-Request-Timestamp headers';

/**
 * Slack's "verifying requests from Slack": `X-Slack-Signature: v0=<hex
 * HMAC-SHA256(signing secret, "v0:<X-Slack-Request-Timestamp>:<raw body>")>`, the
 * timestamp within five minutes of now.
 */
export function verifySlack(secret: string, call: WebhookCall): void {
  const timestamp = unixSeconds(call.headers[SLACK_TIMESTAMP_HEADER]);
  const presented = call.headers[SLACK_SIGNATURE_HEADER];
  if (timestamp === undefined || presented === undefined) throw new BadSignatureError(EXPECTED);
  const expected = `v0=${hmacSha256Hex(secret, `v0:${timestamp}:${call.rawBody}`)}`;
  if (!constantTimeEqual(expected, presented.trim())) throw new BadSignatureError(EXPECTED);
  if (!withinTolerance(timestamp, call.now, SLACK_TOLERANCE_SECONDS)) {
    throw new SignatureExpiredError('X-Slack-Request-Timestamp', SLACK_TOLERANCE_SECONDS);
  }
}

/**
 * Slack's Events API checks a new Request URL with a signed `{"type":"url_verification",
 * "challenge":"…"}` and expects the challenge back. Such a call is answered, not run.
 */
export function slackChallenge(rawBody: string): { challenge: string } | undefined {
  if (!rawBody.includes('url_verification')) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(rawBody) as unknown;
  } catch {
    return undefined;
  }
  const { type, challenge } = (body ?? {}) as Record<string, unknown>;
  return type === 'url_verification' && typeof challenge === 'string' ? { challenge } : undefined;
}
