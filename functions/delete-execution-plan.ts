import { auditLog, userActor } from '../shared/audit/audit-log';
import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { noContent } from '../shared/http/response';
import { PlanPath } from '../shared/plans/plan-service';

/** Deletes the plan together with its webhook and its schedule. */
export const handler = http(
  async ({ path, identity, log }) => {
    await engineRuntime().plans.delete(identity.userId, path.plan_id);
    log.info('plan deleted', { planId: path.plan_id });
    await auditLog().record({
      userId: identity.userId,
      actor: userActor(identity),
      action: 'plan.delete',
      target: { type: 'plan', id: path.plan_id },
    });
    return noContent();
  },
  { schema: { path: PlanPath } },
);
