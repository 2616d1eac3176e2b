import * as z from 'zod';
import { engineRuntime } from '../shared/engine/runtime';
import { NotFoundError } from '../shared/errors';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';
import { runView } from '../shared/runs/run-views';

const Path = z.object({ id: z.string().min(1).max(256) });

/** One run with every step's result, attempts, timing and (redacted, capped) output. */
export const handler = http(
  async ({ path, identity }) => {
    const run = await engineRuntime().runRepository.get(identity.userId, path.id);
    if (!run) throw new NotFoundError('Execution log not found', 'execution_log_not_found');
    return ok(runView(run));
  },
  { schema: { path: Path } },
);
