import { InternalError } from '../../errors';
import { verifyBasic } from './basic';
import { verifyFlowgate } from './flowgate';
import { verifyGithub } from './github';
import { verifyHeader } from './header';
import { slackChallenge, verifySlack } from './slack';
import { verifyStripe } from './stripe';
import type { WebhookVerification } from './verification-modes';
import type { WebhookCall } from './webhook-call';

/**
 * Checks a call against its webhook's verification; throws the 401 to answer when it
 * fails. `secret` is the decrypted secret of every mode but `none`.
 */
export function verifyWebhook(
  verification: WebhookVerification,
  secret: string | undefined,
  call: WebhookCall,
): void {
  if (verification.mode === 'none') return;
  // A mode with a secret but a record without one can only be a broken record: fail closed.
  if (secret === undefined) throw new InternalError(`The ${verification.mode} webhook has no secret`);
  switch (verification.mode) {
    case 'flowgate':
      return verifyFlowgate(secret, call);
    case 'github':
      return verifyGithub(secret, call);
    case 'stripe':
      return verifyStripe(secret, verification.toleranceSeconds, call);
    case 'slack':
      return verifySlack(secret, call);
    case 'basic':
      return verifyBasic(verification.username, secret, call);
    case 'header':
      return verifyHeader(verification.headerName, secret, call);
  }
}

/** The answer to a verified call that is a sender's handshake rather than an event, if it is one. */
export function webhookHandshake(
  verification: WebhookVerification,
  rawBody: string,
): { challenge: string } | undefined {
  return verification.mode === 'slack' ? slackChallenge(rawBody) : undefined;
}
