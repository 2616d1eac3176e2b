/**
 * `GET /api/scheduler/jobs`: the caller's schedules as the scheduler has them (state,
 * expression, timezone, next run), each with the last run of its plan or trace.
 */
import type { RunRepository } from '../runs/run-repository';
import {
  toJobJson,
  type ScheduledAutomation,
  type SchedulingService,
} from '../scheduling/scheduling-service';
import { lastRunView } from '../traces/trace-views';

export interface SchedulerJobsDeps {
  scheduling: SchedulingService;
  runs: Pick<RunRepository, 'list'>;
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
    // The same last-run JSON as the trace routes show.
    return lastRunView(page.items[0]);
  }
}
