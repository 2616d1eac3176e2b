/**
 * `GET /api/scheduler/jobs`: the caller's schedules as the scheduler has them (state,
 * expression, timezone, next run), each with the last run of its plan or trace.
 */
import type { RunRecord } from '../runs/run-types';
import type { RunRepository } from '../runs/run-repository';
import {
  toJobJson,
  type ScheduledAutomation,
  type SchedulingService,
} from '../scheduling/scheduling-service';

export interface SchedulerJobsDeps {
  scheduling: SchedulingService;
  runs: Pick<RunRepository, 'list'>;
}

/** Enough of a run to tell whether the job works; the full log is GET /api/execution-logs/{id}. */
export function lastRunView(run: RunRecord) {
  return {
    id: run.runId,
    status: run.status,
    trigger: run.trigger.type,
    created_at: run.createdAt,
    completed_at: run.completedAt ?? null,
  };
}

export class SchedulerJobs {
  constructor(private readonly deps: SchedulerJobsDeps) {}

  async list(userId: string): Promise<{ total: number; jobs: Record<string, unknown>[] }> {
    const scheduled = await this.deps.scheduling.listForUser(userId);
    const jobs = await Promise.all(
      scheduled.map(async (job) => toJobJson(job, await this.lastRun(userId, job))),
    );
    return { total: jobs.length, jobs };
  }

  private async lastRun(userId: string, job: ScheduledAutomation) {
    const filter = job.kind === 'plan' ? { planId: job.automationId } : { traceId: job.automationId };
    const page = await this.deps.runs.list(userId, { ...filter, limit: 1 });
    const run = page.items[0];
    return run ? lastRunView(run) : null;
  }
}
