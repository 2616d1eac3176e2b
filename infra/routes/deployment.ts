import { routeDefaults, type RouteDef } from './types';

/**
 * Deploying automations to EventBridge Scheduler (seed 004), plan schedules and the
 * scheduler's job list (seed 003), and the audit trail. All go through one scheduling service.
 * Changes write the trace or plan and an audit entry (table:write); the job list only reads
 * the table, but listing schedules needs the scheduler's own permissions.
 */
const MANAGE = ['table:write', 'scheduler:manage'] as const;

export const deploymentRoutes: readonly RouteDef[] = [
  {
    ...routeDefaults,
    name: 'DeployAutomation',
    method: 'POST',
    path: '/automation/deploy',
    handler: 'functions/deploy-automation.ts',
    auth: 'apiKey',
    access: MANAGE,
  },
  {
    ...routeDefaults,
    name: 'UpdateDeploymentStatus',
    body: 'none',
    method: 'PATCH',
    path: '/automation/deployment-status/{trace_id}',
    handler: 'functions/update-deployment-status.ts',
    auth: 'apiKey',
    access: MANAGE,
  },
  {
    ...routeDefaults,
    name: 'ScheduleExecutionPlan',
    method: 'POST',
    path: '/api/execution-plans/{plan_id}/schedule',
    handler: 'functions/schedule-execution-plan.ts',
    auth: 'apiKey',
    access: MANAGE,
  },
  {
    ...routeDefaults,
    name: 'UnscheduleExecutionPlan',
    method: 'DELETE',
    path: '/api/execution-plans/{plan_id}/schedule',
    handler: 'functions/unschedule-execution-plan.ts',
    auth: 'apiKey',
    access: MANAGE,
  },
  {
    ...routeDefaults,
    name: 'ListSchedulerJobs',
    method: 'GET',
    path: '/api/scheduler/jobs',
    handler: 'functions/list-scheduler-jobs.ts',
    auth: 'apiKey',
    access: ['table:read', 'scheduler:manage'],
  },
];
