import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';
import { PageQuery } from '../shared/plans/pagination';
import { planView } from '../shared/plans/plan-service';

/** The caller's plans, oldest first, a page at a time. */
export const handler = http(
  async ({ query, identity }) => {
    const page = await engineRuntime().plans.list(identity.userId, query.limit, query.cursor);
    return ok({ plans: page.items.map(planView), next_cursor: page.nextCursor });
  },
  { schema: { query: PageQuery } },
);
