import { env } from '../shared/config/env';
import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { accepted, ok } from '../shared/http/response';
import { runView } from '../shared/runs/run-views';
import { requestWindow } from '../shared/runs/run-window';
import { WebhookTokenPath } from '../shared/webhooks/webhook-repository';
import { WebhookQuery } from '../shared/webhooks/webhook-schemas';
import { webhookTriggerBody } from '../shared/webhooks/webhook-trigger';

/**
 * Public: the token in the path is the credential, and the call must also pass the
 * webhook's verification (shared/webhooks/verification/: a Flowgate, GitHub, Stripe or
 * Slack signature, Basic credentials or a secret header). Answers 202 with the run id, or
 * with `?wait=true` runs the plan within the request budget and answers with the run. A
 * Slack url_verification handshake is answered with its challenge and runs nothing.
 */
export const handler = http(
  async ({ path, query, headers, rawBody, context, log }) => {
    const runtime = engineRuntime();
    const { webhook, plan, handshake } = await runtime.webhooks.authenticate(path.token, {
      rawBody,
      headers,
    });
    if (handshake) {
      log.info('webhook handshake answered', { planId: plan.planId });
      return ok(handshake);
    }
    const input = {
      userId: webhook.userId,
      planId: plan.planId,
      steps: plan.steps,
      trigger: {
        type: 'webhook' as const,
        body: webhookTriggerBody(rawBody, headers['content-type']),
        query,
      },
    };
    if (query.wait !== 'true') {
      const run = await runtime.runs.enqueue(input);
      log.info('webhook run queued', { runId: run.runId, planId: plan.planId });
      return accepted({ run_id: run.runId, status: run.status });
    }
    const run = await runtime.runs.startHere(
      input,
      requestWindow(context.getRemainingTimeInMillis(), env.RUN_SYNC_BUDGET_MS),
    );
    if (run.status === 'running' || run.status === 'pending') {
      return accepted({ run_id: run.runId, status: run.status });
    }
    return ok({ ...runView(run), run_id: run.runId });
  },
  {
    auth: 'public',
    maxBodyBytes: env.WEBHOOK_MAX_BODY_BYTES,
    schema: { path: WebhookTokenPath, query: WebhookQuery },
  },
);
