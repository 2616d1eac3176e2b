import type { RouteDef } from './types';

/** Automation traces (seed 004): drafted from a request by the LLM, or given as steps. */
export const traceRoutes: readonly RouteDef[] = [];
