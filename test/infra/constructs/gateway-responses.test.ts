import type { Template } from 'aws-cdk-lib/assertions';
import { errorTemplate, GATEWAY_ERRORS } from '../../../infra/constructs/gateway-responses';
import { GATEWAY_ERRORS as SHARED, gatewayErrorBody } from '../../../infra/gateway-responses';
import { AppError, NotFoundError, UnauthorizedError } from '../../../shared/errors';
import { errorBody } from '../../../shared/http/render-error';
import { resourcesOfType, synthFlowgate } from '../synth-flowgate';

let responses: Map<string, Record<string, unknown>>;

beforeAll(() => {
  const template: Template = synthFlowgate().template;
  responses = new Map(
    Object.values(resourcesOfType(template, 'AWS::ApiGateway::GatewayResponse')).map((r) => [
      String(r.Properties.ResponseType),
      r.Properties,
    ]),
  );
}, 60_000);

/** What a client receives once API Gateway has substituted its variables. */
function rendered(type: string): { error: Record<string, unknown> } {
  const templates = responses.get(type)?.ResponseTemplates as Record<string, string> | undefined;
  if (!templates) throw new Error(`No gateway response ${type}`);
  const body = templates['application/json']!.replace(
    '$context.error.messageString',
    JSON.stringify('Some gateway message'),
  ).replace('$context.requestId', 'req-123');
  return JSON.parse(body) as { error: Record<string, unknown> };
}

/** The gateway body must carry every field of both dialects the handlers speak. */
function expectBothDialects(type: string, equivalent: AppError): void {
  const body = rendered(type).error;
  expect(body).toMatchObject(errorBody(equivalent, 'openai').error);
  expect(body).toMatchObject(errorBody(equivalent, 'standard').error);
}

it.each([
  ['UNAUTHORIZED'],
  ['ACCESS_DENIED'],
  ['MISSING_AUTHENTICATION_TOKEN'],
  ['DEFAULT_4XX'],
  ['DEFAULT_5XX'],
])('%s is JSON, with the request id header and CORS', (type) => {
  const response = responses.get(type);
  expect(response).toBeDefined();
  expect(response!.ResponseParameters).toMatchObject({
    'gatewayresponse.header.X-Request-Id': 'context.requestId',
    'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
  });
  expect(Object.keys(response!.ResponseTemplates as object)).toEqual(['application/json']);
  expect(() => rendered(type)).not.toThrow();
});

it('renders 401 exactly as the handlers render an invalid key, in both dialects', () => {
  expect(responses.get('UNAUTHORIZED')!.StatusCode).toBe('401');
  expect(rendered('UNAUTHORIZED')).toEqual({
    error: {
      message: 'Invalid or missing API key',
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
      details: null,
    },
  });
  expectBothDialects('UNAUTHORIZED', new UnauthorizedError());
});

it('turns the unknown-route 403 into a 404 not_found', () => {
  expect(responses.get('MISSING_AUTHENTICATION_TOKEN')!.StatusCode).toBe('404');
  expectBothDialects('MISSING_AUTHENTICATION_TOKEN', new NotFoundError(SHARED.notFound.message));
});

it('passes API Gateway 4xx messages through with code bad_request and keeps their status', () => {
  expect(responses.get('DEFAULT_4XX')!.StatusCode).toBeUndefined();
  expect(rendered('DEFAULT_4XX').error).toMatchObject({
    message: 'Some gateway message',
    code: 'bad_request',
  });
});

it('hides API Gateway 5xx messages and reports the request id, like the handlers', () => {
  expect(rendered('DEFAULT_5XX')).toEqual({
    error: {
      message: 'Internal server error',
      type: 'api_error',
      param: null,
      code: 'internal_error',
      details: { request_id: 'req-123' },
    },
  });
  expectBothDialects(
    'DEFAULT_5XX',
    new AppError(500, 'internal_error', 'Internal server error', true, {
      details: { request_id: 'req-123' },
    }),
  );
});

it('asks for a bearer token on 401', () => {
  expect(responses.get('UNAUTHORIZED')!.ResponseParameters).toMatchObject({
    'gatewayresponse.header.WWW-Authenticate': "'Bearer'",
  });
});

it('defines each response type once, and every one is in the template', () => {
  const types = GATEWAY_ERRORS.map((e) => e.type.responseType);
  expect(new Set(types).size).toBe(types.length);
  expect([...responses.keys()].sort()).toEqual([...types].sort());
});

it('escapes fixed messages as JSON strings', () => {
  const body = errorTemplate({ statusCode: 400, type: 't', code: 'c', message: 'say "hi"\n' });
  expect(JSON.parse(body)).toEqual({
    error: { message: 'say "hi"\n', type: 't', param: null, code: 'c', details: null },
  });
});

it.each([
  ['UNAUTHORIZED', SHARED.unauthorized],
  ['ACCESS_DENIED', SHARED.accessDenied],
  ['MISSING_AUTHENTICATION_TOKEN', SHARED.notFound],
  ['REQUEST_TOO_LARGE', SHARED.payloadTooLarge],
  ['INTEGRATION_TIMEOUT', SHARED.integrationTimeout],
])('%s says exactly what the local API server says', (type, spec) => {
  expect(responses.get(type)!.StatusCode).toBe(String(spec.statusCode));
  expect(rendered(type)).toEqual(JSON.parse(gatewayErrorBody(spec)));
});
