import * as z from 'zod';
import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';
import { PageQuery } from '../shared/plans/pagination';
import { runSummaryView } from '../shared/runs/run-views';

const Query = PageQuery.extend({
  plan_id: z.string().min(1).max(256).optional(),
  trace_id: z.string().min(1).max(256).optional(),
  status: z.enum(['pending', 'running', 'success', 'failed']).optional(),
}).refine((q) => !(q.plan_id && q.trace_id), {
  message: 'Filter by plan_id or by trace_id, not both',
  path: ['trace_id'],
});

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
  { schema: { query: Query } },
);
