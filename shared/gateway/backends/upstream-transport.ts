import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** An upstream's answer, its body not yet read. */
export interface UpstreamResponse {
  readonly status: number;
  /** Every header as sent (repeated ones joined with ", "), for the rare paths that need them. */
  headers(): Headers;
  /** The whole body as UTF-8 text. */
  text(): Promise<string>;
  /** The body as it arrives; leaving the loop early closes the connection. */
  readonly body: AsyncIterable<Uint8Array>;
}

export interface UpstreamCall {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export type UpstreamTransport = (url: string, call: UpstreamCall) => Promise<UpstreamResponse>;

function responseOf(res: IncomingMessage): UpstreamResponse {
  // A body left unread (a refusal, a cancelled call) may still fail; its reader, if any, sees that.
  res.on('error', () => undefined);
  return {
    status: res.statusCode ?? 502,
    headers: () => {
      const headers = new Headers();
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
        headers.append(res.rawHeaders[i] as string, res.rawHeaders[i + 1] as string);
      return headers;
    },
    text: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of res) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    body: res,
  };
}

/**
 * The gateway's HTTP client for upstream calls: node:http(s) on keep-alive agents, with
 * the response left as Node's own stream. Measured on the gateway's path, the built-in
 * fetch (undici) costs about twice the CPU per call, and even wrapping node:http's answer
 * in a WHATWG Response and web stream is a visible share of what the gateway spends.
 */
export function createUpstreamTransport(maxSockets = 256): UpstreamTransport {
  const agents = {
    http: new HttpAgent({ keepAlive: true, maxSockets }),
    https: new HttpsAgent({ keepAlive: true, maxSockets }),
  };
  return (url, { method, headers, body, signal }) => {
    const secure = url.startsWith('https:');
    return new Promise<UpstreamResponse>((resolve, reject) => {
      const req = (secure ? httpsRequest : httpRequest)(
        url,
        { method, headers, agent: secure ? agents.https : agents.http, signal },
        (res) => resolve(responseOf(res)),
      );
      req.on('error', reject);
      req.end(body);
    });
  };
}
