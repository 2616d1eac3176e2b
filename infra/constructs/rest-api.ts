import { Duration } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { AUTHORIZER_CACHE_TTL_SECONDS, takesJsonBody, type RouteDef } from '../routes';
import {
  BINARY_MEDIA_TYPES,
  CORS,
  DEFAULT_INTEGRATION_TIMEOUT_SECONDS,
  GATEWAY_ERRORS,
} from '../gateway-responses';
import { acknowledge } from '../nag';
import { namePrefix, type StageConfig } from '../stage-config';
import { addJsonGatewayResponses, errorTemplate } from './gateway-responses';

export interface FlowgateApiProps {
  routes: readonly RouteDef[];
  /** The function of each route, by route name. */
  functions: ReadonlyMap<string, IFunction>;
  authorizerFunction: IFunction;
  /** Names, stage, throttling, CORS origins, log retention and tracing. */
  stage: StageConfig;
}

/**
 * The origin API Gateway's own answers (errors, 405s) name. They are static, so with a
 * list of origins they name the first; the functions echo the caller's when it is listed.
 */
export const staticOrigin = (config: StageConfig) =>
  config.api.corsOrigins.includes('*') ? '*' : config.api.corsOrigins[0]!;

/**
 * One JSON line per request. `resourcePath` (the route template) is logged, never
 * `path`: webhook URLs carry their secret token in the path.
 */
const ACCESS_LOG_FORMAT = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationStatus: '$context.integration.status',
  integrationLatency: '$context.integration.latency',
  principalId: '$context.authorizer.principalId',
  authorizerError: '$context.authorizer.error',
  errorType: '$context.error.responseType',
  errorMessage: '$context.error.message',
};

const ERROR_STATUSES = ['400', '404', '429', '500'];
const AUTH_ERROR_STATUSES = ['401', '403'];

/** The REST API, built from the route table: one method per route, each on its own function. */
export class FlowgateApi extends Construct {
  readonly api: apigateway.RestApi;
  private readonly props: FlowgateApiProps;
  private readonly errorModel: apigateway.Model;
  private apiKeyAuthorizer?: apigateway.RequestAuthorizer;
  private readonly validator: apigateway.RequestValidator;
  private readonly jsonBody: apigateway.Model;

