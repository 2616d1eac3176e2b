import type { Template } from 'aws-cdk-lib/assertions';
import { AUTHORIZER_CACHE_TTL_SECONDS, routes, type RouteDef } from '../../../infra/routes';
import { CORS, GATEWAY_ERRORS, gatewayErrorBody } from '../../../infra/gateway-responses';
import { resourcesOfType, synthFlowgate, testStage, type Resource } from '../synth-flowgate';

const streamingRoute: RouteDef = {
  name: 'StreamTest',
  method: 'POST',
  // A path of its own, so it never collides with a real route.
  path: '/test/stream',
  handler: 'functions/get-health.ts',
  auth: 'apiKey',
  streaming: true,
  timeoutSeconds: 120,
  memoryMb: 1024,
  access: ['table:write'],
};

let template: Template;

beforeAll(() => {
  template = synthFlowgate({
    routes: [...routes, streamingRoute],
    stage: testStage({ api: { rateLimit: 7, burstLimit: 9 } }),
  }).template;
}, 60_000);

function only(type: string): Resource {
  const found = Object.values(resourcesOfType(template, type));
  expect(found).toHaveLength(1);
  return found[0]!;
}

function methodInvoking(functionName: string): Resource {
  const method = Object.values(resourcesOfType(template, 'AWS::ApiGateway::Method')).find((m) =>
    JSON.stringify(m.Properties.Integration).includes(`"Fn::GetAtt":["${functionName}","Arn"]`),
  );
  if (!method) throw new Error(`No method invokes ${functionName}`);
  return method;
}

describe('authorizer', () => {
  it('is a REQUEST authorizer on the Authorization header, cached for AUTHORIZER_CACHE_TTL_SECONDS', () => {
    const authorizer = only('AWS::ApiGateway::Authorizer').Properties;
    expect(AUTHORIZER_CACHE_TTL_SECONDS).toBe(30);
    expect(authorizer).toMatchObject({
      Type: 'REQUEST',
      IdentitySource: 'method.request.header.Authorization',
      AuthorizerResultTtlInSeconds: AUTHORIZER_CACHE_TTL_SECONDS,
    });
    expect(JSON.stringify(authorizer.AuthorizerUri)).toContain('"Fn::GetAtt":["Authorizer","Arn"]');
  });
});

describe('response streaming', () => {
  it.each([streamingRoute, ...routes.filter((r) => r.streaming)].map((r) => [r.name]))(
    'sends streaming route %s to response-streaming-invocations in STREAM mode',
    (name) => {
      const integration = methodInvoking(name).Properties.Integration as Record<string, unknown>;
      expect(JSON.stringify(integration.Uri)).toContain('/response-streaming-invocations');
      expect(integration.ResponseTransferMode).toBe('STREAM');
    },
  );

  it.each(routes.filter((r) => !r.streaming).map((r) => [r.name]))(
    'keeps buffered route %s on plain invocations',
    (name) => {
      const integration = methodInvoking(name).Properties.Integration as Record<string, unknown>;
      expect(JSON.stringify(integration.Uri)).not.toContain('response-streaming');
      expect(integration.ResponseTransferMode).not.toBe('STREAM');
    },
  );
});

describe('stage', () => {
  it('throttles every method with the configured rate and burst', () => {
    expect(only('AWS::ApiGateway::Stage').Properties.MethodSettings).toEqual([
      expect.objectContaining({
        HttpMethod: '*',
        ResourcePath: '/*',
        ThrottlingRateLimit: 7,
        ThrottlingBurstLimit: 9,
      }),
    ]);
  });

  it('writes one JSON access-log line per request, without raw paths, to a retained-for-30-days group', () => {
    const { AccessLogSetting } = only('AWS::ApiGateway::Stage').Properties as {
      AccessLogSetting: { DestinationArn: { 'Fn::GetAtt': [string, string] }; Format: string };
    };
    const format = JSON.parse(AccessLogSetting.Format) as Record<string, string>;
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      status: '$context.status',
      resourcePath: '$context.resourcePath',
    });
    // Webhook paths carry secret tokens.
    expect(Object.values(format)).not.toContain('$context.path');
    const groupId = AccessLogSetting.DestinationArn['Fn::GetAtt'][0];
    expect(resourcesOfType(template, 'AWS::Logs::LogGroup')[groupId]?.Properties.RetentionInDays).toBe(30);
    // Access logging needs API Gateway's account-level CloudWatch role.
    expect(only('AWS::ApiGateway::Account').Properties.CloudWatchRoleArn).toBeDefined();
  });
});

