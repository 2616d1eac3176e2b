/** Request shapes of the webhook routes, shared by their handlers and the API contract. */
import * as z from 'zod';
import { deniedHeaderReason, HEADER_TOKEN } from './verification/header-name';
import { DEFAULT_STRIPE_TOLERANCE_SECONDS } from './verification/verification-modes';

/*
 * Secrets the user brings: long enough not to be guessed, short enough for one KMS
 * encrypt call (4096 bytes) with room to spare, and without control characters (no
 * sender signs with one, and a stray newline from a copy-paste would never match).
 */
const SECRET_MAX_BYTES = 1024;
const UserSecret = z
  .string()
  .min(16)
  .refine((v) => Buffer.byteLength(v) <= SECRET_MAX_BYTES, `must be at most ${SECRET_MAX_BYTES} bytes`)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\x00-\x1f\x7f]*$/, 'must not contain control characters');

const StripeSecret = UserSecret.regex(/^whsec_/, 'a Stripe endpoint secret starts with whsec_');

// HTTP strips spaces around a header value, and non-ASCII does not survive every proxy.
const HeaderSecret = UserSecret.regex(
  /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/,
  'must be printable ASCII without leading or trailing spaces',
);

const SecretHeaderName = z
  .string()
  .regex(HEADER_TOKEN, 'not a valid header name')
  .superRefine((name, ctx) => {
    const reason = deniedHeaderReason(name);
    if (reason) ctx.addIssue({ code: 'custom', message: `cannot carry the webhook secret: ${reason}` });
  });

// RFC 7617: the user-id cannot contain a colon.
// eslint-disable-next-line no-control-regex
const Username = z.string().regex(/^[^:\x00-\x1f\x7f]{1,128}$/, '1 to 128 characters, no colon');

const Verification = z
  .discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('none') }),
    z.strictObject({ mode: z.literal('flowgate') }),
    z.strictObject({
      mode: z.literal('github'),
      secret: UserSecret.optional().describe(
        'The secret set at GitHub; generated (and shown once) when left out',
      ),
    }),
    z.strictObject({
      mode: z.literal('stripe'),
      secret: StripeSecret.describe("The endpoint's signing secret (`whsec_…`) Stripe shows"),
      tolerance_seconds: z
        .int()
        .min(1)
        .max(3600)
        .default(DEFAULT_STRIPE_TOLERANCE_SECONDS)
        .describe('How far the signed timestamp may be from now'),
    }),
    z.strictObject({
      mode: z.literal('slack'),
      secret: UserSecret.describe("The Slack app's signing secret"),
    }),
    z.strictObject({
      mode: z.literal('basic'),
      username: Username,
      password: UserSecret.optional().describe('Generated (and shown once) when left out'),
    }),
    z.strictObject({
      mode: z.literal('header'),
      header_name: SecretHeaderName,
      value: HeaderSecret.optional().describe('Generated (and shown once) when left out'),
    }),
  ])
  .describe('How calls prove they come from the sender; default `{"mode":"flowgate"}`');

export const CreateWebhookBody = z
  .strictObject({
    verification: Verification.optional(),
    require_signature: z
      .boolean()
      .optional()
      .describe('Older spelling of verification: true is `{"mode":"flowgate"}`, false `{"mode":"none"}`'),
  })
  .refine((b) => b.verification === undefined || b.require_signature === undefined, {
    message: 'give verification or require_signature, not both',
    path: ['require_signature'],
  });

/** A webhook call's query is handed to the run as it is; `wait=true` also runs it in the request. */
export const WebhookQuery = z.record(z.string(), z.string());
