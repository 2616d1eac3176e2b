import type { WebhookCall } from '../../../../../shared/webhooks/verification/webhook-call';
import { lowerCased } from '../../../../support/webhook-signers';

/** A call as the trigger handler hands it on: header names lower-cased. */
export const callOf = (headers: Record<string, string>, rawBody: string, now = new Date()): WebhookCall => ({
  rawBody,
  headers: lowerCased(headers),
  now,
});

/** The error `verify` throws (undefined when it accepts), for matching its status, code and message. */
export function thrown(verify: () => void): (Error & Record<string, unknown>) | undefined {
  try {
    verify();
    return undefined;
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
}

export const invalid = (expectedInMessage: string) => ({
  statusCode: 401,
  code: 'invalid_signature',
  message: expect.stringContaining(expectedInMessage),
});
