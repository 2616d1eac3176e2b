import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../clients/dynamodb';
import { isConditionalFailure } from '../db/conditions';
import { decodeCursor, encodeCursor } from '../plans/page-cursor';
import type { Page } from '../plans/plan-repository';
import { timeOfSortableId } from './sortable-id';
import type { RunRecord, RunStatus, StepResult } from './run-types';

/*
 * A run is one item: USER#<uid> / RUN#<iso created>#<runId>, and for plan and trace runs
 * GSI1 USER#<uid>#PLAN#<planId> (or #TRACE#<traceId>) / RUN#<iso created>#<runId> (the user is part of the index key,
 * so even the index is read from the caller's partition). The run id carries its creation
 * time, so GET by id rebuilds the sort key: one GetItem, no pointer item.
 *
 * Ownership while running: whoever executes the run holds `leaseId`; every progress write
 * is conditional on it. A hand-off swaps the lease for a one-time `handoffToken` that the
 * next invocation must present to claim the run, so a duplicated async delivery finds the
 * token gone and does nothing: no step runs twice.
 */
export function runKey(userId: string, runId: string): { PK: string; SK: string } | undefined {
  const ms = timeOfSortableId('run', runId);
  if (ms === undefined) return undefined;
  return { PK: `USER#${userId}`, SK: `RUN#${new Date(ms).toISOString()}#${runId}` };
}

/** The run index partition of one plan's or one trace's runs. */
function automationIndexKey(userId: string, of: { planId?: string; traceId?: string }): string | undefined {
  if (of.planId !== undefined) return `USER#${userId}#PLAN#${of.planId}`;
  if (of.traceId !== undefined) return `USER#${userId}#TRACE#${of.traceId}`;
  return undefined;
}
const nowSeconds = (now: number) => Math.floor(now / 1000);

/** Who may write a new run: the invocation holding the lease, or whoever presents the hand-off token. */
export interface RunOwnership {
  leaseId?: string;
  handoffToken?: string;
}

/**
 * A scheduled delivery's identity: EventBridge may deliver one fire time more than once,
 * always with the same schedule name and scheduled time (the execution id differs).
 */
export interface RunIdempotencyKey {
  scheduleName: string;
  scheduledTime: string;
  /** When the key may be forgotten (epoch seconds, the table's TTL): after any redelivery. */
  expiresAt: number;
}

const MAX_CONFLICT_ATTEMPTS = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isTransactionConflict(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'TransactionConflictException') return true;
  if (err.name !== 'TransactionCanceledException') return false;
  const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return (
    reasons.some((r) => r.Code === 'TransactionConflict') &&
    !reasons.some((r) => r.Code === 'ConditionalCheckFailed')
  );
}

/** RUNKEY#<schedule name>#<scheduled time> / RUNKEY: the blueprint's run idempotency item. */
export function idempotencyKeyOf(scheduleName: string, scheduledTime: string): { PK: string; SK: string } {
  return { PK: `RUNKEY#${scheduleName}#${scheduledTime}`, SK: 'RUNKEY' };
}

export interface ListRunsQuery {
  /** At most one of planId and traceId. */
  planId?: string;
  traceId?: string;
  status?: RunStatus;
  limit: number;
  cursor?: string;
}

export class RunRepository {
  constructor(
    private readonly deps: RepositoryDeps,
    private readonly retentionDays: number,
    private readonly clock: () => number = Date.now,
  ) {}

