import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';
import { PlanPath, planView } from '../shared/plans/plan-service';

export const handler = http(
  async ({ path, identity }) => ok(planView(await engineRuntime().plans.get(identity.userId, path.plan_id))),
  { schema: { path: PlanPath } },
);
