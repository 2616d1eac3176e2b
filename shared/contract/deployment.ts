/** Deploying traces, plan schedules and the scheduler's jobs (infra/routes/deployment.ts). */
import * as z from 'zod';
import { DeployBody, PlanScheduleBody, StatusQuery, TracePath } from '../deployment/deployment-schemas';
import { PlanPath } from '../plans/plan-service';
import { Acknowledgement, LastRun, ScheduleState, Timestamp } from './common';
import type { DomainContract } from './types';

const jobFields = {
  schedule_name: z.string(),
  name: z.string().nullable(),
  state: ScheduleState,
  expression: z.string(),
  timezone: z.string(),
  next_run: Timestamp.nullable(),
  last_run: LastRun,
  created_at: Timestamp,
  updated_at: Timestamp,
};

/** shared/scheduling/scheduling-service.ts toJobJson: a plan's schedule or a deployed trace's. */
export const SchedulerJob = z.discriminatedUnion('kind', [
  z.strictObject({ ...jobFields, kind: z.literal('plan'), plan_id: z.string() }),
  z.strictObject({ ...jobFields, kind: z.literal('trace'), trace_id: z.string() }),
]);

export const deploymentContract: DomainContract = {
  DeployAutomation: {
    summary: 'Deploy a trace on a schedule',
    request: { body: DeployBody },
    responses: {
      200: {
        description: 'Deployed',
        schema: Acknowledgement.extend({ deployment_status: z.literal('deployed') }),
      },
    },
    errors: [404, 409],
  },
  UpdateDeploymentStatus: {
    summary: "Change a trace's deployment status (pause, resume, back to draft…)",
    request: { path: TracePath, query: StatusQuery },
    responses: { 200: { description: 'Changed', schema: Acknowledgement } },
    errors: [404, 409],
  },
  ScheduleExecutionPlan: {
    summary: 'Run a plan on a schedule',
    request: { path: PlanPath, body: PlanScheduleBody },
    responses: { 200: { description: 'The schedule', schema: SchedulerJob } },
    errors: [404, 409],
  },
  UnscheduleExecutionPlan: {
    summary: "Remove a plan's schedule",
    request: { path: PlanPath },
    responses: { 204: { description: 'Removed' } },
    errors: [404],
  },
  ListSchedulerJobs: {
    summary: "The caller's schedules as the scheduler has them",
    responses: {
      200: {
        description: 'Every schedule with its last run',
        schema: z.strictObject({ total: z.int(), jobs: z.array(SchedulerJob) }),
      },
    },
  },
};
