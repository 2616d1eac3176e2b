import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { BINARY_MEDIA_TYPES } from '../gateway-responses';
import type { RouteDef } from '../routes';

export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_API_ID = 'local';
export const LOCAL_STAGE = 'local';
export const LOCAL_REGION = 'us-east-1';

export interface IncomingHttpRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  rawQuery: string;
  /** Node's rawHeaders: [name, value, name, value, ...] with the client's casing. */
  rawHeaders: string[];
  body: Buffer;
  sourceIp: string;
}

/**
 * Grouped in a Map, so a name such as `__proto__` or `constructor` is a name like any other
 * (indexing a plain object would reach Object.prototype), and written out as own properties.
 */
function multiMap(pairs: [string, string][]): Record<string, string[]> | null {
  if (pairs.length === 0) return null;
  const grouped = new Map<string, string[]>();
  for (const [k, v] of pairs) {
    const values = grouped.get(k);
    if (values) values.push(v);
    else grouped.set(k, [v]);
  }
  return Object.fromEntries(grouped);
}

/** API Gateway's single-value maps keep the last value of a repeated name. */
function lastValues(multi: Record<string, string[]> | null): Record<string, string> | null {
  if (!multi) return null;
  return Object.fromEntries(Object.entries(multi).map(([k, v]) => [k, v[v.length - 1] as string]));
}

function headerPairs(rawHeaders: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2)
    pairs.push([rawHeaders[i] as string, rawHeaders[i + 1] as string]);
  return pairs;
}

function queryPairs(rawQuery: string): [string, string][] {
  return [...new URLSearchParams(rawQuery).entries()];
}

export function isBinaryContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return BINARY_MEDIA_TYPES.some((pattern) =>
    pattern.endsWith('/*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern,
  );
}

export function methodArn(method: string, path: string): string {
  return `arn:aws:execute-api:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${LOCAL_API_ID}/${LOCAL_STAGE}/${method}${path}`;
}

function requestContext(req: IncomingHttpRequest, route: RouteDef, requestId: string, now: Date) {
  const userAgent = headerPairs(req.rawHeaders).find(([k]) => k.toLowerCase() === 'user-agent')?.[1] ?? null;
  return {
    accountId: LOCAL_ACCOUNT_ID,
    apiId: LOCAL_API_ID,
    resourceId: route.name,
    resourcePath: route.path,
    httpMethod: req.method,
    path: `/${LOCAL_STAGE}${req.path}`,
    stage: LOCAL_STAGE,
    requestId,
    extendedRequestId: requestId,
    requestTime: now.toUTCString(),
    requestTimeEpoch: now.getTime(),
    protocol: 'HTTP/1.1',
    domainName: 'localhost',
    identity: {
      sourceIp: req.sourceIp,
      userAgent,
      accessKey: null,
      accountId: null,
      apiKey: null,
      apiKeyId: null,
      caller: null,
      clientCert: null,
      cognitoAuthenticationProvider: null,
      cognitoAuthenticationType: null,
      cognitoIdentityId: null,
      cognitoIdentityPoolId: null,
      principalOrgId: null,
      user: null,
      userArn: null,
    },
    authorizer: null as Record<string, unknown> | null,
  };
}

/** The REST API (v1) proxy event, field for field as API Gateway builds it. */
export function buildProxyEvent(
  req: IncomingHttpRequest,
  route: RouteDef,
  pathParameters: Record<string, string> | null,
  authorizer: Record<string, unknown> | null,
  requestId: string = randomUUID(),
  now: Date = new Date(),
): APIGatewayProxyEvent {
  const multiValueHeaders = multiMap(headerPairs(req.rawHeaders));
  const multiValueQueryStringParameters = multiMap(queryPairs(req.rawQuery));
  const headers = lastValues(multiValueHeaders) ?? {};
  const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  const binary = isBinaryContentType(contentType);
  const context = requestContext(req, route, requestId, now);
  context.authorizer = authorizer;
  return {
    resource: route.path,
    path: req.path,
    httpMethod: req.method,
    headers,
    multiValueHeaders: multiValueHeaders ?? {},
    queryStringParameters: lastValues(multiValueQueryStringParameters),
    multiValueQueryStringParameters,
    pathParameters,
    stageVariables: null,
    requestContext: context as APIGatewayProxyEvent['requestContext'],
    body: req.body.length === 0 ? null : binary ? req.body.toString('base64') : req.body.toString('utf8'),
    isBase64Encoded: binary && req.body.length > 0,
  };
}

/** The REQUEST authorizer event for the same request. */
export function buildAuthorizerEvent(
  req: IncomingHttpRequest,
  route: RouteDef,
  pathParameters: Record<string, string> | null,
  requestId: string,
  now: Date = new Date(),
): APIGatewayRequestAuthorizerEvent {
  const proxy = buildProxyEvent(req, route, pathParameters, null, requestId, now);
  return {
    type: 'REQUEST',
    methodArn: methodArn(req.method, req.path),
    resource: proxy.resource,
    path: proxy.path,
    httpMethod: proxy.httpMethod,
    headers: proxy.headers,
    multiValueHeaders: proxy.multiValueHeaders,
    queryStringParameters: proxy.queryStringParameters,
    multiValueQueryStringParameters: proxy.multiValueQueryStringParameters,
    pathParameters: proxy.pathParameters,
    stageVariables: null,
    requestContext: proxy.requestContext,
  } as APIGatewayRequestAuthorizerEvent;
}
