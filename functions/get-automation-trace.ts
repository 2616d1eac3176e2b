import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';
import { TracePath } from '../shared/traces/trace-body';
import { traceService } from '../shared/traces/trace-runtime';

export const handler = http(
  async ({ path, identity }) => ok(await traceService().get(identity.userId, path.trace_id)),
  { schema: { path: TracePath } },
);
