import { http } from '../shared/http/http';
import { noContent } from '../shared/http/response';
import { TracePath } from '../shared/traces/trace-body';
import { traceService } from '../shared/traces/trace-runtime';

/** Deletes the trace and, first, its schedule if it has one; the deletion is audited. */
export const handler = http(
  async ({ path, identity, log }) => {
    const { scheduleRemoved } = await traceService().delete(identity, path.trace_id);
    log.info('trace deleted', { traceId: path.trace_id, scheduleRemoved });
    return noContent();
  },
  { schema: { path: TracePath } },
);
