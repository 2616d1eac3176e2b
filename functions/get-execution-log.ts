import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';
import { ExecutionLogPath, executionLogNotFound } from '../shared/runs/run-request-schemas';
import { runView } from '../shared/runs/run-views';

/** One run with every step's result, attempts, timing and (redacted, capped) output. */
export const handler = http(
  async ({ path, identity }) => {
    const run = await engineRuntime().runRepository.get(identity.userId, path.id);
    if (!run) throw executionLogNotFound();
    return ok(runView(run));
  },
  { schema: { path: ExecutionLogPath } },
);
