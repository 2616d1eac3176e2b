import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { noContent } from '../shared/http/response';
import { PlanPath } from '../shared/plans/plan-service';

export const handler = http(
  async ({ path, identity, log }) => {
    await engineRuntime().webhooks.remove(identity.userId, path.plan_id);
    log.info('webhook deleted', { planId: path.plan_id });
    return noContent();
  },
  { schema: { path: PlanPath } },
);
