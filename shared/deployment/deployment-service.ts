/**
 * Deploying automation traces (seed 004): `POST /automation/deploy` and
 * `PATCH /automation/deployment-status/{trace_id}`. Every scheduler change goes through
 * the one SchedulingService with the trace write as its `persist` step, so the order is
 * always: the caller's trace is read (404 before the scheduler is touched), the schedule
 * changes (a scheduler failure is a 502 with the trace unchanged), then the trace is
 * written (if that fails, the scheduling service undoes the schedule change).
 */
import { userActor, type AuditLog } from '../audit/audit-log';
import { ConflictError } from '../errors';
import type { Identity } from '../http/request';
import type { AutomationSchedule } from '../scheduling/automation-schedule';
import type { AutomationRef } from '../scheduling/schedule-names';
import { specFromBody } from '../scheduling/schedule-spec';
import { ScheduleNotFoundError, type ScheduleState } from '../scheduling/scheduler-port';
import type { SchedulingService } from '../scheduling/scheduling-service';
import type { TraceChange, TraceRepository } from '../traces/trace-repository';
import type { DeploymentStatus, TraceRecord } from '../traces/trace-types';
import { automationScheduleOf, specBodyOf } from './automation-schedule-record';
import type { DeployBody } from './deployment-schemas';

export interface DeploymentServiceDeps {
  scheduling: SchedulingService;
  traces: TraceRepository;
  audit: Pick<AuditLog, 'record'>;
  clock?: () => Date;
}

export interface StatusChange {
  from: DeploymentStatus;
  to: DeploymentStatus;
}

const notDeployed = () =>
  new ConflictError(
    'The automation has no schedule yet: deploy it first with POST /automation/deploy',
    'not_deployed',
  );

const traceRef = (trace: TraceRecord): AutomationRef => ({
  kind: 'trace',
  automationId: trace.traceId,
  userId: trace.userId,
});

const withState = (schedule: AutomationSchedule, state: ScheduleState): AutomationSchedule => ({
  ...schedule,
  state,
});

export class DeploymentService {
  private readonly clock: () => Date;

  constructor(private readonly deps: DeploymentServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** Creates the trace's schedule, or replaces it on a redeploy; the trace becomes `deployed`. */
  async deploy(identity: Identity, body: DeployBody): Promise<void> {
    const { scheduling, traces } = this.deps;
    const trace = await traces.require(identity.userId, body.trace_id);
    const now = this.clock();
    const scheduled = await scheduling.schedule(
      { ...traceRef(trace), spec: specFromBody(body), description: body.name ?? trace.name },
      async (result) => {
        await traces.update(
          trace.userId,
          trace.traceId,
          {
            ...(body.name === undefined ? {} : { name: body.name }),
            deploymentStatus: 'deployed',
            schedule: automationScheduleOf(body, result, now),
            deployedAt: now.toISOString(),
          },
          { now },
        );
      },
    );
    await this.deps.audit.record({
      userId: identity.userId,
      actor: userActor(identity),
      action: 'automation.deploy',
      target: { type: 'trace', id: trace.traceId },
      details: {
        expression: scheduled.expression,
        timezone: scheduled.timezone,
        schedule_type: body.schedule_type,
      },
    });
  }

  /**
   * `paused` disables the schedule, `deployed` enables it, `draft` deletes it, `failed`
   * disables it and marks the trace failed. Pausing or resuming a trace that was never
   * deployed is a 409: there is nothing to pause or resume.
   */
  async setStatus(identity: Identity, traceId: string, status: DeploymentStatus): Promise<StatusChange> {
    const trace = await this.deps.traces.require(identity.userId, traceId);
    switch (status) {
      case 'deployed':
        await this.resume(trace);
        break;
      case 'paused':
      case 'failed':
        if (status === 'paused' && !trace.schedule) throw notDeployed();
        await this.deps.scheduling.pause(traceRef(trace), () =>
          this.write(trace, {
            deploymentStatus: status,
            ...(trace.schedule ? { schedule: withState(trace.schedule, 'DISABLED') } : {}),
          }),
        );
        break;
      case 'draft':
        await this.deps.scheduling.unschedule(traceRef(trace), () =>
          this.write(trace, { deploymentStatus: 'draft', schedule: null, deployedAt: null }),
        );
        break;
    }
    const change = { from: trace.deploymentStatus, to: status };
    await this.deps.audit.record({
      userId: identity.userId,
      actor: userActor(identity),
      action: 'automation.status_change',
      target: { type: 'trace', id: trace.traceId },
      details: { ...change },
    });
    return change;
  }

  /**
   * Enables the schedule again. If the table has a schedule the scheduler lost (drift),
   * it is created again from the stored request rather than failing the resume.
   */
  private async resume(trace: TraceRecord): Promise<void> {
    const schedule = trace.schedule;
    if (!schedule) throw notDeployed();
    const persist = () =>
      this.write(trace, { deploymentStatus: 'deployed', schedule: withState(schedule, 'ENABLED') });
    try {
      await this.deps.scheduling.resume(traceRef(trace), persist);
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
      const body = specBodyOf(schedule);
      const now = this.clock();
      await this.deps.scheduling.schedule(
        { ...traceRef(trace), spec: specFromBody(body), description: trace.name },
        (result) =>
          this.write(trace, {
            deploymentStatus: 'deployed',
            schedule: automationScheduleOf(body, result, now),
          }),
      );
    }
  }

  private async write(trace: TraceRecord, change: TraceChange): Promise<void> {
    await this.deps.traces.update(trace.userId, trace.traceId, change, { now: this.clock() });
  }
}
