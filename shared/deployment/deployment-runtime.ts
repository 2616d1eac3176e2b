import { auditLog } from '../audit/audit-log';
import { defaultRepositoryDeps } from '../clients/dynamodb';
import { env } from '../config/env';
import { PlanRepository } from '../plans/plan-repository';
import { RunRepository } from '../runs/run-repository';
import { defaultSchedulingService } from '../scheduling/scheduler-wiring';
import { TraceRepository } from '../traces/trace-repository';
import { DeploymentService } from './deployment-service';
import { PlanScheduleService } from './plan-schedule-service';
import { SchedulerJobs } from './scheduler-jobs';

/**
 * The deployment routes' wiring: one SchedulingService shared by deploy, status changes,
 * plan schedules and the job list. Built on first use, once per cold start, so a handler
 * module loads without the scheduler's configuration and fails only when it needs it.
 */
export interface DeploymentRuntime {
  deployments: DeploymentService;
  planSchedules: PlanScheduleService;
  jobs: SchedulerJobs;
}

let cached: DeploymentRuntime | undefined;

export function deploymentRuntime(): DeploymentRuntime {
  if (cached) return cached;
  const deps = defaultRepositoryDeps();
  const scheduling = defaultSchedulingService();
  const audit = auditLog();
  cached = {
    deployments: new DeploymentService({
      scheduling,
      traces: new TraceRepository(deps),
      audit,
    }),
    planSchedules: new PlanScheduleService({ scheduling, plans: new PlanRepository(deps), audit }),
    jobs: new SchedulerJobs({
      scheduling,
      runs: new RunRepository(deps, env.AUTOMATION_RETENTION_DAYS),
    }),
  };
  return cached;
}
