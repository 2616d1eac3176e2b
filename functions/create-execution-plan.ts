import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { created } from '../shared/http/response';
import { planView } from '../shared/plans/plan-service';
import { PlanBodySchema } from '../shared/plans/plan-schema';

/** Saves a plan after checking every step against the provider manifests. */
export const handler = http(
  async ({ body, identity, log }) => {
    const plan = await engineRuntime().plans.create(identity.userId, body);
    log.info('plan created', { planId: plan.planId, steps: plan.steps.length });
    return created(planView(plan));
  },
  { schema: { body: PlanBodySchema } },
);