  async create(record: RunRecord, ownership: RunOwnership): Promise<void> {
    await this.deps.client.send(
      new PutCommand({
        TableName: this.deps.tableName,
        Item: this.itemOf(record, ownership),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  /**
   * Creates the run only if no run was created for this key yet: the key item and the run
   * item are written in one transaction, so there is never a key without its run or a run
   * without its key, whatever crashes when. A key whose TTL passed counts as absent (TTL
   * deletion lags). `created: false` carries the run the key already points at.
   */
  async createOnce(
    record: RunRecord,
    ownership: RunOwnership,
    key: RunIdempotencyKey,
  ): Promise<{ created: true } | { created: false; runId?: string }> {
    const keyItem = idempotencyKeyOf(key.scheduleName, key.scheduledTime);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.transactCreate(record, ownership, key, keyItem);
        return { created: true };
      } catch (err) {
        // Two deliveries at the same instant: DynamoDB cancels the one that collides with the
        // other's transaction in flight. Trying again sees that one's outcome (key taken, or
        // free if it failed), so a collision is never mistaken for a duplicate.
        if (isTransactionConflict(err) && attempt < MAX_CONFLICT_ATTEMPTS) {
          await sleep(attempt * 25 + Math.floor(Math.random() * 25));
          continue;
        }
        if (!isConditionalFailure(err)) throw err;
        const { Item } = await this.deps.client.send(
          new GetCommand({ TableName: this.deps.tableName, Key: keyItem, ConsistentRead: true }),
        );
        return { created: false, ...(typeof Item?.runId === 'string' ? { runId: Item.runId } : {}) };
      }
    }
  }

  private async transactCreate(
    record: RunRecord,
    ownership: RunOwnership,
    key: RunIdempotencyKey,
    keyItem: { PK: string; SK: string },
  ): Promise<void> {
    await this.deps.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.deps.tableName,
              Item: {
                ...keyItem,
                type: 'runkey',
                runId: record.runId,
                userId: record.userId,
                createdAt: record.createdAt,
                expiresAt: key.expiresAt,
              },
              ConditionExpression: 'attribute_not_exists(PK) OR expiresAt <= :now',
              ExpressionAttributeValues: { ':now': nowSeconds(this.clock()) },
            },
          },
          {
            Put: {
              TableName: this.deps.tableName,
              Item: this.itemOf(record, ownership),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
      }),
    );
  }

  async get(userId: string, runId: string): Promise<RunRecord | undefined> {
    const key = runKey(userId, runId);
    if (!key) return undefined;
    const { Item } = await this.deps.client.send(
      new GetCommand({ TableName: this.deps.tableName, Key: key, ConsistentRead: true }),
    );
    if (!Item || Item.type !== 'run' || this.expired(Item)) return undefined;
    return fromItem(Item);
  }

  async list(userId: string, query: ListRunsQuery): Promise<Page<RunRecord>> {
    const pk = `USER#${userId}`;
    const indexKey = automationIndexKey(userId, query);
    const byIndex = indexKey !== undefined;
    const start = byIndex
      ? decodeCursor(query.cursor, { PK: pk, GSI1PK: indexKey }, { SK: 'RUN#' })
      : decodeCursor(query.cursor, { PK: pk }, { SK: 'RUN#' });
    const filters = ['(attribute_not_exists(expiresAt) OR expiresAt > :now)'];
    const values: Record<string, unknown> = { ':now': nowSeconds(this.clock()), ':sk': 'RUN#' };
    if (query.status) {
      filters.push('#status = :status');
      values[':status'] = query.status;
    }
    values[':pk'] = indexKey ?? pk;
    const items: Record<string, unknown>[] = [];
    let cursor: Record<string, unknown> | undefined = start;
    // Filters drop items after the read, so a page may come back short: keep reading,
    // a bounded number of times, until it is full or the partition ends.
    for (let reads = 0; reads < 10 && items.length < query.limit; reads++) {
      const page = await this.deps.client.send(
        new QueryCommand({
          TableName: this.deps.tableName,
          ...(byIndex ? { IndexName: 'GSI1' } : {}),
          KeyConditionExpression: byIndex
            ? 'GSI1PK = :pk AND begins_with(GSI1SK, :sk)'
            : 'PK = :pk AND begins_with(SK, :sk)',
          FilterExpression: filters.join(' AND '),
          ...(query.status ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: query.limit - items.length,
          ExclusiveStartKey: cursor,
        }),
      );
      items.push(...(page.Items ?? []));
      cursor = page.LastEvaluatedKey;
      if (!cursor) break;
    }
    return { items: items.map(fromItem), nextCursor: encodeCursor(cursor) };
  }

  /** Takes over a handed-off (or queued) run; undefined if the token was already used. */
  async claim(
    userId: string,
    runId: string,
    handoffToken: string,
    leaseId: string,
  ): Promise<RunRecord | undefined> {
    const key = runKey(userId, runId);
    if (!key) return undefined;
    try {
      const { Attributes } = await this.deps.client.send(
        new UpdateCommand({
          TableName: this.deps.tableName,
          Key: key,
          UpdateExpression:
            'SET #status = :running, startedAt = if_not_exists(startedAt, :now), leaseId = :lease, invocations = invocations + :one REMOVE handoffToken',
          ConditionExpression: 'handoffToken = :token',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':running': 'running',
            ':now': new Date(this.clock()).toISOString(),
            ':lease': leaseId,
            ':one': 1,
            ':token': handoffToken,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? fromItem(Attributes) : undefined;
    } catch (err) {
      if (isConditionalFailure(err)) return undefined;
      throw err;
    }
  }

  /** Records the steps so far; false if this executor no longer holds the run. */
  saveProgress(userId: string, runId: string, leaseId: string, results: StepResult[]): Promise<boolean> {
    return this.update(userId, runId, leaseId, 'SET resultsJson = :results', {
      ':results': JSON.stringify(results),
    });
  }

  /** Gives the run up for the next invocation, which must present `handoffToken`. */
  handOff(
    userId: string,
    runId: string,
    leaseId: string,
    results: StepResult[],
    handoffToken: string,
  ): Promise<boolean> {
    return this.update(
      userId,
      runId,
      leaseId,
      'SET resultsJson = :results, handoffToken = :token REMOVE leaseId',
      {
        ':results': JSON.stringify(results),
        ':token': handoffToken,
      },
    );
  }

  complete(
    userId: string,
    runId: string,
    leaseId: string,
    outcome: { status: 'success' | 'failed'; results: StepResult[]; error?: string },
  ): Promise<boolean> {
    return this.update(
      userId,
      runId,
      leaseId,
      `SET #status = :status, resultsJson = :results, completedAt = :now${outcome.error ? ', #error = :error' : ''} REMOVE leaseId, handoffToken`,
      {
        ':status': outcome.status,
        ':results': JSON.stringify(outcome.results),
        ':now': new Date(this.clock()).toISOString(),
        ...(outcome.error ? { ':error': outcome.error } : {}),
      },
      { '#status': 'status', ...(outcome.error ? { '#error': 'error' } : {}) },
    );
  }

  /** Fails a run that could not be handed to anyone (e.g. the async invoke was refused). */
  async failUnclaimed(userId: string, runId: string, handoffToken: string, error: string): Promise<boolean> {
    const key = runKey(userId, runId);
    if (!key) return false;
    try {
      await this.deps.client.send(
        new UpdateCommand({
          TableName: this.deps.tableName,
          Key: key,
          UpdateExpression: 'SET #status = :failed, completedAt = :now, #error = :error REMOVE handoffToken',
          ConditionExpression: 'handoffToken = :token',
          ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
          ExpressionAttributeValues: {
            ':failed': 'failed',
            ':now': new Date(this.clock()).toISOString(),
            ':error': error,
            ':token': handoffToken,
          },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalFailure(err)) return false;
      throw err;
    }
  }

  private async update(
    userId: string,
    runId: string,
    leaseId: string,
    expression: string,
    values: Record<string, unknown>,
    names?: Record<string, string>,
  ): Promise<boolean> {
    const key = runKey(userId, runId);
    if (!key) return false;
    try {
      await this.deps.client.send(
        new UpdateCommand({
          TableName: this.deps.tableName,
          Key: key,
          UpdateExpression: expression,
          ConditionExpression: 'leaseId = :lease',
          ...(names ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: { ...values, ':lease': leaseId },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalFailure(err)) return false;
      throw err;
    }
  }

  private itemOf(record: RunRecord, ownership: RunOwnership): Record<string, unknown> {
    const key = runKey(record.userId, record.runId);
    if (!key) throw new Error(`Malformed run id ${record.runId}`);
    const created = Date.parse(record.createdAt);
    const indexKey = automationIndexKey(record.userId, record);
    return {
      ...key,
      ...(indexKey ? { GSI1PK: indexKey, GSI1SK: key.SK } : {}),
      type: 'run',
      runId: record.runId,
      userId: record.userId,
      ...(record.planId ? { planId: record.planId } : {}),
      ...(record.traceId ? { traceId: record.traceId } : {}),
      status: record.status,
      triggerType: record.trigger.type,
      triggerJson: JSON.stringify(record.trigger),
      stepsJson: JSON.stringify(record.steps),
      resultsJson: JSON.stringify(record.results),
      createdAt: record.createdAt,
      ...(record.startedAt ? { startedAt: record.startedAt } : {}),
      deadlineAt: record.deadlineAt,
      invocations: record.invocations,
      expiresAt: nowSeconds(created) + this.retentionDays * 86_400,
      ...ownership,
    };
  }

  private expired(item: Record<string, unknown>): boolean {
    return typeof item.expiresAt === 'number' && item.expiresAt <= nowSeconds(this.clock());
  }
}

function fromItem(item: Record<string, unknown>): RunRecord {
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
    deadlineAt: item.deadlineAt as number,
    invocations: item.invocations as number,
  };
}
