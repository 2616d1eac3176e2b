import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import {
  CORS,
  DEFAULT_INTEGRATION_TIMEOUT_SECONDS,
  GATEWAY_ERRORS,
  MAX_REQUEST_BYTES,
  gatewayErrorBody,
  type GatewayErrorSpec,
} from '../gateway-responses';
import {
  AUTHORIZER_CACHE_TTL_SECONDS,
  authorizerFunction,
  routes as defaultRoutes,
  takesJsonBody,
  type RouteDef,
} from '../routes';
import { buildAuthorizerEvent, buildProxyEvent, methodArn, type IncomingHttpRequest } from './api-event';
import {
  LocalResponseStream,
  installAwsLambdaGlobals,
  isStreamingHandler,
  type StreamingHandler,
} from './awslambda-globals';
import { answerClientError } from './client-error';
import { DRAIN_GRACE_MS, settleWithin } from './drain';
import { HandlerLoader } from './handler-loader';
import { lambdaContext } from './lambda-context';
import { LocalAuthorizer } from './local-authorizer';
import { RouteMatcher } from './route-matcher';

type ProxyHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/** Sees each finished response to a request that matched a route (tests check them against the API contract). */
export type ResponseObserver = (
  route: RouteDef,
  status: number,
  headers: OutgoingHttpHeaders,
  body: Buffer,
) => void;

export interface ApiServerOptions {
  routes?: readonly RouteDef[];
  host?: string;
  port?: number;
  /** Overrides API Gateway's 10 MB payload limit (tests only). */
  maxRequestBytes?: number;
  authorizerCacheTtlSeconds?: number;
  log?: (line: string) => void;
  onResponse?: ResponseObserver;
}

export interface ApiServer {
  url: string;
  port: number;
  server: Server;
  /** Forgets cached authorizer results (as a redeploy would). */
  clearAuthorizerCache(): void;
  /** Adds a response observer, as `onResponse` does. */
  observeResponses(observer: ResponseObserver): void;
  /**
   * Stops accepting connections and drains: idle keep-alive connections close at once,
   * busy ones once their response is done, and streaming handlers still at work after
   * their response are waited for; after `graceMs` connections left are cut and no more
   * is waited for.
   */
  close(graceMs?: number): Promise<void>;
}

class TooLargeError extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new TooLargeError());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        reject(new TooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function corsHeaders(): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': CORS.exposeHeaders.join(','),
  };
}

function sendGatewayError(
  res: ServerResponse,
  spec: GatewayErrorSpec,
  requestId: string,
  extra: Record<string, string> = {},
) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(spec.statusCode, {
    'Content-Type': 'application/json',
    'x-amzn-RequestId': requestId,
    'X-Request-Id': requestId,
    ...corsHeaders(),
    ...spec.headers,
    ...extra,
  });
  // As in the stack's DEFAULT_5XX response: no internals, just the id support needs.
  res.end(gatewayErrorBody(spec, spec.statusCode >= 500 ? { request_id: requestId } : null));
}

/**
 * API Gateway validates a body against the model of its content type: `application/json`,
 * which is also what it assumes when none is given. Other content types are not checked.
 */
function isJsonOrNotJsonTyped(body: Buffer, contentType: string | undefined): boolean {
  const type = (contentType ?? 'application/json').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' || body.length === 0) return true;
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

function isProxyResult(value: unknown): value is APIGatewayProxyResult {
  return (
    !!value && typeof value === 'object' && typeof (value as APIGatewayProxyResult).statusCode === 'number'
  );
}

function writeProxyResult(res: ServerResponse, result: APIGatewayProxyResult, requestId: string): void {
  const headers: Record<string, string | string[]> = { 'x-amzn-RequestId': requestId, ...corsHeaders() };
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k] = String(v);
  for (const [k, v] of Object.entries(result.multiValueHeaders ?? {})) headers[k] = v.map(String);
  const body = result.body
    ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8')
    : Buffer.alloc(0);
  res.writeHead(result.statusCode, headers);
  res.end(body);
}

