import { timeOfSortableId } from './sortable-id';
import type { RunRecord, RunStatus, StepResult } from './run-types';
import type { RunLease } from './run-lease';

/*
 * A run is one item: USER#<uid> / RUN#<iso created>#<runId>, and for plan and trace runs
 * GSI1 USER#<uid>#PLAN#<planId> (or #TRACE#<traceId>) / RUN#<iso created>#<runId> (the user is part of the index key,
 * so even the index is read from the caller's partition). The run id carries its creation
 * time, so GET by id rebuilds the sort key: one GetItem, no pointer item. While it is
 * unfinished it also carries its lease and the lease index keys (./run-lease.ts).
 */
export function runKey(userId: string, runId: string): { PK: string; SK: string } | undefined {
  const ms = timeOfSortableId('run', runId);
  if (ms === undefined) return undefined;
  return { PK: `USER#${userId}`, SK: `RUN#${new Date(ms).toISOString()}#${runId}` };
}

/** The run index partition of one plan's or one trace's runs. */
export function automationIndexKey(
  userId: string,
  of: { planId?: string; traceId?: string },
): string | undefined {
  if (of.planId !== undefined) return `USER#${userId}#PLAN#${of.planId}`;
  if (of.traceId !== undefined) return `USER#${userId}#TRACE#${of.traceId}`;
  return undefined;
}

export const nowSeconds = (now: number) => Math.floor(now / 1000);

export function fromItem(item: Record<string, unknown>): RunRecord {
  return {
    runId: item.runId as string,
    userId: item.userId as string,
    ...(typeof item.planId === 'string' ? { planId: item.planId } : {}),
    ...(typeof item.traceId === 'string' ? { traceId: item.traceId } : {}),
    status: item.status as RunStatus,
    trigger: JSON.parse(item.triggerJson as string) as RunRecord['trigger'],
    steps: JSON.parse(item.stepsJson as string) as RunRecord['steps'],
    results: JSON.parse(item.resultsJson as string) as StepResult[],
    createdAt: item.createdAt as string,
    ...(typeof item.startedAt === 'string' ? { startedAt: item.startedAt } : {}),
    ...(typeof item.completedAt === 'string' ? { completedAt: item.completedAt } : {}),
    ...(typeof item.error === 'string' ? { error: item.error } : {}),
    ...(typeof item.errorCode === 'string' ? { errorCode: item.errorCode } : {}),
    deadlineAt: item.deadlineAt as number,
    invocations: item.invocations as number,
  };
}

/** The lease of an unfinished run item; undefined once it has finished. */
export function leaseOf(item: Record<string, unknown>): RunLease | undefined {
  if (typeof item.leaseUntil !== 'number') return undefined;
  return {
    leaseUntil: item.leaseUntil,
    ...(typeof item.leaseId === 'string' ? { leaseId: item.leaseId } : {}),
    ...(typeof item.handoffToken === 'string' ? { handoffToken: item.handoffToken } : {}),
    recoveries: typeof item.recoveries === 'number' ? item.recoveries : 0,
  };
}
