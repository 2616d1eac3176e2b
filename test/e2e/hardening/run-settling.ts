import type { RepositoryDeps } from '../../../shared/clients/dynamodb';
import { RunRepository } from '../../../shared/runs/run-repository';
import type { RunRecord } from '../../../shared/runs/run-types';

const terminal = (run: RunRecord) => run.status === 'success' || run.status === 'failed';

/**
 * Every run of one plan, read straight from the table, once all of them have ended or the
 * deadline (epoch ms) has passed, whichever is first. The caller asserts on what it gets.
 */
export async function settledRuns(options: {
  deps: RepositoryDeps;
  userId: string;
  planId: string;
  deadline: number;
}): Promise<Map<string, RunRecord>> {
  const repo = new RunRepository(options.deps, 30);
  for (;;) {
    const runs = new Map<string, RunRecord>();
    let cursor: string | undefined;
    do {
      const page = await repo.list(options.userId, {
        planId: options.planId,
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      for (const run of page.items) runs.set(run.runId, run);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    if ([...runs.values()].every(terminal) || Date.now() > options.deadline) return runs;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The accepted runs that did not end in time: each must end within `withinMs` of being accepted. */
export function lateOrMissing(
  accepted: Map<string, number>,
  runs: Map<string, RunRecord>,
  withinMs: number,
): string[] {
  const problems: string[] = [];
  for (const [runId, acceptedAt] of accepted) {
    const run = runs.get(runId);
    if (!run) problems.push(`${runId}: lost`);
    else if (!terminal(run) || !run.completedAt) problems.push(`${runId}: still ${run.status}`);
    else if (Date.parse(run.completedAt) > acceptedAt + withinMs)
      problems.push(`${runId}: ended ${Date.parse(run.completedAt) - acceptedAt} ms after it was accepted`);
  }
  return problems;
}
