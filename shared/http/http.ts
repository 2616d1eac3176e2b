import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type * as z from 'zod';
import { env } from '../config/env';
import { UnauthorizedError } from '../errors';
import { logger as rootLogger, type Logger } from '../logger';
import { errorStyleFor, renderError, toPublicError } from './render-error';
import { identityFrom, lowerCaseHeaders, parseJson, rawBody, validate, type Identity } from './request';
import type { HttpResponse } from './response';

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.infer<S> : undefined;

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
}

export type HttpHandlerFn<B, Q, P, I extends Identity | undefined> = (
  request: HttpRequest<B, Q, P, I>,
) => Promise<HttpResponse>;

function baseHeaders(requestId: string): Record<string, string> {
  return { 'X-Request-Id': requestId, 'Access-Control-Allow-Origin': env.CORS_ALLOW_ORIGIN };
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
  const maxBodyBytes = options.maxBodyBytes ?? env.MAX_BODY_BYTES;
  const auth = options.auth ?? 'apiKey';

  return middy<APIGatewayProxyEvent, APIGatewayProxyResult>().handler(async (event, context) => {
    const requestId = event.requestContext?.requestId ?? context.awsRequestId;
    const identity = identityFrom(event);
    const log = rootLogger.child({
      requestId,
      route: `${event.httpMethod} ${event.resource}`,
      ...(identity ? { userId: identity.userId } : {}),
    });
    const started = Date.now();
    const headers = baseHeaders(requestId);
    try {
      // Defence in depth: API Gateway never routes here without the authorizer, but a
      // misconfigured route must fail closed.
      if (auth === 'apiKey' && !identity) throw new UnauthorizedError();
      const raw = rawBody(event, maxBodyBytes);
      const schema = options.schema ?? {};
      const request: HttpRequest<Parsed<B>, Parsed<Q>, Parsed<P>, Identity | undefined> = {
        body: (schema.body ? validate(schema.body, parseJson(raw) ?? {}, 'body') : undefined) as Parsed<B>,
        query: (schema.query
          ? validate(schema.query, event.queryStringParameters ?? {}, 'query')
          : undefined) as Parsed<Q>,
        path: (schema.path
          ? validate(schema.path, event.pathParameters ?? {}, 'path')
          : undefined) as Parsed<P>,
        identity,
        headers: lowerCaseHeaders(event),
        rawBody: raw,
        requestId,
        log,
        event,
        context,
      };
      const response = await (fn as HttpHandlerFn<Parsed<B>, Parsed<Q>, Parsed<P>, Identity | undefined>)(
        request,
      );
      log.info('request completed', { status: response.statusCode, durationMs: Date.now() - started });
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
      const publicError = toPublicError(err, requestId);
      const level = publicError.statusCode >= 500 ? 'error' : 'info';
      log[level]('request failed', {
        status: publicError.statusCode,
        code: publicError.code,
        durationMs: Date.now() - started,
        ...(publicError.statusCode >= 500
          ? {
              error:
                err instanceof Error
                  ? { name: err.name, message: err.message, stack: err.stack }
                  : String(err),
            }
          : {}),
      });
      return renderError(err, errorStyleFor(event.resource ?? event.path ?? ''), headers, requestId);
    }
  });
}
