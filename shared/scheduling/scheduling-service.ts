/**
 * The one scheduling service behind `POST /automation/deploy`, the deployment-status
 * route, `POST|DELETE /api/execution-plans/{plan_id}/schedule` and `GET /api/scheduler/jobs`.
 * Traces and plans differ only in `kind`.
 *
 * Every change takes an optional `persist` callback (the caller's table write) and keeps
 * this order: read the schedule as it was; change it on the scheduler (a failure there is
 * a 502 with nothing changed); then persist. If persisting fails, the scheduler change is
 * undone (a schedule created now is deleted, a replaced or paused one is put back), so no
 * schedule is left that the table does not know about. If even the undo fails, it is
 * logged with the schedule name and `npm run admin -- reconcile` repairs it.
 */
import { randomBytes } from 'node:crypto';
import { AppError, UpstreamError } from '../errors';
import { logger as rootLogger, type Logger } from '../logger';
import { scheduleExpression, type ScheduleSpec } from './schedule-spec';
import {
  clientTokenFor,
  definitionFor,
  refFromInput,
  scheduleNameFor,
  userSchedulePrefix,
  type AutomationRef,
} from './schedule-names';
import {
  nextFireTimeOf,
  ScheduleExistsError,
  ScheduleNotFoundError,
  validateScheduleDefinition,
  type ScheduleDefinition,
  type ScheduleInfo,
  type SchedulerPort,
  type ScheduleState,
} from './scheduler-port';
import { nextFireTimes } from './schedule-expression';

export interface ScheduleRequest extends AutomationRef {
  spec: ScheduleSpec;
  /** Shown with the schedule (EventBridge Description), e.g. the automation's name. */
  description?: string;
  /** ENABLED unless the automation is being scheduled in a paused state. */
  state?: ScheduleState;
}

/** A schedule as the API shows it. */
export interface ScheduledAutomation extends AutomationRef {
  scheduleName: string;
  expression: string;
  timezone: string;
  state: ScheduleState;
  /** Next fire time (ISO), or null when paused or finished. */
  nextRun: string | null;
  createdAt: string;
  updatedAt: string;
  description?: string;
}

export type Persist<T> = (result: T) => Promise<void>;

export interface SchedulingServiceDeps {
  port: SchedulerPort;
  clock?: () => Date;
  log?: Logger;
}

/** Scheduler failures reach the caller as themselves when they are about the request, else as 502. */
function schedulerFailure(err: unknown): Error {
  if (err instanceof AppError && (err.statusCode < 500 || err instanceof UpstreamError)) return err;
  return new UpstreamError('The scheduler could not be reached', 'scheduler_unavailable', { cause: err });
}

function definitionOf(info: ScheduleInfo): ScheduleDefinition {
  const { createdAt: _created, updatedAt: _updated, ...def } = info;
  return def;
}

export class SchedulingService {
  private readonly port: SchedulerPort;
  private readonly clock: () => Date;
  private readonly log: Logger;

  constructor(deps: SchedulingServiceDeps) {
    this.port = deps.port;
    this.clock = deps.clock ?? (() => new Date());
    this.log = deps.log ?? rootLogger.child({ component: 'scheduling' });
  }

  scheduleName(ref: AutomationRef): string {
    return scheduleNameFor(ref);
  }

  /** The expression and the next `count` fire times of a spec, without creating anything. */
  preview(spec: ScheduleSpec, count = 5): { expression: string; timezone: string; nextRuns: string[] } {
    const expression = scheduleExpression(spec);
    const nextRuns = nextFireTimes(expression, spec.timezone, this.clock(), count).map((d) =>
      d.toISOString(),
    );
    return { expression, timezone: spec.timezone, nextRuns };
  }

  /**
   * Creates the automation's schedule, or replaces it if it exists (a redeploy). The
   * create carries a ClientToken derived from the definition, so a retried deploy is the
   * same request to EventBridge.
   */
  async schedule(
    request: ScheduleRequest,
    persist?: Persist<ScheduledAutomation>,
  ): Promise<ScheduledAutomation> {
    const def = definitionFor(request, {
      expression: scheduleExpression(request.spec),
      timezone: request.spec.timezone,
      state: request.state ?? 'ENABLED',
      description: request.description,
    });
    validateScheduleDefinition(def);
    return this.changeThenPersist(
      def.name,
      async (before) => {
        if (before) await this.replaceOrCreate(def);
        else await this.createOrReplace(def, clientTokenFor(def));
        let info = await this.port.get(def.name);
        if (!info) {
          // A ClientToken EventBridge remembers from a create whose schedule was deleted since
          // (an undone deploy, retried) answers success without creating; create it for real.
          await this.createOrReplace(def, randomBytes(16).toString('hex'));
          info = await this.port.get(def.name);
        }
        if (!info)
          throw new UpstreamError('The scheduler did not keep the schedule', 'scheduler_unavailable');
        return this.view(request, info);
      },
      persist,
    );
  }

  /** Disables the schedule. A missing one is nothing to pause: undefined, and persist still runs. */
  pause(ref: AutomationRef, persist?: Persist<ScheduledAutomation | undefined>) {
    return this.setState(ref, 'DISABLED', persist);
  }

