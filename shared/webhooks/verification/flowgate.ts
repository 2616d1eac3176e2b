import { verifySignature } from '../webhook-secrets';
import { BadSignatureError } from './verification-errors';
import type { WebhookCall } from './webhook-call';

export const FLOWGATE_HEADER = 'x-flowgate-signature';

/** `X-Flowgate-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>`, as before modes existed. */
export function verifyFlowgate(secret: string, call: WebhookCall): void {
  if (!verifySignature(secret, call.rawBody, call.headers[FLOWGATE_HEADER])) {
    throw new BadSignatureError('X-Flowgate-Signature header');
  }
}
