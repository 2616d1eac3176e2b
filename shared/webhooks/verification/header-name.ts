/**
 * Which headers may carry a `header`-mode webhook's static secret. Refused: hop-by-hop
 * headers (a proxy may drop or rewrite them), headers that describe the request or its
 * body (the client and the gateway set them), the credential headers of the other modes
 * and of the API (a secret there would be mistaken for one of those), and the prefixes
 * API Gateway, CloudFront and proxies set themselves.
 */
const DENIED = new Set([
  // Hop-by-hop (RFC 9110 7.6.1) and proxy credentials.
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  // What the client or the gateway writes about the request.
  'host',
  'content-length',
  'content-type',
  'content-encoding',
  'content-md5',
  'expect',
  'date',
  'via',
  'forwarded',
  'origin',
  'referer',
  'user-agent',
  'accept',
  'accept-charset',
  'accept-encoding',
  'accept-language',
  'cache-control',
  'pragma',
  'range',
  'if-match',
  'if-none-match',
  'if-modified-since',
  'if-unmodified-since',
  'cookie',
  'set-cookie',
  // Credentials: the API's own, and the other modes' headers.
  'authorization',
  'www-authenticate',
  'x-api-key',
  'x-flowgate-signature',
  'x-hub-signature',
  'x-hub-signature-256',
  'stripe-signature',
  'x-slack-signature',
  'x-slack-request-timestamp',
  'x-request-id',
  'x-real-ip',
]);

const DENIED_PREFIXES = ['x-amz-', 'x-amzn-', 'cloudfront-', 'x-forwarded-', 'sec-', 'proxy-'];

/** An RFC 9110 token: what a header name may be. */
export const HEADER_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/;

/** Why a header cannot carry a webhook secret, or undefined when it can. */
export function deniedHeaderReason(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (DENIED.has(lower)) return `${name} is a standard, hop-by-hop or credential header`;
  const prefix = DENIED_PREFIXES.find((p) => lower.startsWith(p));
  if (prefix) return `headers starting with ${prefix} are set by proxies or the gateway`;
  return undefined;
}
