import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { GATEWAY_ERRORS as E, type GatewayErrorSpec } from '../gateway-responses';

/** API Gateway substitutes this with the error message, already quoted as a JSON string. */
const GATEWAY_MESSAGE = '$context.error.messageString';

interface JsonErrorSpec {
  type: apigateway.ResponseType;
  /** The shared definition: the local API server answers the same code, type and message. */
  spec: GatewayErrorSpec;
  /** False for the DEFAULT_* families: keep the status API Gateway chose. */
  fixedStatus?: boolean;
  /** Pass API Gateway's own message through instead of the spec's (4xx only: 5xx text can name internals). */
  gatewayMessage?: boolean;
  /** Raw JSON for `details`. */
  details?: string;
  /** Extra static headers, values already single-quoted. */
  headers?: Record<string, string>;
}

/**
 * One body that both error dialects accept: OpenAI clients read message/type/param/code,
 * the rest of the API reads code/message/details (see shared/http/render-error.ts and
 * infra/gateway-responses.ts, which the local server renders from).
 */
export function errorTemplate(
  spec: GatewayErrorSpec,
  options: { gatewayMessage?: boolean; details?: string } = {},
) {
  const message = options.gatewayMessage ? GATEWAY_MESSAGE : JSON.stringify(spec.message);
  return (
    `{"error":{"message":${message},"type":${JSON.stringify(spec.type)},"param":null,` +
    `"code":${JSON.stringify(spec.code)},"details":${options.details ?? 'null'}}}`
  );
}

const R = apigateway.ResponseType;

export const GATEWAY_ERRORS: readonly JsonErrorSpec[] = [
  { type: R.UNAUTHORIZED, spec: E.unauthorized, headers: { 'WWW-Authenticate': "'Bearer'" } },
  { type: R.ACCESS_DENIED, spec: E.accessDenied },
  { type: R.AUTHORIZER_FAILURE, spec: E.authorizerFailure },
  { type: R.AUTHORIZER_CONFIGURATION_ERROR, spec: E.authorizerFailure },
  // REST APIs answer an unknown path with 403 "Missing Authentication Token".
  { type: R.MISSING_AUTHENTICATION_TOKEN, spec: E.notFound },
  { type: R.RESOURCE_NOT_FOUND, spec: E.notFound },
  // The only body check is "is it JSON" (the JsonBody model accepts any JSON value).
  { type: R.BAD_REQUEST_BODY, spec: E.invalidJson },
  { type: R.BAD_REQUEST_PARAMETERS, spec: E.badRequest, gatewayMessage: true },
  { type: R.REQUEST_TOO_LARGE, spec: E.payloadTooLarge },
  { type: R.UNSUPPORTED_MEDIA_TYPE, spec: E.unsupportedMediaType },
  { type: R.THROTTLED, spec: E.throttled },
  { type: R.QUOTA_EXCEEDED, spec: E.throttled },
  { type: R.INTEGRATION_TIMEOUT, spec: E.integrationTimeout },
  { type: R.DEFAULT_4XX, spec: E.badRequest, fixedStatus: false, gatewayMessage: true },
  // Never pass API Gateway's 5xx text through: it can name the integration. The request
  // id is what support needs, as in the 500s the handlers render.
  {
    type: R.DEFAULT_5XX,
    spec: E.internal,
    fixedStatus: false,
    details: '{"request_id":"$context.requestId"}',
  },
];

/** API Gateway's own errors (auth, unknown route, throttling, timeouts) as JSON, with CORS and a request id. */
export function addJsonGatewayResponses(api: apigateway.RestApi, allowOrigin: string): void {
  for (const entry of GATEWAY_ERRORS) {
    api.addGatewayResponse(entry.type.responseType, {
      type: entry.type,
      statusCode: entry.fixedStatus === false ? undefined : String(entry.spec.statusCode),
      responseHeaders: {
        'Access-Control-Allow-Origin': `'${allowOrigin}'`,
        'X-Request-Id': 'context.requestId',
        ...Object.fromEntries(Object.entries(entry.spec.headers ?? {}).map(([k, v]) => [k, `'${v}'`])),
        ...entry.headers,
      },
      templates: { 'application/json': errorTemplate(entry.spec, entry) },
    });
  }
}
