import type { PlanStep } from '../plans/plan-schema';
import type { AutomationSchedule } from '../scheduling/automation-schedule';

export const DEPLOYMENT_STATUSES = ['draft', 'deployed', 'paused', 'failed'] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/** An automation trace: a plan drafted from a request (or given as steps), and its deployment. */
export interface TraceRecord {
  traceId: string;
  userId: string;
  name: string;
  description?: string;
  /** The natural-language request it was drafted from, when it was. */
  request?: string;
  /** The model name the draft was asked of, as the caller gave it (before routing). */
  model?: string;
  steps: PlanStep[];
  deploymentStatus: DeploymentStatus;
  /** Present from the first deploy until the trace goes back to draft. */
  schedule?: AutomationSchedule;
  deployedAt?: string;
  /** The run a `dry_run` create started. */
  dryRunId?: string;
  createdAt: string;
  updatedAt: string;
}

export interface NewTrace {
  name: string;
  description?: string;
  request?: string;
  model?: string;
  steps: PlanStep[];
}
