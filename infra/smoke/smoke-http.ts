import { CheckFailure, type SmokeResponse } from './checks';

export interface CallOptions {
  /** The API key to send; null for public routes (health, webhooks). */
  key: string | null;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent exactly as given (webhook payloads are signed byte for byte). */
  raw?: string;
  headers?: Record<string, string>;
}

export interface SmokeHttpOptions {
  baseUrl: string;
  timeoutMs: number;
  /** Called once per request with its method, path, status and time (--verbose). */
  trace?: (line: string) => void;
}

function reasonOf(err: unknown): string {
  const error = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  return error.cause?.code ?? error.cause?.message ?? error.message ?? String(err);
}

/**
 * HTTP to the stage under test. Every request, the openai SDK's included, has a deadline,
 * so a stage that hangs fails its check instead of hanging the smoke.
 */
export class SmokeHttp {
  constructor(private readonly options: SmokeHttpOptions) {}

  /** A fetch with the deadline and the trace; also handed to the openai SDK. */
  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const method = init.method ?? (input instanceof Request ? input.method : 'GET');
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const started = Date.now();
    try {
      const res = await fetch(input, { ...init, signal });
      this.options.trace?.(`${method} ${url.pathname} -> ${res.status} (${Date.now() - started} ms)`);
      return res;
    } catch (err) {
      this.options.trace?.(`${method} ${url.pathname} -> ${reasonOf(err)} (${Date.now() - started} ms)`);
      if (timeout.aborted)
        throw new CheckFailure(`${method} ${url.pathname}: no answer within ${this.options.timeoutMs} ms`);
      throw new CheckFailure(`${method} ${url.pathname}: ${reasonOf(err)}`);
    }
  };

  /** One call to `path` (relative to the API URL); the body is read to the end and parsed if JSON. */
  async call(method: string, path: string, options: CallOptions): Promise<SmokeResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key !== null) headers.Authorization = `Bearer ${options.key}`;
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const res = await this.fetch(`${this.options.baseUrl}${path}`, { method, headers, body });
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      throw new CheckFailure(`${method} ${path}: the body did not arrive (${reasonOf(err)})`);
    }
    return { status: res.status, text, body: parseJson(text), headers: res.headers };
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
