/**
 * What API Gateway itself answers (before or instead of a Lambda), shared by the CDK
 * stack's GatewayResponses and the local API server so both say the same thing.
 *
 * Each body satisfies both error dialects at once: it has the OpenAI fields
 * (message, type, param, code) and Flowgate's (code, message, details), because a
 * gateway response is per API, not per route.
 */
export interface GatewayErrorSpec {
  statusCode: number;
  code: string;
  message: string;
  type: string;
  /** Headers this answer always carries. */
  headers?: Readonly<Record<string, string>>;
}

export const GATEWAY_ERRORS = {
  unauthorized: {
    statusCode: 401,
    code: 'invalid_api_key',
    message: 'Invalid or missing API key',
    type: 'invalid_request_error',
  },
  accessDenied: { statusCode: 403, code: 'forbidden', message: 'Access denied', type: 'permission_error' },
  notFound: {
    statusCode: 404,
    code: 'not_found',
    message: 'No route matches this method and path',
    type: 'invalid_request_error',
  },
  methodNotAllowed: {
    statusCode: 405,
    code: 'method_not_allowed',
    message: 'Method not allowed on this path',
    type: 'invalid_request_error',
  },
  payloadTooLarge: {
    statusCode: 413,
    code: 'payload_too_large',
    message: 'Request body exceeds the 10 MB limit',
    type: 'invalid_request_error',
  },
  /** The local server only: Node's HTTP parser refuses a request line plus headers over its limit. */
  headersTooLarge: {
    statusCode: 431,
    code: 'request_header_fields_too_large',
    message: 'Request line and headers exceed the size limit',
    type: 'invalid_request_error',
  },
  /** The local server only: the request did not arrive within the server's request timeout. */
  requestTimeout: {
    statusCode: 408,
    code: 'request_timeout',
    message: 'The request was not received in time',
    type: 'invalid_request_error',
  },
  unsupportedMediaType: {
    statusCode: 415,
    code: 'unsupported_media_type',
    message: 'Unsupported media type',
    type: 'invalid_request_error',
  },
  throttled: {
    statusCode: 429,
    code: 'rate_limit_exceeded',
    message: 'Too many requests',
    type: 'rate_limit_error',
  },
  badRequest: { statusCode: 400, code: 'bad_request', message: 'Bad request', type: 'invalid_request_error' },
  /** A JSON route's body does not parse: the same code and words the functions use. */
  invalidJson: {
    statusCode: 400,
    code: 'invalid_json',
    message: 'Request body is not valid JSON',
    type: 'invalid_request_error',
  },
  /**
   * The authorizer could not decide (it threw, or timed out: the table it reads keys from is
   * unreachable). Not the caller's fault and not permanent, so a 503 to retry, never a 500.
   */
  authorizerFailure: {
    statusCode: 503,
    code: 'service_unavailable',
    message: 'The API key could not be checked right now; retry shortly',
    type: 'api_error',
    headers: { 'Retry-After': '5' },
  },
  internal: { statusCode: 502, code: 'internal_error', message: 'Internal server error', type: 'api_error' },
  integrationTimeout: {
    statusCode: 504,
    code: 'integration_timeout',
    message: 'Endpoint request timed out',
    type: 'timeout_error',
  },
} as const satisfies Record<string, GatewayErrorSpec>;

export function gatewayErrorBody(spec: GatewayErrorSpec, details: unknown = null): string {
  return JSON.stringify({
    error: { message: spec.message, type: spec.type, param: null, code: spec.code, details },
  });
}

/** API Gateway's hard limit on request payloads. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/** API Gateway's default integration timeout for buffered (non-streaming) responses. */
export const DEFAULT_INTEGRATION_TIMEOUT_SECONDS = 29;

/**
 * Content types API Gateway passes to Lambda base64-encoded. Everything else
 * (JSON, text, form) arrives as a UTF-8 string.
 */
export const BINARY_MEDIA_TYPES = [
  'application/octet-stream',
  'image/*',
  'audio/*',
  'video/*',
  'application/pdf',
  'application/zip',
];

export const CORS = {
  allowHeaders: ['Authorization', 'Content-Type', 'X-Flowgate-Signature', 'Idempotency-Key'],
  exposeHeaders: ['X-Request-Id', 'X-Flowgate-Routed-Model', 'Retry-After'],
  maxAgeSeconds: 600,
} as const;
