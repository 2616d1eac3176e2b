import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { created } from '../shared/http/response';
import { PlanPath } from '../shared/plans/plan-service';
import { CreateWebhookBody } from '../shared/webhooks/webhook-schemas';

/**
 * Gives the plan a webhook: an unguessable token and a signing secret, both shown only in
 * this response. Calling it again replaces the previous webhook.
 */
export const handler = http(
  async ({ path, body, identity, log }) => {
    const webhook = await engineRuntime().webhooks.create(identity.userId, path.plan_id, {
      requireSignature: body.require_signature,
    });
    log.info('webhook created', { planId: path.plan_id, signed: webhook.secret !== null });
    return created(webhook);
  },
  { schema: { path: PlanPath, body: CreateWebhookBody } },
);