describe('CORS', () => {
  it('answers preflights on every route resource, allowing the headers clients send', () => {
    const options = Object.values(resourcesOfType(template, 'AWS::ApiGateway::Method')).filter(
      (m) => m.Properties.HttpMethod === 'OPTIONS',
    );
    const resourceCount = Object.keys(resourcesOfType(template, 'AWS::ApiGateway::Resource')).length;
    expect(options).toHaveLength(resourceCount + 1); // plus the root
    for (const m of options) {
      const integration = m.Properties.Integration as {
        Type: string;
        IntegrationResponses: { ResponseParameters: Record<string, string> }[];
      };
      expect(integration.Type).toBe('MOCK');
      const headers = integration.IntegrationResponses[0]!.ResponseParameters;
      expect(headers['method.response.header.Access-Control-Allow-Headers']).toBe(
        `'${CORS.allowHeaders.join(',')}'`,
      );
      expect(headers['method.response.header.Access-Control-Allow-Origin']).toBe("'*'");
      expect(m.Properties.AuthorizationType).toBe('NONE');
    }
  });
});

describe('wrong methods', () => {
  it('answer 405 with Allow on every route path, without reaching a function or the authorizer', () => {
    const anyMethods = Object.values(resourcesOfType(template, 'AWS::ApiGateway::Method')).filter(
      (m) => m.Properties.HttpMethod === 'ANY',
    );
    const paths = new Set([...routes, streamingRoute].map((r) => r.path));
    expect(anyMethods).toHaveLength(paths.size);
    for (const m of anyMethods) {
      const integration = m.Properties.Integration as {
        Type: string;
        IntegrationResponses: {
          StatusCode: string;
          ResponseParameters: Record<string, string>;
          ResponseTemplates: Record<string, string>;
        }[];
      };
      expect(integration.Type).toBe('MOCK');
      expect(m.Properties.AuthorizationType).toBe('NONE');
      const response = integration.IntegrationResponses[0]!;
      expect(response.StatusCode).toBe('405');
      expect(response.ResponseParameters['method.response.header.Allow']).toMatch(
        /^'(GET|POST|PUT|PATCH|DELETE)(, [A-Z]+)*'$/,
      );
      expect(JSON.parse(response.ResponseTemplates['application/json']!)).toEqual(
        JSON.parse(gatewayErrorBody(GATEWAY_ERRORS.methodNotAllowed)),
      );
    }
  });
});

describe('method responses', () => {
  it.each([...routes, streamingRoute].map((r) => [r.name, r] as const))(
    '%s documents its error statuses with the error model',
    (name, route) => {
      const responses = methodInvoking(name).Properties.MethodResponses as {
        StatusCode: string;
        ResponseModels?: Record<string, unknown>;
      }[];
      const statuses = responses.map((r) => r.StatusCode);
      expect(statuses).toEqual(expect.arrayContaining(['200', '400', '404', '500']));
      expect(statuses.includes('401')).toBe(route.auth === 'apiKey');
      for (const r of responses.filter((x) => x.StatusCode !== '200')) {
        expect(r.ResponseModels?.['application/json']).toEqual({ Ref: expect.stringMatching(/ErrorModel/) });
      }
    },
  );
});