  constructor(scope: Construct, id: string, props: FlowgateApiProps) {
    super(scope, id);
    this.props = props;
    const { stage } = props;
    const prefix = namePrefix(stage);
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      logGroupName: `/flowgate/${stage.name}/api-access`,
      retention: stage.retention.logDays as logs.RetentionDays,
    });

    this.api = new apigateway.RestApi(this, 'Api', {
      restApiName: prefix,
      description: 'Flowgate: OpenAI-compatible LLM gateway and automation engine',
      endpointConfiguration: { types: [apigateway.EndpointType.REGIONAL] },
      // Access logging needs API Gateway's account-level CloudWatch role; create it so a
      // fresh account deploys. It is retained on stack deletion (an account-wide setting).
      cloudWatchRole: true,
      deployOptions: {
        stageName: stage.name,
        throttlingRateLimit: stage.api.rateLimit,
        throttlingBurstLimit: stage.api.burstLimit,
        accessLogDestination: new apigateway.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigateway.AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FORMAT)),
        metricsEnabled: true,
        // Execution logs for failures only, and never request or response bodies: prompts,
        // completions and webhook payloads stay out of CloudWatch.
        loggingLevel: apigateway.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        tracingEnabled: stage.tracing,
      },
      binaryMediaTypes: BINARY_MEDIA_TYPES,
      defaultCorsPreflightOptions: {
        allowOrigins: stage.api.corsOrigins,
        allowMethods: apigateway.Cors.ALL_METHODS,
        allowHeaders: [...CORS.allowHeaders],
        exposeHeaders: [...CORS.exposeHeaders],
        maxAge: Duration.seconds(CORS.maxAgeSeconds),
      },
    });

    // The stack exports the URL as `ApiUrl`; the construct's own hashed-name copy is noise.
    this.api.node.tryRemoveChild('Endpoint');
    // API Gateway refuses a JSON route's body that does not parse, before any function runs;
    // what the body must contain is each function's zod schema, answered in the route's
    // own dialect. The local server does the same (infra/local/api-server.ts).
    this.validator = this.api.addRequestValidator('Requests', {
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    this.jsonBody = this.api.addModel('JsonBody', {
      contentType: 'application/json',
      modelName: 'JsonBody',
      description: 'Any JSON value',
      schema: { schema: apigateway.JsonSchemaVersion.DRAFT4 },
    });
    acknowledge(
      this.api,
      'AwsSolutions-COG4',
      'Callers authenticate with Flowgate API keys (OpenAI-style Bearer), checked by the REQUEST authorizer; there is no Cognito user pool.',
    );
    const cloudWatchRole = this.api.node.tryFindChild('CloudWatchRole');
    if (cloudWatchRole) {
      acknowledge(
        cloudWatchRole,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        "API Gateway's account-wide logging role; this AWS managed policy is the documented way to let it write logs.",
      );
    }
    addJsonGatewayResponses(this.api, staticOrigin(stage));
    this.errorModel = this.api.addModel('ErrorModel', {
      contentType: 'application/json',
      modelName: 'Error',
      schema: {
        schema: apigateway.JsonSchemaVersion.DRAFT4,
        type: apigateway.JsonSchemaType.OBJECT,
        required: ['error'],
        properties: {
          error: {
            type: apigateway.JsonSchemaType.OBJECT,
            required: ['message', 'code'],
            properties: {
              message: { type: apigateway.JsonSchemaType.STRING },
              type: { type: apigateway.JsonSchemaType.STRING },
              code: { type: apigateway.JsonSchemaType.STRING },
              param: { type: [apigateway.JsonSchemaType.STRING, apigateway.JsonSchemaType.NULL] },
              details: {},
            },
          },
        },
      },
    });

    const seen = new Set<string>();
    const methodsByPath = new Map<string, string[]>();
    for (const route of props.routes) {
      const key = `${route.method} ${route.path}`;
      if (seen.has(key)) throw new Error(`Duplicate route ${key}`);
      seen.add(key);
      this.addRoute(route);
      methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);
    }
    for (const [path, methods] of methodsByPath) this.addMethodNotAllowed(path, methods);
    this.acknowledgePreflights();
  }

  /** CORS preflights are answered by API Gateway itself, before any caller could authenticate. */
  private acknowledgePreflights(): void {
    for (const child of this.api.node.findAll()) {
      if (child instanceof apigateway.Method && child.httpMethod === 'OPTIONS') {
        acknowledge(
          child,
          'AwsSolutions-APIG4',
          'CORS preflight: answered by API Gateway, which browsers send without credentials.',
        );
      }
    }
  }

  /**
   * A wrong method on a known path gets a JSON 405 with `Allow`, as from the local
   * server: `ANY` is the fallback API Gateway picks when no explicit method matches.
   */
  private addMethodNotAllowed(path: string, methods: string[]): void {
    const allow = `'${methods.join(', ')}'`;
    const integration = new apigateway.MockIntegration({
      requestTemplates: { 'application/json': '{"statusCode": 405}' },
      passthroughBehavior: apigateway.PassthroughBehavior.WHEN_NO_TEMPLATES,
      integrationResponses: [
        {
          statusCode: '405',
          responseParameters: {
            'method.response.header.Allow': allow,
            'method.response.header.Access-Control-Allow-Origin': `'${staticOrigin(this.props.stage)}'`,
          },
          responseTemplates: { 'application/json': errorTemplate(GATEWAY_ERRORS.methodNotAllowed) },
        },
      ],
    });
    const method = this.api.root.resourceForPath(path).addMethod('ANY', integration, {
      authorizationType: apigateway.AuthorizationType.NONE,
      requestValidator: this.validator,
      operationName: 'MethodNotAllowed',
      methodResponses: [
        {
          statusCode: '405',
          responseParameters: {
            'method.response.header.Allow': true,
            'method.response.header.Access-Control-Allow-Origin': true,
          },
          responseModels: { 'application/json': this.errorModel },
        },
      ],
    });
    acknowledge(
      method,
      'AwsSolutions-APIG4',
      'A mock answering 405 with Allow for a wrong method; it reaches no function.',
    );
  }

  private addRoute(route: RouteDef): void {
    const fn = this.props.functions.get(route.name);
    if (!fn) throw new Error(`No function for route ${route.name}`);
    const integration = new apigateway.LambdaIntegration(fn, {
      // Permission scoped to this method on the deployed stage; no console test-invoke grant.
      allowTestInvoke: false,
      // Buffered responses are capped at API Gateway's 29 s; streamed ones may run to the function's timeout.
      timeout: Duration.seconds(
        route.streaming
          ? route.timeoutSeconds
          : Math.min(route.timeoutSeconds, DEFAULT_INTEGRATION_TIMEOUT_SECONDS),
      ),
      ...(route.streaming ? { responseTransferMode: apigateway.ResponseTransferMode.STREAM } : {}),
    });
    const auth: apigateway.MethodOptions =
      route.auth === 'apiKey'
        ? { authorizer: this.authorizer(), authorizationType: apigateway.AuthorizationType.CUSTOM }
        : { authorizationType: apigateway.AuthorizationType.NONE };
    const method = this.api.root.resourceForPath(route.path).addMethod(route.method, integration, {
      ...auth,
      requestValidator: this.validator,
      ...(takesJsonBody(route) ? { requestModels: { 'application/json': this.jsonBody } } : {}),
      operationName: route.name,
      methodResponses: this.methodResponses(route),
    });
    if (route.auth !== 'apiKey') {
      acknowledge(
        method,
        'AwsSolutions-APIG4',
        route.auth === 'webhook'
          ? 'A webhook: its unguessable path token is the credential (plus the signature or credentials its verification mode asks for).'
          : 'Public by contract (the seed documents it without a key), and returns no user data.',
      );
    }
  }

  /** Proxy integrations pass responses through untouched; these document the contract. */
  private methodResponses(route: RouteDef): apigateway.MethodResponse[] {
    const requestId = { 'method.response.header.X-Request-Id': true };
    const errors = route.auth === 'apiKey' ? [...AUTH_ERROR_STATUSES, ...ERROR_STATUSES] : ERROR_STATUSES;
    return [
      { statusCode: '200', responseParameters: requestId },
      ...errors.map((statusCode) => ({
        statusCode,
        responseParameters: requestId,
        responseModels: { 'application/json': this.errorModel },
      })),
    ];
  }

  /** Created on first use: a REQUEST authorizer must be attached to at least one method. */
  private authorizer(): apigateway.RequestAuthorizer {
    this.apiKeyAuthorizer ??= new apigateway.RequestAuthorizer(this, 'ApiKeyAuthorizer', {
      authorizerName: 'api-key',
      handler: this.props.authorizerFunction,
      identitySources: [apigateway.IdentitySource.header('Authorization')],
      resultsCacheTtl: Duration.seconds(AUTHORIZER_CACHE_TTL_SECONDS),
    });
    return this.apiKeyAuthorizer;
  }
}
