import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';
import { ExecutionLogQuery } from '../shared/runs/run-request-schemas';
import { runSummaryView } from '../shared/runs/run-views';

/** The caller's runs, newest first; filter by plan or trace, and status. Expired runs are never shown. */
export const handler = http(
  async ({ query, identity }) => {
    const page = await engineRuntime().runRepository.list(identity.userId, {
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ...(query.plan_id ? { planId: query.plan_id } : {}),
      ...(query.trace_id ? { traceId: query.trace_id } : {}),
      ...(query.status ? { status: query.status } : {}),
    });
    return ok({ logs: page.items.map(runSummaryView), next_cursor: page.nextCursor });
  },
  { schema: { query: ExecutionLogQuery } },
);
