/**
 * The node:http harness both stub upstreams run on: loopback listening, request
 * recording, fault application (see fault-plan.ts) and the `/__stub/*` control routes.
 * A stub supplies its auth check, its error shape and a handler that returns the normal
 * answer as data; the harness writes it, and applies any fault on the wire.
 *
 * Control routes (never recorded, never faulted, no auth):
 *   POST   /__stub/faults    one fault or an array → 201 {queued, pending}; 400 if invalid
 *   GET    /__stub/faults    → {pending}
 *   DELETE /__stub/faults    → 204
 *   GET    /__stub/requests  → {requests}
 *   DELETE /__stub/requests  → 204
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { FaultPlan, parseFaults, recordRequest, type RecordedRequest } from './fault-plan';

/** The normal answer a stub route produces before faults are applied. */
export type StubResponse =
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | { status: number; headers?: Record<string, string>; sse: SsePayload[] };

/** One SSE event: its data alone, or a named event (as the Responses API sends them). */
export type SsePayload = string | { event: string; data: string };

export interface StubServerOptions {
  host: string;
  port: number;
  /** Pause between SSE events, so streaming is observable. */
  chunkDelayMs: number;
  /** The default body of a `status` fault, in the server's own error shape. */
  faultBody(status: number): unknown;
  /** A refusal (e.g. 401) or undefined to go on. Refused requests are recorded, never faulted. */
  authorize(req: RecordedRequest): StubResponse | undefined;
  /** Server-specific `/__stub/...` routes; undefined when the route is not theirs. */
  control?(req: RecordedRequest): StubResponse | undefined;
  handle(req: RecordedRequest): StubResponse | Promise<StubResponse>;
}

export interface StubServer {
  url: string;
  port: number;
  /** Every request except `/__stub/*` control calls, oldest first. */
  requests: RecordedRequest[];
  faults: FaultPlan;
  close(): Promise<void>;
}

const MALFORMED_JSON = '{"id":"chatcmpl-stub-malformed","object":"chat.completion","choices":[{"index":0,';

/** Resolves false instead of throwing when the request went away first. */
async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (ms <= 0) return !signal.aborted;
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

function builtinControl(req: RecordedRequest, server: StubServer): StubResponse | undefined {
  const route = `${req.method} ${req.path}`;
  switch (route) {
    case 'POST /__stub/faults':
      try {
        const specs = parseFaults(req.body);
        server.faults.enqueue(...specs);
        return { status: 201, body: { queued: specs.length, pending: server.faults.pending() } };
      } catch (err) {
        return { status: 400, body: { error: (err as Error).message } };
      }
    case 'GET /__stub/faults':
      return { status: 200, body: { pending: server.faults.pending() } };
    case 'DELETE /__stub/faults':
      server.faults.clear();
      return { status: 204 };
    case 'GET /__stub/requests':
      return { status: 200, body: { requests: server.requests } };
    case 'DELETE /__stub/requests':
      server.requests.length = 0;
      return { status: 204 };
    default:
      return undefined;
  }
}

/**
 * Writes and waits until the data has left for the socket, so a break that follows
 * (socket.destroy discards anything still buffered) cuts after it, not before. A client
 * that went away ends the wait too.
 */
function flushed(res: ServerResponse, data: string | Buffer, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(), { once: true });
    res.write(data, () => resolve());
  });
}

async function writeResponse(
  res: ServerResponse,
  response: StubResponse,
  opts: { chunkDelayMs: number; breakAfter?: number; signal: AbortSignal },
): Promise<void> {
  if ('sse' in response) {
    res.writeHead(response.status, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      ...response.headers,
    });
    res.flushHeaders();
    // A break always withholds at least the final `[DONE]`, whatever afterChunks says.
    const breakAt =
      opts.breakAfter === undefined ? undefined : Math.min(opts.breakAfter, response.sse.length - 1);
    for (const [index, payload] of response.sse.entries()) {
      if (index === breakAt) return void res.socket?.destroy();
      if (index > 0 && !(await pause(opts.chunkDelayMs, opts.signal))) return;
      const text =
        typeof payload === 'string'
          ? `data: ${payload}\n\n`
          : `event: ${payload.event}\ndata: ${payload.data}\n\n`;
      await flushed(res, text, opts.signal);
    }
    res.end();
    return;
  }
  const isText = typeof response.body === 'string';
  const text =
    response.body === undefined ? '' : isText ? (response.body as string) : JSON.stringify(response.body);
  const bytes = Buffer.from(text, 'utf8');
  const headers: Record<string, string | number> = { 'content-length': bytes.length, ...response.headers };
  if (response.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
    headers['content-type'] = isText ? 'text/plain; charset=utf-8' : 'application/json';
  res.writeHead(response.status, headers);
  if (opts.breakAfter !== undefined) {
    await flushed(res, bytes.subarray(0, Math.floor(bytes.length / 2)), opts.signal);
    return void res.socket?.destroy();
  }
  res.end(bytes);
}

/** A node:http server on loopback with recording, faults and `/__stub/*` control routes. */
export async function startStubServer(opts: StubServerOptions): Promise<StubServer> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => void serve(req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  const stub: StubServer = {
    url: '',
    port: 0,
    requests: [],
    faults: new FaultPlan(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive sockets would otherwise hold the server (and jest) open.
        for (const socket of sockets) socket.destroy();
      }),
  };

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const aborter = new AbortController();
    res.once('close', () => aborter.abort());
    const write = (response: StubResponse, breakAfter?: number) =>
      writeResponse(res, response, { chunkDelayMs: opts.chunkDelayMs, breakAfter, signal: aborter.signal });
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const url = new URL(req.url ?? '/', 'http://stub.local');
      const rec = recordRequest(
        req.method ?? 'GET',
        url,
        req.headers,
        Buffer.concat(chunks).toString('utf8'),
      );

      if (rec.path.startsWith('/__stub/')) {
        const answer = builtinControl(rec, stub) ?? opts.control?.(rec);
        return await write(
          answer ?? { status: 404, body: { error: `No stub control route ${rec.method} ${rec.path}` } },
        );
      }
      stub.requests.push(rec);
      const refusal = opts.authorize(rec);
      if (refusal) return await write(refusal);

      const fault = stub.faults.take(rec.method, rec.path);
      if (fault?.kind === 'reset') return void req.socket.destroy();
      if (fault?.kind === 'status')
        return await write({
          status: fault.status,
          headers: fault.headers,
          body: fault.body ?? opts.faultBody(fault.status),
        });
      if (fault?.kind === 'delay' && !(await pause(fault.ms, aborter.signal))) return;

      const response = await opts.handle(rec);
      if (fault?.kind === 'malformed-json')
        return await write({
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: MALFORMED_JSON,
        });
      await write(response, fault?.kind === 'break-mid-stream' ? fault.afterChunks : undefined);
    } catch (err) {
      if (!res.headersSent) await write({ status: 500, body: opts.faultBody(500) });
      else res.destroy(err as Error);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  stub.port = address.port;
  stub.url = `http://${opts.host}:${address.port}`;
  return stub;
}
