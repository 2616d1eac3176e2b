import type { OutboundResponse } from '../providers/types';

export interface HopRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Headers that may follow a redirect to another origin. Everything else is dropped there:
 * besides `authorization`, providers and custom integrations put keys in headers of any
 * name (`x-api-key`...), and a redirect must not hand them to a third party.
 */
const CROSS_ORIGIN_SAFE = new Set(['accept', 'accept-language', 'content-type', 'user-agent']);

/**
 * The next request after a redirect response, or undefined when the response is final.
 * Methods follow the fetch standard: 303 (and 301/302 after a POST) become GET without a
 * body; 307 and 308 keep method and body.
 */
export function redirectRequest(
  hop: HopRequest,
  from: URL,
  response: OutboundResponse,
): HopRequest | undefined {
  const location = response.headers.location;
  if (!REDIRECT_STATUSES.has(response.status) || !location) return undefined;
  const next = new URL(location, from);
  const toGet =
    response.status === 303
      ? hop.method !== 'HEAD'
      : (response.status === 301 || response.status === 302) && hop.method === 'POST';
  let headers = { ...hop.headers };
  if (next.origin !== from.origin) {
    headers = Object.fromEntries(Object.entries(headers).filter(([name]) => CROSS_ORIGIN_SAFE.has(name)));
  }
  if (toGet) delete headers['content-type'];
  return {
    url: next.toString(),
    method: toGet ? 'GET' : hop.method,
    headers,
    body: toGet ? undefined : hop.body,
  };
}

/** `Retry-After` as milliseconds: either delay-seconds or an HTTP date. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
