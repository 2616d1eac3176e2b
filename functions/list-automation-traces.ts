import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';
import { PageQuery } from '../shared/plans/pagination';
import { traceService } from '../shared/traces/trace-runtime';

/** The caller's traces, newest first, with their deployment fields and last run, a page at a time. */
export const handler = http(
  async ({ query, identity }) => {
    const page = await traceService().list(identity.userId, query.limit, query.cursor);
    return ok({ traces: page.items, next_cursor: page.nextCursor });
  },
  { schema: { query: PageQuery } },
);
