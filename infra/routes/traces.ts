import { routeDefaults, type RouteDef } from './types';

/**
 * Automation traces (seed 004): drafted from a request by the LLM, or given as steps.
 *
 * Creating one may draft through the gateway (sessions and automation settings live in
 * the table, as for chat) and, with `dry_run`, run it once exactly as "run now" does
 * (credentials decrypted here; a long run handed to the execution function). Deleting
 * one removes its schedule first, so only that route manages the scheduler.
 */
export const traceRoutes: readonly RouteDef[] = [
  {
    ...routeDefaults,
    name: 'CreateAutomationTrace',
    method: 'POST',
    path: '/automation/traces',
    handler: 'functions/create-automation-trace.ts',
    auth: 'apiKey',
    // API Gateway's REST integration limit: drafting (and a repair round) plus a dry run fit in it or 504.
    timeoutSeconds: 29,
    memoryMb: 1024,
    access: ['table:write', 'kms:decrypt', 'execution:invoke', 'llm:upstream'],
  },
  {
    ...routeDefaults,
    name: 'ListAutomationTraces',
    method: 'GET',
    path: '/automation/traces',
    handler: 'functions/list-automation-traces.ts',
    auth: 'apiKey',
    access: ['table:read'],
  },
  {
    ...routeDefaults,
    name: 'GetAutomationTrace',
    method: 'GET',
    path: '/automation/traces/{trace_id}',
    handler: 'functions/get-automation-trace.ts',
    auth: 'apiKey',
    access: ['table:read'],
  },
  {
    ...routeDefaults,
    name: 'DeleteAutomationTrace',
    method: 'DELETE',
    path: '/automation/traces/{trace_id}',
    handler: 'functions/delete-automation-trace.ts',
    auth: 'apiKey',
    access: ['table:write', 'scheduler:manage'],
  },
];
