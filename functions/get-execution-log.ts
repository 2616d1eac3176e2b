import { engineRuntime } from '../shared/engine/runtime';
import { NotFoundError } from '../shared/errors';
import { http } from '../shared/http/http';
import { pathIdSchema } from '../shared/http/path-id';
import { ok } from '../shared/http/response';
import { runView } from '../shared/runs/run-views';
import { timeOfSortableId } from '../shared/runs/sortable-id';

const logNotFound = () => new NotFoundError('Execution log not found', 'execution_log_not_found');
const Path = pathIdSchema('id', {
  wellFormed: (id) => timeOfSortableId('run', id) !== undefined,
  notFound: logNotFound,
});

/** One run with every step's result, attempts, timing and (redacted, capped) output. */
export const handler = http(
  async ({ path, identity }) => {
    const run = await engineRuntime().runRepository.get(identity.userId, path.id);
    if (!run) throw logNotFound();
    return ok(runView(run));
  },
  { schema: { path: Path } },
);
