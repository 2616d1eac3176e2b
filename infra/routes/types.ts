/** The shape of a route-table entry; see ./index.ts. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `apiKey`: the Lambda authorizer runs first. `public`: no auth. `webhook`: public, the handler checks a signature. */
export type RouteAuth = 'apiKey' | 'public' | 'webhook';

/**
 * What a function may touch. The stack turns each into IAM grants plus the env vars
 * that name the resource, so permissions and configuration travel together.
 */
export type Access =
  | 'table:read'
  | 'table:write'
  | 'kms:encrypt'
  | 'kms:decrypt'
  | 'scheduler:manage'
  /** Disable (and re-enable) existing schedules only: the execution function's repeated-failure rule. */
  | 'scheduler:pause'
  | 'execution:invoke'
  /** The stage's model routing (every gateway function maps model names). */
  | 'llm:models'
  /** Routing plus the upstream URLs and read access to the upstream key and router password. */
  | 'llm:upstream';

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
  /** A POST, PUT or PATCH that reads no body (its body is not checked for JSON). */
  body?: 'none';
}

/**
 * Routes whose body must be JSON: API Gateway (and the local server, as it) refuses one
 * that does not parse before any function runs. A webhook takes any payload as it is.
 */
export function takesJsonBody(route: RouteDef): boolean {
  return ['POST', 'PUT', 'PATCH'].includes(route.method) && route.auth !== 'webhook' && route.body !== 'none';
}

/** Defaults most routes share; spread first, then override. */
export const routeDefaults = { timeoutSeconds: 10, memoryMb: 512, streaming: false } as const;
