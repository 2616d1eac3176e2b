import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  RetryableProviderError,
  type OutboundHttp,
  type OutboundRequest,
  type OutboundResponse,
} from '../providers/types';
import { AddressPolicy } from './address-policy';
import { OutboundBlockedError, OutboundResponseTooLargeError, OutboundTlsError } from './outbound-errors';
import { resolveTarget, systemResolver, type HostResolver, type OutboundTarget } from './outbound-target';
import { redirectRequest, retryAfterMs, type HopRequest } from './redirects';

export interface GuardedHttpOptions {
  /** CIDRs allowed although not public (OUTBOUND_ALLOW_CIDRS); empty denies every non-public address. */
  allowCidrs?: readonly string[] | string;
  /** Host name resolution; the system resolver unless a test injects one. */
  resolve?: HostResolver;
  maxRedirects?: number;
  maxResponseBytes?: number;
  /** Cap on one request including every redirect hop. */
  timeoutMs?: number;
  userAgent?: string;
}

export const OUTBOUND_DEFAULTS = {
  maxRedirects: 5,
  maxResponseBytes: 1_048_576,
  timeoutMs: 30_000,
  userAgent: 'Flowgate/1.0 (+automation)',
} as const;

/** Hop-by-hop and framing headers are the client's business, never the caller's. */
const CLIENT_OWNED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'proxy-connection',
]);

// Keep-alive saves a TLS handshake per call. Reusing a pooled socket is safe: every socket
// was opened through a pinned lookup to an address that passed the policy.
const agents = {
  'http:': new http.Agent({ keepAlive: true, scheduling: 'lifo' }),
  'https:': new https.Agent({ keepAlive: true, scheduling: 'lifo' }),
};

/** A lookup that can only ever answer the address we already checked. */
function pinnedLookup(target: OutboundTarget): LookupFunction {
  const { address, family } = target.pinned;
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    // Node's happy-eyeballs connect asks for every address at once (`all: true`).
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
}

function cleanHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (CLIENT_OWNED_HEADERS.has(lower)) continue;
    out[lower] = value;
  }
  return out;
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * The OutboundHttp every provider uses: checks the scheme and every resolved address,
 * pins the socket to the checked address (keeping the host name for Host and TLS SNI and
 * certificate checks), follows at most `maxRedirects` redirects re-checking each hop,
 * and caps response size and total time.
 */
export class GuardedHttp implements OutboundHttp {
  private readonly policy: AddressPolicy;
  private readonly resolve: HostResolver;
  private readonly limits: Required<Omit<GuardedHttpOptions, 'allowCidrs' | 'resolve'>>;

  constructor(options: GuardedHttpOptions = {}) {
    this.policy = new AddressPolicy(options.allowCidrs ?? []);
    this.resolve = options.resolve ?? systemResolver;
    this.limits = {
      maxRedirects: options.maxRedirects ?? OUTBOUND_DEFAULTS.maxRedirects,
      maxResponseBytes: options.maxResponseBytes ?? OUTBOUND_DEFAULTS.maxResponseBytes,
      timeoutMs: options.timeoutMs ?? OUTBOUND_DEFAULTS.timeoutMs,
      userAgent: options.userAgent ?? OUTBOUND_DEFAULTS.userAgent,
    };
  }

  async request(req: OutboundRequest): Promise<OutboundResponse> {
    const deadline = AbortSignal.timeout(this.limits.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
    let hop: HopRequest = {
      url: req.url,
      method: req.method.toUpperCase(),
      headers: { 'user-agent': this.limits.userAgent, ...cleanHeaders(req.headers) },
      body: req.body,
    };
    for (let redirects = 0; ; redirects++) {
      const target = await resolveTarget(hop.url, this.policy, this.resolve);
      let response: OutboundResponse;
      try {
        response = await this.send(target, hop, signal);
      } catch (err) {
        if (req.signal?.aborted) throw req.signal.reason ?? err;
        if (deadline.aborted) {
          throw new RetryableProviderError(
            `Request to ${target.host} timed out after ${this.limits.timeoutMs} ms`,
          );
        }
        throw err;
      }
      const next = redirectRequest(hop, target.url, response);
      if (!next) return this.finish(target, response);
      if (redirects >= this.limits.maxRedirects) {
        throw new OutboundBlockedError(`more than ${this.limits.maxRedirects} redirects`);
      }
      hop = next;
    }
  }

  private finish(target: OutboundTarget, response: OutboundResponse): OutboundResponse {
    if (response.status === 429 || response.status >= 500) {
      const snippet = response.body.slice(0, 200).replace(/\s+/g, ' ').trim();
      throw new RetryableProviderError(
        `${target.host} responded ${response.status}${snippet ? `: ${snippet}` : ''}`,
        response.status,
        retryAfterMs(response.headers['retry-after']),
      );
    }
    return response;
  }

  private send(target: OutboundTarget, hop: HopRequest, signal: AbortSignal): Promise<OutboundResponse> {
    const { url } = target;
    const client = url.protocol === 'https:' ? https : http;
    const headers: Record<string, string | number> = { ...hop.headers };
    if (hop.body !== undefined) headers['content-length'] = Buffer.byteLength(hop.body);
    const limit = this.limits.maxResponseBytes;
    return new Promise<OutboundResponse>((resolve, reject) => {
      const request = client.request(
        {
          protocol: url.protocol,
          host: target.host,
          port: url.port || undefined,
          path: `${url.pathname}${url.search}`,
          method: hop.method,
          headers,
          agent: agents[url.protocol as 'http:' | 'https:'],
          lookup: pinnedLookup(target),
          signal,
        },
        (res) => {
          const declared = Number(res.headers['content-length']);
          if (Number.isFinite(declared) && declared > limit) {
            res.destroy();
            reject(new OutboundResponseTooLargeError(limit));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit) {
              res.destroy();
              reject(new OutboundResponseTooLargeError(limit));
              return;
            }
            chunks.push(chunk);
          });
          res.on('error', (err) => reject(networkError(target, err)));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: flattenHeaders(res.headers),
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      request.on('error', (err) => reject(networkError(target, err)));
      request.end(hop.body);
    });
  }
}

/** OpenSSL's verification failures and Node's host-name mismatch. */
const TLS_CERT_CODE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

function networkError(target: OutboundTarget, err: Error): Error {
  if (err.name === 'AbortError') return err;
  const code = (err as { code?: string }).code;
  if (code && TLS_CERT_CODE.test(code)) return new OutboundTlsError(target.host, code);
  return new RetryableProviderError(`Network error calling ${target.host}: ${code ?? err.message}`);
}
