import { deploymentRuntime } from '../shared/deployment/deployment-runtime';
import { http } from '../shared/http/http';
import { noContent } from '../shared/http/response';
import { PlanPath } from '../shared/plans/plan-service';

/** `DELETE /api/execution-plans/{plan_id}/schedule`: 204, or 404 if the plan has no schedule. */
export const handler = http(
  async ({ path, identity, log }) => {
    await deploymentRuntime().planSchedules.unschedule(identity, path.plan_id);
    log.info('plan unscheduled', { planId: path.plan_id });
    return noContent();
  },
  { schema: { path: PlanPath } },
);
