import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../clients/dynamodb';
import { isConditionalFailure } from '../db/conditions';
import { decodeCursor, encodeCursor } from '../plans/page-cursor';
import type { Page } from '../plans/plan-repository';
import { automationIndexKey, fromItem, leaseOf, nowSeconds, runKey } from './run-item';
import { leaseIndexKeys, type RunLease } from './run-lease';
import type { RunRecord, RunStatus } from './run-types';
import { RunWrites } from './run-writes';

export { runKey } from './run-item';
export type { RunEnding } from './run-writes';

/*
 * Ownership while unfinished: whoever executes the run holds `leaseId`, and every write it
 * makes is conditional on it. A hand-off swaps the lease for a one-time `handoffToken` that
 * the next invocation must present to claim the run, so a duplicated async delivery finds
 * the token gone and does nothing: no step runs twice. Either way the run carries
 * `leaseUntil`, and every write of the holder moves it on (./run-lease.ts). A create that
 * a retry repeated (the first try was applied, its answer lost) recognises its own item.
 */

/** Who may write a new run, and until when nobody else may. */
export type RunOwnership = ({ leaseId: string } | { handoffToken: string }) & { leaseUntil: number };

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

/** Creating and reading runs; the writes that move a run's lease on are in ./run-writes.ts. */
export class RunRepository extends RunWrites {
  constructor(
    deps: RepositoryDeps,
    private readonly retentionDays: number,
    clock: () => number = Date.now,
  ) {
    super(deps, clock);
  }

  async create(record: RunRecord, ownership: RunOwnership): Promise<void> {
    const key = this.keyOf(record);
    try {
      await this.deps.client.send(
        new PutCommand({
          TableName: this.deps.tableName,
          Item: this.itemOf(record, ownership),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (err) {
      if (isConditionalFailure(err) && (await this.shows(key, (item) => isOwnedBy(item, ownership)))) return;
      throw err;
    }
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
        // Our own transaction, applied although its answer was lost and the SDK sent it again.
        if (Item?.runId === record.runId) return { created: true };
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
    const found = await this.read(userId, runId);
    return found?.record;
  }

  /** The run and, while it is unfinished, its lease: one strongly consistent read. */
  async read(userId: string, runId: string): Promise<{ record: RunRecord; lease?: RunLease } | undefined> {
    const key = runKey(userId, runId);
    if (!key) return undefined;
    const { Item } = await this.deps.client.send(
      new GetCommand({ TableName: this.deps.tableName, Key: key, ConsistentRead: true }),
    );
    if (!Item || Item.type !== 'run' || this.expired(Item)) return undefined;
    const lease = leaseOf(Item);
    return { record: fromItem(Item), ...(lease ? { lease } : {}) };
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

  private keyOf(record: RunRecord): { PK: string; SK: string } {
    const key = runKey(record.userId, record.runId);
    if (!key) throw new Error(`Malformed run id ${record.runId}`);
    return key;
  }

  private itemOf(record: RunRecord, ownership: RunOwnership): Record<string, unknown> {
    const key = this.keyOf(record);
    const created = Date.parse(record.createdAt);
    const indexKey = automationIndexKey(record.userId, record);
    return {
      ...key,
      ...(indexKey ? { GSI1PK: indexKey, GSI1SK: key.SK } : {}),
      ...leaseIndexKeys(record.runId, ownership.leaseUntil),
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

function isOwnedBy(item: Record<string, unknown>, ownership: RunOwnership): boolean {
  return 'leaseId' in ownership
    ? item.leaseId === ownership.leaseId
    : item.handoffToken === ownership.handoffToken;
}
