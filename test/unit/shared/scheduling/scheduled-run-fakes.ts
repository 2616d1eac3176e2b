import type { AuditInput } from '../../../../shared/audit/audit-log';
import { NotFoundError } from '../../../../shared/errors';
import type { PlanRecord } from '../../../../shared/plans/plan-repository';
import type { ListRunsQuery } from '../../../../shared/runs/run-repository';
import type { RunRecord, RunStatus, TriggerType } from '../../../../shared/runs/run-types';
import type { AutomationSchedule } from '../../../../shared/scheduling/automation-schedule';
import type { AutomationRef } from '../../../../shared/scheduling/schedule-names';
import type { AutomationStores } from '../../../../shared/scheduling/scheduled-run-target';
import type { TraceChange } from '../../../../shared/traces/trace-repository';
import type { DeploymentStatus, TraceRecord } from '../../../../shared/traces/trace-types';

export const USER = 'user-1';
export const STEPS = [{ id: 'a', provider: 'http', action: 'request', params: {} }];
export const T0 = '2026-03-01T00:00:00.000Z';

export function schedule(state: 'ENABLED' | 'DISABLED' = 'ENABLED'): AutomationSchedule {
  return {
    scheduleName: 'n',
    type: 'daily',
    time: '09:00',
    config: {},
    expression: 'cron(0 9 * * ? *)',
    timezone: 'UTC',
    state,
    scheduledAt: T0,
  };
}

export function trace(traceId: string, status: DeploymentStatus = 'deployed'): TraceRecord {
  return {
    traceId,
    userId: USER,
    name: traceId,
    steps: STEPS,
    deploymentStatus: status,
    schedule: schedule(status === 'deployed' ? 'ENABLED' : 'DISABLED'),
    createdAt: T0,
    updatedAt: T0,
  };
}

export function plan(planId: string, state?: 'ENABLED' | 'DISABLED'): PlanRecord {
  return {
    planId,
    userId: USER,
    name: planId,
    steps: STEPS,
    createdAt: T0,
    updatedAt: T0,
    ...(state ? { schedule: schedule(state) } : {}),
  };
}

/** In-memory traces and plans with the repositories' contracts (ifStatus, NotFoundError). */
export class MemoryStores implements AutomationStores {
  readonly traceMap = new Map<string, TraceRecord>();
  readonly planMap = new Map<string, PlanRecord>();
  /** Runs before the next write, e.g. a concurrent change. */
  beforeWrite?: () => void;

  traces: AutomationStores['traces'] = {
    get: async (userId, id) => {
      const t = this.traceMap.get(id);
      return t && t.userId === userId ? structuredClone(t) : undefined;
    },
    update: async (
      userId: string,
      id: string,
      change: TraceChange,
      options: { ifStatus?: readonly DeploymentStatus[]; now?: Date } = {},
    ) => {
      this.beforeWrite?.();
      const t = this.traceMap.get(id);
      if (!t || t.userId !== userId) throw new NotFoundError('Automation trace not found', 'trace_not_found');
      if (options.ifStatus && !options.ifStatus.includes(t.deploymentStatus)) return undefined;
      const next: TraceRecord = {
        ...t,
        ...(change.deploymentStatus ? { deploymentStatus: change.deploymentStatus } : {}),
        ...(change.schedule ? { schedule: change.schedule } : {}),
        updatedAt: (options.now ?? new Date()).toISOString(),
      };
      this.traceMap.set(id, next);
      return structuredClone(next);
    },
  };

  plans: AutomationStores['plans'] = {
    get: async (userId, id) => {
      const p = this.planMap.get(id);
      return p && p.userId === userId ? structuredClone(p) : undefined;
    },
    setSchedule: async (userId, id, value, now = new Date()) => {
      this.beforeWrite?.();
      const p = this.planMap.get(id);
      if (!p || p.userId !== userId) throw new NotFoundError('Execution plan not found', 'plan_not_found');
      const { schedule: _old, ...rest } = p;
      const next: PlanRecord = {
        ...rest,
        ...(value ? { schedule: value } : {}),
        updatedAt: now.toISOString(),
      };
      this.planMap.set(id, next);
      return structuredClone(next);
    },
  };
}

let seq = 0;
/** A run of the automation; `minute` orders runs (later minute = newer). */
export function runOf(
  ref: AutomationRef,
  minute: number,
  status: RunStatus,
  trigger: TriggerType = 'schedule',
): RunRecord {
  seq += 1;
  const at = new Date(Date.parse(T0) + minute * 60_000).toISOString();
  return {
    runId: `run_${String(seq).padStart(6, '0')}`,
    userId: ref.userId,
    ...(ref.kind === 'trace' ? { traceId: ref.automationId } : { planId: ref.automationId }),
    status,
    trigger: { type: trigger, ...(trigger === 'schedule' ? { scheduledTime: at } : {}) },
    steps: STEPS,
    results: [],
    createdAt: at,
    deadlineAt: 0,
    invocations: 1,
  };
}

/** RunRepository.list over an array: newest first, pages by index. */
export class MemoryRuns {
  readonly all: RunRecord[] = [];
  readonly queries: ListRunsQuery[] = [];

  async list(userId: string, query: ListRunsQuery) {
    this.queries.push(query);
    const mine = this.all
      .filter(
        (r) =>
          r.userId === userId &&
          (query.traceId === undefined || r.traceId === query.traceId) &&
          (query.planId === undefined || r.planId === query.planId),
      )
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    const start = query.cursor ? Number(query.cursor) : 0;
    const items = mine.slice(start, start + query.limit);
    const next = start + query.limit;
    return { items, nextCursor: next < mine.length ? String(next) : null };
  }
}

export class MemoryAudit {
  readonly entries: AuditInput[] = [];
  async record(input: AuditInput) {
    this.entries.push(input);
  }
}
