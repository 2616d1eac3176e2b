import { env } from '../config/env';
import type { OutboundHttp } from '../providers/types';
import { GuardedHttp, type GuardedHttpOptions } from './guarded-http';

export { GuardedHttp, OUTBOUND_DEFAULTS, type GuardedHttpOptions } from './guarded-http';
export { AddressPolicy, type AddressVerdict } from './address-policy';
export {
  parseOutboundUrl,
  resolveTarget,
  systemResolver,
  type HostResolver,
  type ResolvedAddress,
} from './outbound-target';
export {
  OutboundBlockedError,
  OutboundHostNotFoundError,
  OutboundResponseTooLargeError,
} from './outbound-errors';

/** A guarded client; options override the environment's allowlist (tests, tools). */
export function createOutboundHttp(options: GuardedHttpOptions = {}): OutboundHttp {
  return new GuardedHttp({ allowCidrs: env.OUTBOUND_ALLOW_CIDRS, ...options });
}

let cached: OutboundHttp | undefined;

/** The process-wide client configured from the environment (OUTBOUND_ALLOW_CIDRS). */
export function outboundHttp(): OutboundHttp {
  cached ??= createOutboundHttp();
  return cached;
}
