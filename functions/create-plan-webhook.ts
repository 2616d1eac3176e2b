import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { created } from '../shared/http/response';
import { PlanPath } from '../shared/plans/plan-service';
import { CreateWebhookBody } from '../shared/webhooks/webhook-schemas';
import { webhookSetup } from '../shared/webhooks/webhook-setup';

/**
 * Gives the plan a webhook: an unguessable token and the verification its calls must pass
 * (a Flowgate signature by default, or a third-party sender's scheme). The token and a
 * secret Flowgate generated are shown only in this response. Calling it again replaces
 * the previous webhook.
 */
export const handler = http(
  async ({ path, body, identity, log }) => {
    const webhook = await engineRuntime().webhooks.create(identity.userId, path.plan_id, webhookSetup(body));
    log.info('webhook created', { planId: path.plan_id, mode: webhook.verification.mode });
    return created(webhook);
  },
  { schema: { path: PlanPath, body: CreateWebhookBody } },
);
