import * as ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Cidr = [Address, number];

/** Why an address may or may not be called. `range` is ipaddr.js's name for it (`private`, `loopback`...). */
export type AddressVerdict =
  { allowed: true; via: 'public' | 'allowlist' } | { allowed: false; range: string };

/** IPv6 ranges that carry an IPv4 address inside; the embedded address decides. */
const EMBEDDING_RANGES = new Set(['ipv4Mapped', 'rfc6145', 'rfc6052', '6to4', 'teredo']);

/** `::a.b.c.d` (RFC 4291 "IPv4-compatible", deprecated): ipaddr.js calls it unicast, nothing legitimate uses it. */
const IPV4_COMPATIBLE: Cidr = [ipaddr.IPv6.parse('::'), 96];

/** Parses `OUTBOUND_ALLOW_CIDRS`: comma-separated CIDRs; a bare address means just that address. */
export function parseCidrList(list: string): Cidr[] {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      try {
        if (part.includes('/')) return ipaddr.parseCIDR(part) as Cidr;
        const address = ipaddr.parse(part);
        return [address, address.kind() === 'ipv4' ? 32 : 128] as Cidr;
      } catch {
        throw new Error(`OUTBOUND_ALLOW_CIDRS: '${part}' is not an IP address or CIDR`);
      }
    });
}

/** Strict parse of an address in its canonical form (what DNS and the URL parser give us). */
export function parseAddress(text: string): Address | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (ipaddr.IPv4.isValidFourPartDecimal(bare)) return ipaddr.IPv4.parse(bare);
  if (ipaddr.IPv6.isValid(bare)) return ipaddr.IPv6.parse(bare);
  return undefined;
}

function ipv4FromBytes(bytes: number[]): ipaddr.IPv4 {
  return ipaddr.fromByteArray(bytes.slice(0, 4)) as ipaddr.IPv4;
}

/** The IPv4 addresses an IPv6 address of an embedding range stands for (Teredo carries two). */
function embeddedIpv4(address: ipaddr.IPv6, range: string): ipaddr.IPv4[] {
  const bytes = address.toByteArray();
  switch (range) {
    case '6to4':
      return [ipv4FromBytes(bytes.slice(2, 6))];
    case 'teredo':
      // Server address in plain form, client address obfuscated by inverting every bit.
      return [ipv4FromBytes(bytes.slice(4, 8)), ipv4FromBytes(bytes.slice(12, 16).map((b) => b ^ 0xff))];
    default:
      // ::ffff:a.b.c.d, ::ffff:0:a.b.c.d and NAT64 64:ff9b::a.b.c.d all keep it in the last 32 bits.
      return [ipv4FromBytes(bytes.slice(12, 16))];
  }
}

/**
 * Deny by default: only globally routable unicast addresses pass, plus whatever the
 * allowlist names. Everything is compared numerically on parsed addresses, never as text.
 */
export class AddressPolicy {
  private readonly allow: Cidr[];

  constructor(allowCidrs: readonly string[] | string = []) {
    this.allow = parseCidrList(typeof allowCidrs === 'string' ? allowCidrs : allowCidrs.join(','));
  }

  check(text: string): AddressVerdict {
    const address = parseAddress(text);
    if (!address) return { allowed: false, range: 'invalid' };
    return this.checkAddress(address);
  }

  private checkAddress(address: Address): AddressVerdict {
    if (this.allowlisted(address)) return { allowed: true, via: 'allowlist' };
    if (address.kind() === 'ipv4') {
      const range = address.range();
      return range === 'unicast' ? { allowed: true, via: 'public' } : { allowed: false, range };
    }
    const v6 = address as ipaddr.IPv6;
    const range = v6.range();
    if (EMBEDDING_RANGES.has(range)) {
      for (const inner of embeddedIpv4(v6, range)) {
        const verdict = this.checkAddress(inner);
        if (!verdict.allowed) return { allowed: false, range: `${range}:${verdict.range}` };
      }
      return { allowed: true, via: 'public' };
    }
    if (range !== 'unicast') return { allowed: false, range };
    if (v6.match(IPV4_COMPATIBLE)) return { allowed: false, range: 'ipv4Compatible' };
    return { allowed: true, via: 'public' };
  }

  private allowlisted(address: Address): boolean {
    // An IPv4-mapped IPv6 address is the IPv4 address for allowlist purposes.
    const candidates: Address[] = [address];
    if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
      candidates.push((address as ipaddr.IPv6).toIPv4Address());
    }
    return candidates.some((candidate) =>
      this.allow.some(([net, bits]) => net.kind() === candidate.kind() && candidate.match(net, bits)),
    );
  }
}
