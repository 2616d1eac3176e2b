/**
 * How each sender signs a webhook call, written from the senders' own documentation and
 * independently of shared/webhooks/verification/, so a verifier that drifts from a
 * sender's scheme is caught rather than agreed with.
 */
import { createHmac } from 'node:crypto';

const hex = (secret: string, data: string) => createHmac('sha256', secret).update(data, 'utf8').digest('hex');

/** GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, body)>`. */
export const githubHeaders = (secret: string, body: string) => ({
  'X-Hub-Signature-256': `sha256=${hex(secret, body)}`,
});

/** Stripe's v1 signature of `<t>.<body>` with the endpoint secret, used as it is. */
export const stripeV1 = (secret: string, t: number, body: string) => hex(secret, `${t}.${body}`);

/** Stripe: `Stripe-Signature: t=<t>,v1=<sig>` (more entries may be appended). */
export const stripeHeaders = (secret: string, t: number, body: string, extra = '') => ({
  'Stripe-Signature': `t=${t},v1=${stripeV1(secret, t, body)}${extra}`,
});

/** Slack: `X-Slack-Signature: v0=<hex HMAC-SHA256(secret, "v0:<ts>:<body>")>` and the timestamp. */
export const slackHeaders = (secret: string, timestamp: number, body: string) => ({
  'X-Slack-Request-Timestamp': String(timestamp),
  'X-Slack-Signature': `v0=${hex(secret, `v0:${timestamp}:${body}`)}`,
});

export const basicHeaders = (username: string, password: string) => ({
  Authorization: `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`,
});

/** The wrapper hands handlers lower-cased header names; services see them that way. */
export const lowerCased = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

export const unixNow = () => Math.floor(Date.now() / 1000);
