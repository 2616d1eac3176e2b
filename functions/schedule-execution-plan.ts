import { PlanScheduleBody } from '../shared/deployment/deployment-schemas';
import { deploymentRuntime } from '../shared/deployment/deployment-runtime';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';
import { PlanPath } from '../shared/plans/plan-service';
import { toJobJson } from '../shared/scheduling/scheduling-service';

/**
 * `POST /api/execution-plans/{plan_id}/schedule`: the deploy body without `trace_id`.
 * Creates the plan's schedule or replaces it; answers with the job as the job list shows it.
 */
export const handler = http(
  async ({ path, body, identity, log }) => {
    const job = await deploymentRuntime().planSchedules.schedule(identity, path.plan_id, body);
    log.info('plan scheduled', { planId: path.plan_id, scheduleType: body.schedule_type });
    return ok(toJobJson(job));
  },
  { schema: { path: PlanPath, body: PlanScheduleBody } },
);
