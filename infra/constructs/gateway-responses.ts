import * as apigateway from 'aws-cdk-lib/aws-apigateway';

/** API Gateway substitutes this with the error message, already quoted as a JSON string. */
const GATEWAY_MESSAGE = '$context.error.messageString';

interface JsonErrorSpec {
  type: apigateway.ResponseType;
  /** Omitted: keep the status API Gateway chose (the DEFAULT_* families cover many codes). */
  statusCode?: string;
  /** OpenAI `type`. */
  errorType: string;
  code: string;
  /** A fixed message, or undefined to pass API Gateway's own message through. */
  message?: string;
  /** Raw JSON for `details`. */
  details?: string;
  /** Extra static headers, values already single-quoted. */
  headers?: Record<string, string>;
}

/**
 * One body that both error dialects accept: OpenAI clients read message/type/param/code,
 * the rest of the API reads code/message/details (see shared/http/render-error.ts).
 */
export function errorTemplate(
  spec: Pick<JsonErrorSpec, 'errorType' | 'code' | 'message' | 'details'>,
): string {
  const message = spec.message === undefined ? GATEWAY_MESSAGE : JSON.stringify(spec.message);
  return (
    `{"error":{"message":${message},"type":${JSON.stringify(spec.errorType)},"param":null,` +
    `"code":${JSON.stringify(spec.code)},"details":${spec.details ?? 'null'}}}`
  );
}

const R = apigateway.ResponseType;

export const GATEWAY_ERRORS: readonly JsonErrorSpec[] = [
  {
    type: R.UNAUTHORIZED,
    statusCode: '401',
    errorType: 'invalid_request_error',
    code: 'invalid_api_key',
    message: 'Invalid or missing API key',
    headers: { 'WWW-Authenticate': "'Bearer'" },
  },
  {
    type: R.ACCESS_DENIED,
    statusCode: '403',
    errorType: 'permission_error',
    code: 'forbidden',
    message: 'Access denied',
  },
  // REST APIs answer an unknown path or method with 403 "Missing Authentication Token".
  {
    type: R.MISSING_AUTHENTICATION_TOKEN,
    statusCode: '404',
    errorType: 'invalid_request_error',
    code: 'not_found',
    message: 'Route not found',
  },
  { type: R.RESOURCE_NOT_FOUND, statusCode: '404', errorType: 'invalid_request_error', code: 'not_found' },
  { type: R.BAD_REQUEST_BODY, statusCode: '400', errorType: 'invalid_request_error', code: 'bad_request' },
  {
    type: R.BAD_REQUEST_PARAMETERS,
    statusCode: '400',
    errorType: 'invalid_request_error',
    code: 'bad_request',
  },
  {
    type: R.REQUEST_TOO_LARGE,
    statusCode: '413',
    errorType: 'invalid_request_error',
    code: 'request_too_large',
    message: 'Request body too large',
  },
  {
    type: R.UNSUPPORTED_MEDIA_TYPE,
    statusCode: '415',
    errorType: 'invalid_request_error',
    code: 'unsupported_media_type',
  },
  {
    type: R.THROTTLED,
    statusCode: '429',
    errorType: 'rate_limit_error',
    code: 'rate_limit_exceeded',
    message: 'Too many requests',
  },
  {
    type: R.QUOTA_EXCEEDED,
    statusCode: '429',
    errorType: 'rate_limit_error',
    code: 'rate_limit_exceeded',
    message: 'Quota exceeded',
  },
  {
    type: R.INTEGRATION_TIMEOUT,
    statusCode: '504',
    errorType: 'api_error',
    code: 'timeout',
    message: 'The request timed out',
  },
  { type: R.DEFAULT_4XX, errorType: 'invalid_request_error', code: 'bad_request' },
  // Never pass API Gateway's 5xx text through: it can name the integration. The request
  // id is what support needs, as in the 500s the handlers render.
  {
    type: R.DEFAULT_5XX,
    errorType: 'api_error',
    code: 'internal_error',
    message: 'Internal server error',
    details: '{"request_id":"$context.requestId"}',
  },
];

/** API Gateway's own errors (auth, unknown route, throttling, timeouts) as JSON, with CORS and a request id. */
export function addJsonGatewayResponses(api: apigateway.RestApi, allowOrigin: string): void {
  for (const spec of GATEWAY_ERRORS) {
    api.addGatewayResponse(spec.type.responseType, {
      type: spec.type,
      statusCode: spec.statusCode,
      responseHeaders: {
        'Access-Control-Allow-Origin': `'${allowOrigin}'`,
        'X-Request-Id': 'context.requestId',
        ...spec.headers,
      },
      templates: { 'application/json': errorTemplate(spec) },
    });
  }
}
