import { lookup as dnsLookup } from 'node:dns/promises';
import type { AddressPolicy } from './address-policy';
import { parseAddress } from './address-policy';
import { OutboundBlockedError, OutboundHostNotFoundError } from './outbound-errors';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has. Injected in tests, where no real DNS exists. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = async (hostname) => {
  const results = await dnsLookup(hostname, { all: true, verbatim: true });
  return results.map((r) => ({ address: r.address, family: r.family === 6 ? 6 : 4 }));
};

/** A URL that passed the checks, with the one address the connection must go to. */
export interface OutboundTarget {
  url: URL;
  /** The host name without IPv6 brackets, as the socket and TLS (SNI) need it. */
  host: string;
  pinned: ResolvedAddress;
}

/**
 * Parses with the WHATWG URL parser, the same one the connection uses, so what is checked
 * is what is called: it already turns `2130706433`, `0177.0.0.1` and `0x7f.0.0.1` into
 * `127.0.0.1`, and the address checks then see the canonical form.
 */
export function parseOutboundUrl(raw: string | URL): URL {
  let url: URL;
  try {
    url = new URL(String(raw));
  } catch {
    throw new OutboundBlockedError('not a valid absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundBlockedError(
      `scheme ${url.protocol.replace(/:$/, '')} is not allowed (http and https only)`,
    );
  }
  // `http://good@evil` reads like "good" but connects to "evil"; credentials belong in headers.
  if (url.username !== '' || url.password !== '') {
    throw new OutboundBlockedError('URLs with user information (user@host) are not allowed');
  }
  if (url.hostname === '') throw new OutboundBlockedError('URL has no host');
  return url;
}

/**
 * What can be said about a URL without resolving it (when an integration is saved): the
 * scheme, user information, and an IP literal host. Host names are checked at call time,
 * since what they resolve to can change. Returns the problem, or undefined.
 */
export function staticUrlProblem(raw: string, policy: AddressPolicy): string | undefined {
  try {
    const url = parseOutboundUrl(raw);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (!parseAddress(host)) return undefined;
    const verdict = policy.check(host);
    return verdict.allowed ? undefined : `${host} is a non-public address (${verdict.range})`;
  } catch (err) {
    return (err as Error).message.replace(/^Outbound request blocked: /, '');
  }
}

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

/**
 * Checks a URL and picks the address to connect to. Every address the name resolves to
 * must pass: a name that answers with both a public and a private address is refused
 * rather than trusted to keep answering the public one.
 */
export async function resolveTarget(
  raw: string | URL,
  policy: AddressPolicy,
  resolve: HostResolver,
): Promise<OutboundTarget> {
  const url = parseOutboundUrl(raw);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = parseAddress(host);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: host, family: literal.kind() === 'ipv4' ? 4 : 6 }];
  } else {
    try {
      addresses = await resolve(host);
    } catch (err) {
      if (errorCode(err) === 'ENOTFOUND' || errorCode(err) === 'ENODATA')
        throw new OutboundHostNotFoundError(host);
      throw err;
    }
    if (addresses.length === 0) throw new OutboundHostNotFoundError(host);
  }
  for (const candidate of addresses) {
    const verdict = policy.check(candidate.address);
    if (!verdict.allowed) {
      // The resolved address itself is not echoed: it could map out internal DNS.
      throw new OutboundBlockedError(
        literal
          ? `${host} is a non-public address (${verdict.range})`
          : `${host} resolves to a non-public address (${verdict.range})`,
      );
    }
  }
  return { url, host, pinned: addresses[0]! };
}