/** Copies the headers and body written to `res`, for the observers once it has finished. */
function tapResponse(
  res: ServerResponse,
  finished: (headers: OutgoingHttpHeaders, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  const headers: OutgoingHttpHeaders = {};
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const given = rest.find((arg) => arg && typeof arg === 'object' && !Array.isArray(arg));
    for (const [k, v] of Object.entries((given ?? {}) as OutgoingHttpHeaders)) headers[k.toLowerCase()] = v;
    return writeHead(status, ...rest);
  }) as typeof res.writeHead;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === 'string')
      chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'function') keep(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as typeof res.end;
  res.once('finish', () => finished({ ...res.getHeaders(), ...headers }, Buffer.concat(chunks)));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
const TIMED_OUT = Symbol('timed out');

/**
 * A local stand-in for API Gateway's REST API, built from the same route table as the
 * stack: REST-proxy events, the REQUEST authorizer with its cache, the payload limit,
 * the integration timeout, and Lambda response streaming.
 */
export async function startApiServer(options: ApiServerOptions = {}): Promise<ApiServer> {
  installAwsLambdaGlobals();
  const routeTable = options.routes ?? defaultRoutes;
  const matcher = new RouteMatcher(routeTable);
  const loader = new HandlerLoader();
  const maxRequestBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const log = options.log ?? (() => undefined);
  const observers: ResponseObserver[] = options.onResponse ? [options.onResponse] : [];
  const authorizer = new LocalAuthorizer(
    () => loader.load(authorizerFunction),
    options.authorizerCacheTtlSeconds ?? AUTHORIZER_CACHE_TTL_SECONDS,
    () =>
      lambdaContext(authorizerFunction.name, authorizerFunction.timeoutSeconds, authorizerFunction.memoryMb),
  );

  /** Streaming invocations still running after their response ended. */
  const trailing = new Set<Promise<void>>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();

    if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.writeHead(204, {
        ...corsHeaders(),
        'Access-Control-Allow-Methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
        'Access-Control-Allow-Headers': CORS.allowHeaders.join(','),
        'Access-Control-Max-Age': String(CORS.maxAgeSeconds),
      });
      res.end();
      return;
    }

    let body: Buffer;
    try {
      body = await readBody(req, maxRequestBytes);
    } catch (err) {
      if (err instanceof TooLargeError) {
        res.setHeader('Connection', 'close');
        sendGatewayError(res, GATEWAY_ERRORS.payloadTooLarge, requestId);
        return;
      }
      throw err;
    }

    const match = matcher.match(method, url.pathname);
    if (match.kind === 'not-found') return sendGatewayError(res, GATEWAY_ERRORS.notFound, requestId);
    if (match.kind === 'method-not-allowed') {
      return sendGatewayError(res, GATEWAY_ERRORS.methodNotAllowed, requestId, {
        Allow: match.allowed.join(', '),
      });
    }
    const { route, pathParameters } = match;
    if (observers.length) {
      tapResponse(res, (headers, body) => {
        for (const observe of observers) {
          try {
            observe(route, res.statusCode, headers, body);
          } catch (err) {
            log(`response observer failed: ${(err as Error)?.stack ?? String(err)}`);
          }
        }
      });
    }
    const incoming: IncomingHttpRequest = {
      method,
      path: url.pathname,
      rawQuery: url.search.slice(1),
      rawHeaders: req.rawHeaders,
      body,
      sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    };

    let authorizerContext: Record<string, unknown> | null = null;
    if (route.auth === 'apiKey') {
      const outcome = await authorizer.authorize(
        {
          methodArn: methodArn(method, incoming.path),
          event: () => buildAuthorizerEvent(incoming, route, pathParameters, requestId),
        },
        req.headers.authorization,
      );
      if (outcome.kind === 'unauthorized')
        return sendGatewayError(res, GATEWAY_ERRORS.unauthorized, requestId);
      if (outcome.kind === 'denied') return sendGatewayError(res, GATEWAY_ERRORS.accessDenied, requestId);
      if (outcome.kind === 'error') return sendGatewayError(res, GATEWAY_ERRORS.authorizerFailure, requestId);
      authorizerContext = outcome.context;
    }

    // As API Gateway's request validator: after the authorizer, a JSON route's body must parse.
    if (takesJsonBody(route) && !isJsonOrNotJsonTyped(body, req.headers['content-type'])) {
      return sendGatewayError(res, GATEWAY_ERRORS.invalidJson, requestId);
    }

    const event = buildProxyEvent(incoming, route, pathParameters, authorizerContext, requestId);
    const context = lambdaContext(route.name, route.timeoutSeconds, route.memoryMb);
    const handler = loader.load<unknown>(route);
    const started = Date.now();
    if (isStreamingHandler(handler)) {
      await invokeStreaming(handler, event, context, res, requestId, route);
    } else {
      const timeoutMs = Math.min(route.timeoutSeconds, DEFAULT_INTEGRATION_TIMEOUT_SECONDS) * 1000;
      let result: unknown;
      try {
        result = await withTimeout((handler as ProxyHandler)(event, context), timeoutMs);
      } catch (err) {
        log(`${route.name} threw: ${(err as Error)?.stack ?? String(err)}`);
        return sendGatewayError(res, GATEWAY_ERRORS.internal, requestId);
      }
      if (result === TIMED_OUT) return sendGatewayError(res, GATEWAY_ERRORS.integrationTimeout, requestId);
      if (!isProxyResult(result)) {
        log(`${route.name} returned a malformed proxy result`);
        return sendGatewayError(res, GATEWAY_ERRORS.internal, requestId);
      }
      writeProxyResult(res, result, requestId);
    }
    log(`${method} ${url.pathname} -> ${res.statusCode} (${Date.now() - started} ms)`);
  }

  async function invokeStreaming(
    handler: StreamingHandler,
    event: APIGatewayProxyEvent,
    context: Context,
    res: ServerResponse,
    requestId: string,
    route: RouteDef,
  ): Promise<void> {
    const stream = new LocalResponseStream(
      (prelude) => {
        res.writeHead(prelude.statusCode ?? 200, {
          'x-amzn-RequestId': requestId,
          ...corsHeaders(),
          ...prelude.headers,
          ...(prelude.cookies?.length ? { 'Set-Cookie': prelude.cookies } : {}),
        });
        // The headers leave with the first body bytes when those follow at once (a whole
        // JSON answer: one packet), or on their own when the handler is still waiting.
        setImmediate(() => {
          if (!stream.wroteBody && !res.writableEnded && !res.destroyed) res.flushHeaders();
        });
      },
      res,
      true,
    );
    // As in Lambda, the client has its whole response once the handler ends the stream;
    // what the handler does after that (usage and limit bookkeeping) delays no client,
    // though a closing server still waits for it.
    const invocation = withTimeout(handler(event, stream, context), route.timeoutSeconds * 1000);
    const settled = invocation.then(
      () => undefined,
      () => undefined,
    );
    trailing.add(settled);
    void settled.finally(() => trailing.delete(settled));
    try {
      await invocation;
      if (!stream.writableEnded) stream.end();
      await new Promise<void>((resolve) => {
        if (stream.writableFinished || stream.destroyed) return resolve();
        stream.once('finish', resolve);
        stream.once('close', resolve);
      });
      res.end();
    } catch (err) {
      log(`${route.name} threw while streaming: ${(err as Error)?.stack ?? String(err)}`);
      if (!res.headersSent) sendGatewayError(res, GATEWAY_ERRORS.internal, requestId);
      else if (!res.writableEnded) res.destroy();
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      log(`local API server error: ${(err as Error)?.stack ?? String(err)}`);
      sendGatewayError(res, GATEWAY_ERRORS.internal, 'local');
    });
  });
  server.keepAliveTimeout = 5000;
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    server,
    clearAuthorizerCache: () => authorizer.clear(),
    observeResponses: (observer) => void observers.push(observer),
    close: async (graceMs = DRAIN_GRACE_MS) => {
      const deadline = Date.now() + graceMs;
      await new Promise<void>((resolve) => {
        // Node keeps a keep-alive connection open after its last response until
        // keepAliveTimeout, so idle ones are swept until the server has closed.
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        const cut = setTimeout(() => server.closeAllConnections(), Math.max(0, graceMs));
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
      await settleWithin(Promise.all(trailing), deadline - Date.now());
    },
  };
}
