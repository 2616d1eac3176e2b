/**
 * The route table: the single source of truth for the API. The CDK stack builds one
 * API Gateway method and one Lambda per entry; the local API server builds its router
 * from the same entries, so the two cannot drift.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `apiKey`: the Lambda authorizer runs first. `public`: no auth. `webhook`: public, the handler checks a signature. */
export type RouteAuth = 'apiKey' | 'public' | 'webhook';

/**
 * What a function may touch. The stack turns each into IAM grants plus the env vars
 * that name the resource, so permissions and configuration travel together.
 */
export type Access =
  'table:read' | 'table:write' | 'kms:encrypt' | 'kms:decrypt' | 'scheduler:manage' | 'execution:invoke';

export interface FunctionDef {
  /** PascalCase; becomes the CDK construct id and the `npm run invoke` name. */
  name: string;
  /** Handler source, relative to the repository root; it must export `handler`. */
  handler: string;
  timeoutSeconds: number;
  memoryMb: number;
  access: readonly Access[];
}

export interface RouteDef extends FunctionDef {
  method: HttpMethod;
  /** API Gateway resource path, `{param}` for path parameters. */
  path: string;
  auth: RouteAuth;
  /** Response streaming (REST API STREAM transfer mode plus `awslambda.streamifyResponse`). */
  streaming: boolean;
}

const defaults = { timeoutSeconds: 10, memoryMb: 512, streaming: false } as const;

export const routes: readonly RouteDef[] = [
  {
    ...defaults,
    name: 'GetHealth',
    method: 'GET',
    path: '/api/health',
    handler: 'functions/get-health.ts',
    auth: 'public',
    memoryMb: 256,
    access: [],
  },
  {
    ...defaults,
    name: 'CreateApiKey',
    method: 'POST',
    path: '/api/v1/auth/keys',
    handler: 'functions/create-api-key.ts',
    auth: 'apiKey',
    access: ['table:write'],
  },
  {
    ...defaults,
    name: 'ListApiKeys',
    method: 'GET',
    path: '/api/v1/auth/keys',
    handler: 'functions/list-api-keys.ts',
    auth: 'apiKey',
    access: ['table:read'],
  },
  {
    ...defaults,
    name: 'RevokeApiKey',
    method: 'DELETE',
    path: '/api/v1/auth/keys/{key_id}',
    handler: 'functions/revoke-api-key.ts',
    auth: 'apiKey',
    access: ['table:write'],
  },
];

/**
 * How long API Gateway (and the local server) cache an authorizer result, keyed by the
 * Authorization header. A revoked key stops working within this bound.
 */
export const AUTHORIZER_CACHE_TTL_SECONDS = 30;

/** The REQUEST authorizer in front of every `apiKey` route. */
export const authorizerFunction: FunctionDef = {
  name: 'Authorizer',
  handler: 'functions/authorize-api-key.ts',
  timeoutSeconds: 5,
  memoryMb: 256,
  access: ['table:write'],
};

/** The target of EventBridge Scheduler and of asynchronous "run now". */
export const executionFunction: FunctionDef = {
  name: 'ExecuteRun',
  handler: 'functions/execute-run.ts',
  timeoutSeconds: 300,
  memoryMb: 1024,
  access: ['table:write'],
};

export const allFunctions: readonly FunctionDef[] = [...routes, authorizerFunction, executionFunction];
