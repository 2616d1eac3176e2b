import http, { type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake received it: exactly what went over the wire. */
export interface RecordedRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  query: URLSearchParams;
  /** The query string exactly as sent, without the `?` (parsing would re-encode it). */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface CannedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type FakeHandler = (req: RecordedRequest, res: ServerResponse) => unknown;

export interface FakeServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** The most recent request (throws when there was none, so a test cannot pass on nothing). */
  last(): RecordedRequest;
  /** The next requests get these responses, in order, before the handler sees any again. */
  respondNext(...responses: CannedResponse[]): void;
  close(): Promise<void>;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

function sendCanned(res: ServerResponse, canned: CannedResponse): void {
  if (typeof canned.body === 'string' || canned.body === undefined) {
    sendText(res, canned.status, (canned.body as string | undefined) ?? '', canned.headers);
  } else {
    sendJson(res, canned.status, canned.body, canned.headers);
  }
}

export const bearerOf = (req: RecordedRequest): string | undefined =>
  /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

export const jsonBody = <T = Record<string, unknown>>(req: RecordedRequest): T => JSON.parse(req.body) as T;

/** A real HTTP server on 127.0.0.1 and a free port that records every request. */
export async function startFakeServer(handler: FakeHandler): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const queue: CannedResponse[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        rawQuery: url.search.slice(1),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const canned = queue.shift();
      if (canned) return sendCanned(res, canned);
      Promise.resolve(handler(recorded, res)).catch((err: Error) => {
        if (!res.headersSent) sendJson(res, 500, { error: String(err?.message ?? err) });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    last() {
      const last = requests[requests.length - 1];
      if (!last) throw new Error('the fake received no request');
      return last;
    },
    respondNext(...responses) {
      queue.push(...responses);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
