import { CheckFailure, expectStatus, expectThat, objectOf, stringField, type SmokeResponse } from '../checks';
import type { Section, SmokeContext } from '../smoke-context';
import { signWebhookBody } from '../webhook-signature';

/** How long a queued webhook run may take to end (in AWS it goes through an asynchronous invocation). */
const RUN_DEADLINE_MS = 60_000;
const POLL_MS = 250;
const STEP_ID = 'shape';

/** A run as the API shows it, ended with `success`, its one step's output naming the run. */
function expectSucceeded(res: SmokeResponse, trigger: string): void {
  const run = objectOf(res);
  expectThat(run.status === 'success', `run status is ${String(run.status)}`, res);
  expectThat(run.trigger === trigger, `run trigger is ${String(run.trigger)}`, res);
  const step = (run.steps as { id?: string; output?: { run?: unknown } }[] | undefined)?.[0];
  expectThat(
    step?.id === STEP_ID && step.output?.run === run.id,
    'the step output does not name the run',
    res,
  );
}

/**
 * A plan with one data.transform step (no outbound call, so it runs in AWS, where loopback
 * and private addresses are denied), run now, then started by its webhook: unsigned, and
 * signed the way the README tells callers to, waited for and queued.
 */
export function plansAndWebhooksSection(ctx: SmokeContext): Section {
  let planId = '';
  let webhook = { url: '', secret: '' };

  const pollRun = async (runId: string): Promise<SmokeResponse> => {
    const deadline = Date.now() + RUN_DEADLINE_MS;
    for (;;) {
      const res = await ctx.api('GET', `/api/execution-logs/${runId}`);
      expectStatus(res, 200);
      const status = objectOf(res).status;
      if (status === 'success' || status === 'failed') return res;
      if (Date.now() > deadline)
        throw new CheckFailure(`run ${runId} still ${String(status)} after ${RUN_DEADLINE_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  const createWebhook = async (requireSignature: boolean) => {
    const res = await ctx.api('POST', `/api/execution-plans/${planId}/webhook`, {
      body: { require_signature: requireSignature },
    });
    expectStatus(res, 201);
    const body = objectOf(res);
    ctx.redactor.add(stringField(res, 'token'));
    const secret = body.secret;
    ctx.redactor.add(typeof secret === 'string' ? secret : null);
    if (requireSignature)
      expectThat(typeof secret === 'string' && secret.startsWith('whsec_'), 'no secret', res);
    else expectThat(secret === null, 'an unsigned webhook came with a secret', res);
    const url = stringField(res, 'url');
    expectThat(url.startsWith('/api/webhook/'), 'unexpected webhook url', res);
    webhook = { url, secret: typeof secret === 'string' ? secret : '' };
  };

  /** Calls the current webhook; `signed` signs the exact bytes sent with its secret. */
  const callWebhook = (query: string, signed: boolean) => {
    const raw = JSON.stringify({ smoke: ctx.prefix, at: new Date().toISOString() });
    const signature: Record<string, string> = signed
      ? { 'X-Flowgate-Signature': signWebhookBody(webhook.secret, raw) }
      : {};
    return ctx.http.call('POST', `${webhook.url}${query}`, {
      key: null,
      raw,
      headers: { 'Content-Type': 'application/json', ...signature },
    });
  };

  return {
    steps: [
      {
        name: 'plan.create',
        run: async () => {
          const res = await ctx.api('POST', '/api/execution-plans', {
            body: {
              name: `${ctx.prefix}-plan`,
              description: 'Created by npm run smoke; deleted at its end',
              steps: [
                {
                  id: STEP_ID,
                  provider: 'data',
                  action: 'transform',
                  params: { value: { smoke: ctx.prefix, run: '{{run.id}}' } },
                },
              ],
            },
          });
          expectStatus(res, 201);
          planId = stringField(res, 'id');
          ctx.cleanup.add('plan', async () => {
            expectStatus(await ctx.api('DELETE', `/api/execution-plans/${planId}`), 204);
            // Deleting a plan removes its webhook too.
            if (webhook.url) expectStatus(await callWebhook('', webhook.secret !== ''), 404);
          });
        },
      },
      {
        name: 'plan.run-now',
        run: async () => {
          const res = await ctx.api('POST', '/api/execute-plan', { body: { plan_id: planId } });
          expectStatus(res, 200);
          expectSucceeded(res, 'manual');
          const log = await ctx.api('GET', `/api/execution-logs/${stringField(res, 'log_id')}`);
          expectStatus(log, 200);
          expectSucceeded(log, 'manual');
        },
      },
      { name: 'webhook.unsigned.create', run: () => createWebhook(false) },
      {
        name: 'webhook.unsigned.wait',
        run: async () => {
          const res = await callWebhook('?wait=true', false);
          expectStatus(res, 200);
          expectSucceeded(res, 'webhook');
        },
      },
      { name: 'webhook.signed.create', run: () => createWebhook(true) },
      {
        name: 'webhook.signed.refuses-unsigned',
        run: async () => expectStatus(await callWebhook('?wait=true', false), 401),
      },
      {
        name: 'webhook.signed.wait',
        run: async () => {
          const res = await callWebhook('?wait=true', true);
          expectStatus(res, 200);
          expectSucceeded(res, 'webhook');
        },
      },
      {
        name: 'webhook.signed.queued',
        run: async () => {
          const res = await callWebhook('', true);
          expectStatus(res, 202);
          expectSucceeded(await pollRun(stringField(res, 'run_id')), 'webhook');
        },
      },
    ],
  };
}
