import { InternalError } from '../../errors';

/**
 * How a webhook's calls are verified, as its record keeps it: the mode and its non-secret
 * settings. The secret a mode needs (an HMAC key, a password, a header value) is never
 * here; the record holds it only as KMS ciphertext.
 */
export const WEBHOOK_MODES = ['none', 'flowgate', 'github', 'stripe', 'slack', 'basic', 'header'] as const;
export type WebhookMode = (typeof WEBHOOK_MODES)[number];

export type WebhookVerification =
  | { mode: 'none' }
  | { mode: 'flowgate' }
  | { mode: 'github' }
  /** `toleranceSeconds`: how far the signed timestamp may be from now, either way. */
  | { mode: 'stripe'; toleranceSeconds: number }
  | { mode: 'slack' }
  | { mode: 'basic'; username: string }
  /** `headerName` as the user spelled it; headers are looked up lower-cased. */
  | { mode: 'header'; headerName: string };

export const DEFAULT_STRIPE_TOLERANCE_SECONDS = 300;

/** Every mode but `none` checks the call against a secret. */
export const modeHasSecret = (mode: WebhookMode) => mode !== 'none';

/** Modes whose secret the sender made (Stripe, Slack): Flowgate cannot generate one for them. */
export const modeNeedsUserSecret = (mode: WebhookMode) => mode === 'stripe' || mode === 'slack';

/**
 * The verification of a stored record. Webhooks created before modes existed have none
 * stored: a secret then means today's Flowgate signature, no secret the token alone.
 */
export function verificationOf(record: {
  verification?: WebhookVerification;
  secretCiphertext?: string;
}): WebhookVerification {
  if (record.verification) return record.verification;
  return { mode: record.secretCiphertext ? 'flowgate' : 'none' };
}

/** What the create response (and nothing else) shows of the verification: never the secret. */
export function verificationView(verification: WebhookVerification): {
  mode: WebhookMode;
  header_name?: string;
  username?: string;
  tolerance_seconds?: number;
} {
  switch (verification.mode) {
    case 'stripe':
      return { mode: 'stripe', tolerance_seconds: verification.toleranceSeconds };
    case 'basic':
      return { mode: 'basic', username: verification.username };
    case 'header':
      return { mode: 'header', header_name: verification.headerName };
    default:
      return { mode: verification.mode };
  }
}

/**
 * Reads the `verification` attribute of a stored webhook item. Anything this version does
 * not recognise fails closed: a call to that webhook is a 500, never an unverified run.
 */
export function verificationFromItem(value: unknown): WebhookVerification | undefined {
  if (value === undefined) return undefined;
  const item = value as Record<string, unknown>;
  const mode = item?.mode;
  switch (mode) {
    case 'none':
    case 'flowgate':
    case 'github':
    case 'slack':
      return { mode };
    case 'stripe':
      if (typeof item.toleranceSeconds === 'number') return { mode, toleranceSeconds: item.toleranceSeconds };
      break;
    case 'basic':
      if (typeof item.username === 'string') return { mode, username: item.username };
      break;
    case 'header':
      if (typeof item.headerName === 'string') return { mode, headerName: item.headerName };
      break;
  }
  throw new InternalError('The stored webhook has a verification this version does not know');
}
