import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';
import { PlanPath, planView } from '../shared/plans/plan-service';
import { PlanBodySchema } from '../shared/plans/plan-schema';

/** Replaces a plan's name, description and steps; runs already started keep their copy. */
export const handler = http(
  async ({ path, body, identity, log }) => {
    const plan = await engineRuntime().plans.replace(identity.userId, path.plan_id, body);
    log.info('plan updated', { planId: plan.planId, steps: plan.steps.length });
    return ok(planView(plan));
  },
  { schema: { path: PlanPath, body: PlanBodySchema } },
);
