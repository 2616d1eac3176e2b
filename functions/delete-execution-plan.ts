import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { noContent } from '../shared/http/response';
import { PlanPath } from '../shared/plans/plan-service';

/** Deletes the plan together with its webhook (and, with scheduling, its schedule). */
export const handler = http(
  async ({ path, identity, log }) => {
    await engineRuntime().plans.delete(identity.userId, path.plan_id);
    log.info('plan deleted', { planId: path.plan_id });
    return noContent();
  },
  { schema: { path: PlanPath } },
);
