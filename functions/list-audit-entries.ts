import { auditLog, auditView } from '../shared/audit/audit-log';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';
import { PageQuery } from '../shared/plans/pagination';

/** The caller's own audit trail, newest first. */
export const handler = http(
  async ({ query, identity }) => {
    const page = await auditLog().list(identity.userId, query.limit, query.cursor);
    return ok({ entries: page.items.map(auditView), next_cursor: page.nextCursor });
  },
  { schema: { query: PageQuery } },
);
