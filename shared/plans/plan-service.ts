import { automationScheduleView } from '../deployment/automation-schedule-record';
import { pathIdSchema } from '../http/path-id';
import { timeOfSortableId } from '../runs/sortable-id';
import type { WebhookRepository } from '../webhooks/webhook-repository';
import type { Page, PlanRecord, PlanRepository } from './plan-repository';
import { planNotFound } from './plan-repository';
import type { PlanBody } from './plan-schema';
import { validatePlanSteps, type ProviderCatalog } from './plan-validation';

/** `{plan_id}` in a path: anything but a minted plan id is the same 404 as an unknown one. */
export const PlanPath = pathIdSchema('plan_id', {
  wellFormed: (id) => timeOfSortableId('plan', id) !== undefined,
  notFound: planNotFound,
});

/**
 * Something else that hangs off a plan and must go when it does. Webhooks are removed in
 * the same transaction as the plan; the schedule (issue 6) registers one of these, and it
 * runs first, so a failure leaves the plan in place rather than a schedule without a plan.
 */
export type PlanDeletionHook = (plan: PlanRecord) => Promise<void>;

export class PlanService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly webhooks: WebhookRepository,
    private readonly catalog: ProviderCatalog,
    private readonly deletionHooks: readonly PlanDeletionHook[] = [],
  ) {}

  async create(userId: string, body: PlanBody): Promise<PlanRecord> {
    await validatePlanSteps(body.steps, userId, this.catalog);
    return this.plans.create(userId, body);
  }

  async replace(userId: string, planId: string, body: PlanBody): Promise<PlanRecord> {
    // Existence first: another user's plan id must give the same 404 whatever its body.
    await this.plans.require(userId, planId);
    await validatePlanSteps(body.steps, userId, this.catalog);
    return this.plans.replace(userId, planId, body);
  }

  get(userId: string, planId: string): Promise<PlanRecord> {
    return this.plans.require(userId, planId);
  }

  list(userId: string, limit: number, cursor?: string): Promise<Page<PlanRecord>> {
    return this.plans.list(userId, limit, cursor);
  }

  async delete(userId: string, planId: string): Promise<void> {
    const plan = await this.plans.get(userId, planId);
    if (!plan) throw planNotFound();
    for (const hook of this.deletionHooks) await hook(plan);
    await this.webhooks.deletePlanWith(userId, planId, plan.webhookTokenHash);
  }
}

/** `schedule` appears once the plan has one (POST /api/execution-plans/{plan_id}/schedule). */
export function planView(plan: PlanRecord) {
  return {
    id: plan.planId,
    name: plan.name,
    description: plan.description ?? null,
    steps: plan.steps,
    has_webhook: plan.webhookTokenHash !== undefined,
    ...(plan.schedule ? { schedule: automationScheduleView(plan.schedule) } : {}),
    created_at: plan.createdAt,
    updated_at: plan.updatedAt,
  };
}
