import { constantTimeEqual } from './constant-time';
import { BadSignatureError } from './verification-errors';
import type { WebhookCall } from './webhook-call';

/** A static secret header: `<header_name>: <value>`, the value compared in constant time. */
export function verifyHeader(headerName: string, value: string, call: WebhookCall): void {
  const presented = call.headers[headerName.toLowerCase()];
  if (presented === undefined || !constantTimeEqual(value, presented)) {
    throw new BadSignatureError(`${headerName} header`);
  }
}
