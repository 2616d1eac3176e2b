import { env } from '../config/env';
import type { OutboundHttp } from '../providers/types';
import { AddressPolicy } from './address-policy';
import { GuardedHttp, type GuardedHttpOptions } from './guarded-http';
import { staticUrlProblem } from './outbound-target';

export { GuardedHttp, OUTBOUND_DEFAULTS, type GuardedHttpOptions } from './guarded-http';
export { AddressPolicy, type AddressVerdict } from './address-policy';
export {
  parseOutboundUrl,
  resolveTarget,
  staticUrlProblem,
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

let policy: AddressPolicy | undefined;

/** Checks a URL as far as possible before it is stored (see staticUrlProblem), under the environment's allowlist. */
export function outboundUrlProblem(raw: string): string | undefined {
  policy ??= new AddressPolicy(env.OUTBOUND_ALLOW_CIDRS);
  return staticUrlProblem(raw, policy);
}
