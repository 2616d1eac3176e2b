import type { AuditLog } from '../audit/audit-log';
import { userActor } from '../audit/audit-log';
import type { InvocationWindow } from '../engine/run-engine';
import type { Identity } from '../http/request';
import type { Logger } from '../logger';
import type { Page } from '../plans/plan-repository';
import { validatePlanSteps, type ProviderCatalog } from '../plans/plan-validation';
import type { RunRepository } from '../runs/run-repository';
import type { NewRun } from '../runs/run-service';
import type { RunRecord } from '../runs/run-types';
import type { SchedulingService } from '../scheduling/scheduling-service';
import { DEFAULT_DRAFT_MODEL, type CreateTraceInput } from './trace-body';
import type { TraceDrafter } from './trace-drafter';
import type { TraceRepository } from './trace-repository';
import type { NewTrace, TraceRecord } from './trace-types';
import { traceView, type TraceView } from './trace-views';

export interface TraceServiceDeps {
  traces: TraceRepository;
  runs: RunRepository;
  /** "Run now" for dry runs: the same engine and semantics as POST /api/execute-plan. */
  startRun(input: NewRun, window: InvocationWindow): Promise<RunRecord>;
  catalog: ProviderCatalog;
  drafter: TraceDrafter;
  /** Built on first use: only the delete route holds the scheduler's configuration. */
  scheduling: () => SchedulingService;
  audit: () => AuditLog;
  clock?: () => Date;
}

export interface CreatedTrace {
  trace: TraceRecord;
  /** The dry run, when one was asked for. */
  dryRun?: RunRecord;
}

export interface CreateOptions {
  log: Logger;
  /** Computed when the dry run starts, after drafting took its share of the request's time. */
  runWindow: () => InvocationWindow;
}

/** Automation traces: drafted or given, saved as drafts, listed with their deployment, deleted with their schedule. */
export class TraceService {
  private readonly clock: () => Date;

  constructor(private readonly deps: TraceServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  async create(identity: Identity, input: CreateTraceInput, options: CreateOptions): Promise<CreatedTrace> {
    const { userId } = identity;
    let fields: NewTrace;
    if (input.steps !== undefined) {
      await validatePlanSteps(input.steps, userId, this.deps.catalog);
      fields = {
        name: input.name ?? '',
        ...(input.description === undefined ? {} : { description: input.description }),
        steps: input.steps,
      };
    } else {
      const model = input.model ?? DEFAULT_DRAFT_MODEL;
      const { draft, routedModel, repaired } = await this.deps.drafter.draft({
        identity,
        message: input.message ?? '',
        model,
        log: options.log,
      });
      options.log.info('trace drafted', { routedModel, repaired, steps: draft.steps.length });
      const description = input.description ?? draft.description;
      fields = {
        name: input.name ?? draft.name,
        ...(description === undefined ? {} : { description }),
        request: input.message ?? '',
        model,
        steps: draft.steps,
      };
    }
    const trace = await this.deps.traces.create(userId, fields, this.clock());
    if (!input.dry_run) return { trace };
    const dryRun = await this.deps.startRun(
      { userId, traceId: trace.traceId, steps: trace.steps, trigger: { type: 'manual' } },
      options.runWindow(),
    );
    const linked = await this.deps.traces.update(userId, trace.traceId, { dryRunId: dryRun.runId });
    return { trace: linked ?? trace, dryRun };
  }

  async get(userId: string, traceId: string): Promise<TraceView> {
    const trace = await this.deps.traces.require(userId, traceId);
    return traceView(trace, await this.lastRun(userId, traceId), this.clock());
  }

  /** Newest first, each with its last run (one small indexed query per trace, in parallel). */
  async list(userId: string, limit: number, cursor?: string): Promise<Page<TraceView>> {
    const page = await this.deps.traces.list(userId, limit, cursor);
    const now = this.clock();
    const items = await Promise.all(
      page.items.map(async (trace) => traceView(trace, await this.lastRun(userId, trace.traceId), now)),
    );
    return { items, nextCursor: page.nextCursor };
  }

  /**
   * Removes the trace and its schedule through the one scheduling service: the schedule
   * goes first, and comes back if the table delete then fails, so a schedule never runs
   * for a trace that is gone. The scheduler is asked even when the table records no
   * schedule, so one left behind by an interrupted deploy goes too.
   */
  async delete(identity: Identity, traceId: string): Promise<{ scheduleRemoved: boolean }> {
    const { userId } = identity;
    // Unknown (or another user's) trace: 404 before the scheduler is touched.
    await this.deps.traces.require(userId, traceId);
    let deleted: TraceRecord | undefined;
    const scheduleRemoved = await this.deps
      .scheduling()
      .unschedule({ kind: 'trace', automationId: traceId, userId }, async () => {
        deleted = await this.deps.traces.delete(userId, traceId);
      });
    await this.deps.audit().record({
      userId,
      actor: userActor(identity),
      action: 'automation.delete',
      target: { type: 'trace', id: traceId },
      details: {
        name: deleted?.name ?? null,
        deployment_status: deleted?.deploymentStatus ?? null,
        schedule_removed: scheduleRemoved,
      },
    });
    return { scheduleRemoved };
  }

  private async lastRun(userId: string, traceId: string): Promise<RunRecord | undefined> {
    const page = await this.deps.runs.list(userId, { traceId, limit: 1 });
    return page.items[0];
  }
}