  /** Enables the schedule again; it fires at its next time after now. Throws ScheduleNotFoundError. */
  async resume(ref: AutomationRef, persist?: Persist<ScheduledAutomation | undefined>) {
    const view = await this.setState(ref, 'ENABLED', persist);
    return view as ScheduledAutomation;
  }

  /** Deletes the schedule; true if there was one. Persist runs either way. */
  unschedule(ref: AutomationRef, persist?: Persist<boolean>): Promise<boolean> {
    const name = scheduleNameFor(ref);
    return this.changeThenPersist(
      name,
      async (before) => {
        if (!before) return false;
        try {
          await this.port.delete(name);
        } catch (err) {
          if (!(err instanceof ScheduleNotFoundError)) throw err;
        }
        return true;
      },
      persist,
    );
  }

  async describe(ref: AutomationRef): Promise<ScheduledAutomation | undefined> {
    const info = await this.call(() => this.port.get(scheduleNameFor(ref)));
    return info ? this.view(ref, info) : undefined;
  }

  /**
   * The user's schedules, by name. The name prefix only narrows the listing; a schedule
   * counts as the user's when its input names them.
   */
  async listForUser(userId: string): Promise<ScheduledAutomation[]> {
    const infos = await this.call(() => this.port.list({ namePrefix: userSchedulePrefix(userId) }));
    const views: ScheduledAutomation[] = [];
    for (const info of infos) {
      const ref = refFromInput(info.input);
      if (ref?.userId === userId) views.push(this.view(ref, info));
    }
    return views;
  }

  private async setState(
    ref: AutomationRef,
    state: ScheduleState,
    persist?: Persist<ScheduledAutomation | undefined>,
  ): Promise<ScheduledAutomation | undefined> {
    const name = scheduleNameFor(ref);
    return this.changeThenPersist(
      name,
      async (before) => {
        if (!before) {
          if (state === 'ENABLED') throw new ScheduleNotFoundError(name);
          return undefined;
        }
        await this.port.setState(name, state);
        const info = await this.port.get(name);
        return info ? this.view(ref, info) : undefined;
      },
      persist,
    );
  }

  private async createOrReplace(def: ScheduleDefinition, clientToken: string): Promise<void> {
    try {
      await this.port.create(def, { clientToken });
    } catch (err) {
      // Created meanwhile (a concurrent deploy of the same automation): last writer wins.
      if (!(err instanceof ScheduleExistsError)) throw err;
      await this.port.update(def);
    }
  }

  private async replaceOrCreate(def: ScheduleDefinition): Promise<void> {
    try {
      await this.port.update(def);
    } catch (err) {
      // Deleted meanwhile (a concurrent undeploy): the redeploy creates it again.
      if (!(err instanceof ScheduleNotFoundError)) throw err;
      await this.createOrReplace(def, clientTokenFor(def));
    }
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw schedulerFailure(err);
    }
  }

  private async changeThenPersist<T>(
    name: string,
    change: (before: ScheduleInfo | undefined) => Promise<T>,
    persist: Persist<T> | undefined,
  ): Promise<T> {
    const before = await this.call(() => this.port.get(name));
    const result = await this.call(() => change(before));
    if (!persist) return result;
    try {
      await persist(result);
    } catch (err) {
      await this.undo(name, before);
      throw err;
    }
    return result;
  }

  /** Puts the schedule back as it was before the change: absent, or its old definition. */
  private async undo(name: string, before: ScheduleInfo | undefined): Promise<void> {
    try {
      if (!before) {
        await this.port.delete(name).catch((err: unknown) => {
          if (!(err instanceof ScheduleNotFoundError)) throw err;
        });
      } else {
        const def = definitionOf(before);
        await this.port.update(def).catch(async (err: unknown) => {
          if (!(err instanceof ScheduleNotFoundError)) throw err;
          await this.port.create(def);
        });
      }
      this.log.warn('schedule change undone after the table write failed', { scheduleName: name });
    } catch (err) {
      this.log.error('could not undo a schedule change; run `npm run admin -- reconcile`', {
        scheduleName: name,
        error: err as Error,
      });
    }
  }

  private view(ref: AutomationRef, info: ScheduleInfo): ScheduledAutomation {
    const next = nextFireTimeOf(info, this.clock());
    const view: ScheduledAutomation = {
      kind: ref.kind,
      automationId: ref.automationId,
      userId: ref.userId,
      scheduleName: info.name,
      expression: info.expression,
      timezone: info.timezone,
      state: info.state,
      nextRun: next ? next.toISOString() : null,
      createdAt: info.createdAt,
      updatedAt: info.updatedAt,
    };
    if (info.description !== undefined) view.description = info.description;
    return view;
  }
}

/** One job of `GET /api/scheduler/jobs`; `lastRun` comes from the caller's run records. */
export function toJobJson(job: ScheduledAutomation, lastRun: unknown = null): Record<string, unknown> {
  return {
    schedule_name: job.scheduleName,
    kind: job.kind,
    [job.kind === 'plan' ? 'plan_id' : 'trace_id']: job.automationId,
    name: job.description ?? null,
    state: job.state,
    expression: job.expression,
    timezone: job.timezone,
    next_run: job.nextRun,
    last_run: lastRun,
    created_at: job.createdAt,
    updated_at: job.updatedAt,
  };
}
