/**
 * The route table: the single source of truth for the API. The CDK stack builds one
 * API Gateway method and one Lambda per entry; the local API server builds its router
 * from the same entries, so the two cannot drift. Each domain keeps its entries in its
 * own file; this is where they become one table.
 */
import { auditRoutes } from './audit';
import { deploymentRoutes } from './deployment';
import { engineRoutes } from './engine';
import { gatewayRoutes } from './gateway';
import { identityRoutes } from './identity';
import { integrationRoutes } from './integrations';
import { traceRoutes } from './traces';
import type { FunctionDef, RouteDef } from './types';

export * from './types';

/**
 * The routes by domain, for what is watched per group (Lambda errors and throttles, see
 * infra/constructs/observability-alarms.ts): a route belongs to exactly one group because
 * the table below is made from these lists.
 */
export const routeGroups = {
  identity: identityRoutes,
  gateway: gatewayRoutes,
  engine: [...engineRoutes, ...integrationRoutes],
  deployment: [...traceRoutes, ...deploymentRoutes, ...auditRoutes],
} as const satisfies Record<string, readonly RouteDef[]>;

export const routes: readonly RouteDef[] = Object.values(routeGroups).flat();

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
  // scheduler:pause: after repeated failed scheduled runs it disables the schedule itself.
  access: ['table:write', 'kms:decrypt', 'scheduler:pause'],
};

/**
 * Every minute: settles runs whose executor was lost (shared/runs/run-sweeper.ts) and
 * closes idle or expired model sessions (shared/gateway/sessions/session-sweeper.ts). It
 * resumes runs by invoking the execution function, an abandoned scheduled run counts
 * toward the repeated-failure rule, which may pause that schedule, and a Morpheus session
 * is closed on the proxy-router.
 */
export const sweepFunction: FunctionDef = {
  name: 'SweepRuns',
  handler: 'functions/sweep-runs.ts',
  timeoutSeconds: 60,
  memoryMb: 512,
  access: ['table:write', 'execution:invoke', 'scheduler:pause', 'llm:upstream'],
};

/** How often AWS runs the sweep function (`npm start` uses RUN_SWEEP_INTERVAL_MS). */
export const SWEEP_RATE_MINUTES = 1;

/** The functions no route reaches directly: the authorizer, the run executor and the sweeper. */
export const systemFunctions: readonly FunctionDef[] = [authorizerFunction, executionFunction, sweepFunction];

export type FunctionGroup = keyof typeof routeGroups | 'system';

/** Every function by group; each function is in exactly one. */
export const functionGroups: Readonly<Record<FunctionGroup, readonly FunctionDef[]>> = {
  ...routeGroups,
  system: systemFunctions,
};

export const allFunctions: readonly FunctionDef[] = [...routes, ...systemFunctions];
