import { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import type { UpstreamResponse, UpstreamTransport } from './upstream-transport';

export interface UpstreamPost {
  /** Sent as JSON; none for a POST without a body. */
  body?: unknown;
  headers: Record<string, string>;
  signal: AbortSignal;
}

function parseJson(text: string): object | undefined {
  try {
    return JSON.parse(text) as object;
  } catch {
    return undefined;
  }
}

// Duck-typed: Node's own errors come from another realm under jest's sandbox.
const asError = (err: unknown) => (typeof err === 'object' && err !== null ? (err as Error) : undefined);
const messageOf = (err: unknown) => asError(err)?.message ?? String(err);

/**
 * POSTs JSON to one upstream through the gateway's transport. Failures are thrown as the
 * openai SDK's own error classes (status errors with the parsed error body and headers,
 * aborts, connection errors), the vocabulary classifyUpstreamError reads. The SDK's client
 * is not used on this path: per request its request building, header merging and eagerly
 * formatted debug details cost about as much CPU as the rest of the gateway's work.
 */
export class UpstreamClient {
  private readonly base: string;

  constructor(
    baseUrl: string,
    private readonly transport: UpstreamTransport,
  ) {
    this.base = baseUrl.replace(/\/+$/, '');
  }

  /** Resolves with the response once 2xx headers arrived; its body is the caller's to read. */
  async post(path: string, { body, headers, signal }: UpstreamPost): Promise<UpstreamResponse> {
    let response: UpstreamResponse;
    try {
      response = await this.transport(this.base + path, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (err) {
      if (signal.aborted) throw new APIUserAbortError();
      throw new APIConnectionError({ cause: asError(err) });
    }
    if (response.status >= 200 && response.status < 300) return response;
    const text = await response.text().catch(messageOf);
    const json = parseJson(text);
    throw APIError.generate(response.status, json, json === undefined ? text : undefined, response.headers());
  }

  /** The parsed JSON answer (undefined for an empty one); a body that is not JSON throws a SyntaxError. */
  async postForJson(path: string, post: UpstreamPost): Promise<unknown> {
    const text = await (await this.post(path, post)).text();
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  }
}
