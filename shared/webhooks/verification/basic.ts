import { constantTimeEqual } from './constant-time';
import { BadSignatureError } from './verification-errors';
import type { WebhookCall } from './webhook-call';

/** RFC 7617: a client that is refused is told which scheme to use. */
const CHALLENGE = { 'WWW-Authenticate': 'Basic realm="flowgate-webhook", charset="UTF-8"' };

const BASIC = /^basic +([A-Za-z0-9+/]+=*) *$/i;

/**
 * `Authorization: Basic base64(username:password)`. The whole `username:password` is
 * compared at once, so a wrong user name and a wrong password cannot be told apart.
 */
export function verifyBasic(username: string, password: string, call: WebhookCall): void {
  const match = BASIC.exec(call.headers.authorization ?? '');
  const presented = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : undefined;
  if (presented === undefined || !constantTimeEqual(`${username}:${password}`, presented)) {
    throw new BadSignatureError('Authorization header (Basic credentials)', CHALLENGE);
  }
}
