import { env } from '../shared/config/env';
import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { accepted, ok } from '../shared/http/response';
import { validatePlanSteps } from '../shared/plans/plan-validation';
import { runView } from '../shared/runs/run-views';
import { ExecutePlanBody } from '../shared/runs/run-request-schemas';
import { requestWindow } from '../shared/runs/run-window';

/**
 * Run now: a saved plan or inline steps. The run executes in this request for up to
 * RUN_SYNC_BUDGET_MS; a run that finishes returns 200 with its log, a longer one 202 with
 * its id while the execution function finishes it.
 */
export const handler = http(
  async ({ body, identity, context, log }) => {
    const runtime = engineRuntime();
    let steps = body.steps;
    let planId: string | undefined;
    if (body.plan_id !== undefined) {
      const plan = await runtime.plans.get(identity.userId, body.plan_id);
      steps = plan.steps;
      planId = plan.planId;
    } else {
      await validatePlanSteps(steps ?? [], identity.userId, runtime.catalog);
    }
    const run = await runtime.runs.startHere(
      {
        userId: identity.userId,
        ...(planId ? { planId } : {}),
        steps: steps ?? [],
        trigger: { type: 'manual' },
      },
      requestWindow(context.getRemainingTimeInMillis(), env.RUN_SYNC_BUDGET_MS),
    );
    log.info('run started', { runId: run.runId, status: run.status });
    if (run.status === 'running' || run.status === 'pending') {
      return accepted({ run_id: run.runId, log_id: run.runId, status: run.status });
    }
    return ok({ ...runView(run), run_id: run.runId, log_id: run.runId });
  },
  { schema: { body: ExecutePlanBody } },
);
