import { DeployBody } from '../shared/deployment/deployment-schemas';
import { deploymentRuntime } from '../shared/deployment/deployment-runtime';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

/**
 * `POST /automation/deploy` (seed 004): schedules the caller's trace on EventBridge
 * Scheduler (or replaces its schedule), then records it on the trace.
 */
export const handler = http(
  async ({ body, identity, log }) => {
    await deploymentRuntime().deployments.deploy(identity, body);
    log.info('automation deployed', { traceId: body.trace_id, scheduleType: body.schedule_type });
    return ok({ success: true, message: 'Automation deployed successfully', deployment_status: 'deployed' });
  },
  { schema: { body: DeployBody } },
);
