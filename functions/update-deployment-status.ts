import { StatusQuery, TracePath } from '../shared/deployment/deployment-schemas';
import { deploymentRuntime } from '../shared/deployment/deployment-runtime';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

/**
 * `PATCH /automation/deployment-status/{trace_id}?status=draft|deployed|paused|failed`
 * (seed 004): pauses, resumes or removes the trace's schedule, or marks it failed.
 */
export const handler = http(
  async ({ path, query, identity, log }) => {
    const change = await deploymentRuntime().deployments.setStatus(identity, path.trace_id, query.status);
    log.info('deployment status changed', { traceId: path.trace_id, ...change });
    return ok({ success: true, message: `Deployment status updated to '${query.status}'` });
  },
  { schema: { path: TracePath, query: StatusQuery } },
);
