import type { RouteDef } from './types';

/**
 * Deploying automations to EventBridge Scheduler (seed 004), plan schedules and the
 * scheduler's job list (seed 003), and the audit trail. All go through one scheduling service.
 */
export const deploymentRoutes: readonly RouteDef[] = [];
