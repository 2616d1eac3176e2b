import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type * as z from 'zod';
import { env } from '../config/env';
import { UnauthorizedError, type AppError } from '../errors';
import { logger as rootLogger, type Logger } from '../logger';
import { assertWellFormedParams } from './json-limits';
import { errorStyleFor, renderError, toPublicError } from './render-error';
import { identityFrom, lowerCaseHeaders, parseJson, rawBody, validateParts, type Identity } from './request';
import type { HttpResponse } from './response';

export type Schema = z.ZodType | undefined;
export type Parsed<S extends Schema> = S extends z.ZodType ? z.infer<S> : undefined;

export interface HttpOptions<B extends Schema, Q extends Schema, P extends Schema> {
  schema?: { body?: B; query?: Q; path?: P };
  maxBodyBytes?: number;
}

export interface HttpRequest<B, Q, P, I extends Identity | undefined = Identity> {
  body: B;
  query: Q;
  path: P;
  identity: I;
  headers: Record<string, string>;
  /** The body exactly as received (decoded from base64 if needed), for signatures. */
  rawBody: string;
  requestId: string;
  log: Logger;
  event: APIGatewayProxyEvent;
  context: Context;
  /** A header for whatever response this request ends with, errors included. */
  setHeader(name: string, value: string): void;
}

export type HttpHandlerFn<B, Q, P, I extends Identity | undefined> = (
  request: HttpRequest<B, Q, P, I>,
) => Promise<HttpResponse>;

const ALLOWED_ORIGINS = env.CORS_ALLOW_ORIGIN.split(',').map((o) => o.trim());

/**
 * `*`, or the caller's own origin when it is one of the allowed ones (a response names one
 * origin at most, so a list is answered by echoing; `Vary` keeps caches from mixing them up).
 */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (ALLOWED_ORIGINS.includes('*')) return { 'Access-Control-Allow-Origin': '*' };
  const allowed = origin !== undefined && ALLOWED_ORIGINS.includes(origin) ? origin : ALLOWED_ORIGINS[0]!;
  return { 'Access-Control-Allow-Origin': allowed, Vary: 'Origin' };
}

export function baseHeaders(requestId: string, origin?: string): Record<string, string> {
  return { 'X-Request-Id': requestId, ...corsHeaders(origin) };
}

/** What every request starts with; shared with the streaming wrapper (./http-stream.ts). */
export interface RequestStart {
  requestId: string;
  identity: Identity | undefined;
  log: Logger;
  started: number;
  /** Every response's headers: the request id and CORS, then whatever the handler set. */
  headers: Record<string, string>;
}

export function startRequest(event: APIGatewayProxyEvent, context: Context): RequestStart {
  const requestId = event.requestContext?.requestId ?? context.awsRequestId;
  const identity = identityFrom(event);
  const log = rootLogger.child({
    requestId,
    route: `${event.httpMethod} ${event.resource}`,
    ...(identity ? { userId: identity.userId } : {}),
  });
  const origin = lowerCaseHeaders(event).origin;
  return { requestId, identity, log, started: Date.now(), headers: baseHeaders(requestId, origin) };
}

/**
 * Auth check, body size limit, well-formed Unicode in query and path, JSON parsing within
 * the depth limit, and zod validation; throws the AppError to render.
 */
export function buildRequest<B extends Schema, Q extends Schema, P extends Schema>(
  event: APIGatewayProxyEvent,
  context: Context,
  start: RequestStart,
  options: HttpOptions<B, Q, P> & { auth?: 'apiKey' | 'public' },
): HttpRequest<Parsed<B>, Parsed<Q>, Parsed<P>, Identity | undefined> {
  const { identity, requestId, log } = start;
  // Defence in depth: API Gateway never routes here without the authorizer, but a
  // misconfigured route must fail closed.
  if ((options.auth ?? 'apiKey') === 'apiKey' && !identity) throw new UnauthorizedError();
  const raw = rawBody(event, options.maxBodyBytes ?? env.MAX_BODY_BYTES);
  assertWellFormedParams(event.pathParameters, 'path');
  assertWellFormedParams(event.queryStringParameters, 'query');
  assertWellFormedParams(event.multiValueQueryStringParameters, 'query');
  const parsed = validateParts(options.schema ?? {}, {
    body: options.schema?.body ? (parseJson(raw) ?? {}) : undefined,
    query: event.queryStringParameters ?? {},
    path: event.pathParameters ?? {},
  });
  return {
    body: parsed.body as Parsed<B>,
    query: parsed.query as Parsed<Q>,
    path: parsed.path as Parsed<P>,
    identity,
    headers: lowerCaseHeaders(event),
    rawBody: raw,
    requestId,
    log,
    event,
    context,
    setHeader: (name, value) => {
      start.headers[name] = value;
    },
  };
}

/** Logs a failed request (5xx with the error, never exposed) and returns what the caller may see. */
export function logFailure(start: RequestStart, err: unknown): AppError {
  const publicError = toPublicError(err, start.requestId);
  const level = publicError.statusCode >= 500 ? 'error' : 'info';
  start.log[level]('request failed', {
    status: publicError.statusCode,
    code: publicError.code,
    durationMs: Date.now() - start.started,
    ...(publicError.statusCode >= 500
      ? {
          error:
            err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
        }
      : {}),
  });
  return publicError;
}

/**
 * Wraps an endpoint: body size limit and JSON parsing, zod validation of body, query
 * and path, the caller's identity, a request id on every response, structured logs,
 * and one error renderer.
 */
export function http<
  B extends Schema = undefined,
  Q extends Schema = undefined,
  P extends Schema = undefined,
  A extends 'apiKey' | 'public' = 'apiKey',
>(
  fn: HttpHandlerFn<Parsed<B>, Parsed<Q>, Parsed<P>, A extends 'public' ? undefined : Identity>,
  /** `auth: 'public'` routes have no identity; the rest require the authorizer's. */
  options: HttpOptions<B, Q, P> & { auth?: A } = {},
): middy.MiddyfiedHandler<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return middy<APIGatewayProxyEvent, APIGatewayProxyResult>().handler(async (event, context) => {
    const start = startRequest(event, context);
    const { log, headers, requestId } = start;
    try {
      const request = buildRequest(event, context, start, options);
      const response = await (fn as HttpHandlerFn<Parsed<B>, Parsed<Q>, Parsed<P>, Identity | undefined>)(
        request,
      );
      log.info('request completed', { status: response.statusCode, durationMs: Date.now() - start.started });
      const hasBody = response.body !== undefined && response.statusCode !== 204;
      return {
        statusCode: response.statusCode,
        headers: {
          ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
          ...response.headers,
        },
        body: hasBody ? JSON.stringify(response.body) : '',
      };
    } catch (err) {
      logFailure(start, err);
      return renderError(err, errorStyleFor(event.resource ?? event.path ?? ''), headers, requestId);
    }
  });
}
