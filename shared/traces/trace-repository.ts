import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../clients/dynamodb';
import { isConditionalFailure } from '../db/conditions';
import { NotFoundError } from '../errors';
import { decodeCursor, encodeCursor } from '../plans/page-cursor';
import type { Page } from '../plans/plan-repository';
import type { PlanStep } from '../plans/plan-schema';
import { newSortableId } from '../runs/sortable-id';
import type { AutomationSchedule } from '../scheduling/automation-schedule';
import type { DeploymentStatus, NewTrace, TraceRecord } from './trace-types';

/*
 * USER#<uid> / TRACE#<traceId>. Trace ids sort by creation time. Steps are one JSON
 * string (arbitrary user JSON, as for plans); the schedule is a small map whose fields
 * Flowgate validated.
 */
const traceKey = (userId: string, traceId: string) => ({ PK: `USER#${userId}`, SK: `TRACE#${traceId}` });

export const traceNotFound = () => new NotFoundError('Automation trace not found', 'trace_not_found');

/** A change to a trace's deployment; `null` removes the field. */
export interface TraceChange {
  name?: string;
  deploymentStatus?: DeploymentStatus;
  schedule?: AutomationSchedule | null;
  deployedAt?: string | null;
  dryRunId?: string;
}

export class TraceRepository {
  constructor(private readonly deps: RepositoryDeps) {}

  async create(userId: string, input: NewTrace, now = new Date()): Promise<TraceRecord> {
    const record: TraceRecord = {
      traceId: newSortableId('trace', now.getTime()),
      userId,
      name: input.name,
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.request === undefined ? {} : { request: input.request }),
      ...(input.model === undefined ? {} : { model: input.model }),
      steps: input.steps,
      deploymentStatus: 'draft',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await this.deps.client.send(
      new PutCommand({
        TableName: this.deps.tableName,
        Item: toItem(record),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return record;
  }

  async get(userId: string, traceId: string): Promise<TraceRecord | undefined> {
    const { Item } = await this.deps.client.send(
      new GetCommand({
        TableName: this.deps.tableName,
        Key: traceKey(userId, traceId),
        ConsistentRead: true,
      }),
    );
    return Item && Item.type === 'trace' ? fromItem(Item) : undefined;
  }

  async require(userId: string, traceId: string): Promise<TraceRecord> {
    const trace = await this.get(userId, traceId);
    if (!trace) throw traceNotFound();
    return trace;
  }

  /** Newest first. */
  async list(userId: string, limit: number, cursor?: string): Promise<Page<TraceRecord>> {
    const pk = `USER#${userId}`;
    const page = await this.deps.client.send(
      new QueryCommand({
        TableName: this.deps.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': 'TRACE#' },
        ExclusiveStartKey: decodeCursor(cursor, { PK: pk }, { SK: 'TRACE#' }),
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return { items: (page.Items ?? []).map(fromItem), nextCursor: encodeCursor(page.LastEvaluatedKey) };
  }

  /**
   * Applies the change and returns the trace as it is now. With `ifStatus`, only while the
   * trace is in one of those statuses: otherwise undefined, and nothing is written. A
   * missing trace is a NotFoundError either way.
   */
  async update(
    userId: string,
    traceId: string,
    change: TraceChange,
    options: { ifStatus?: readonly DeploymentStatus[]; now?: Date } = {},
  ): Promise<TraceRecord | undefined> {
    const set = ['updatedAt = :now'];
    const remove: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':now': (options.now ?? new Date()).toISOString() };
    const field = (name: keyof TraceChange, value: unknown) => {
      if (value === undefined) return;
      if (value === null) {
        remove.push(`#${name}`);
        names[`#${name}`] = name;
      } else {
        set.push(`#${name} = :${name}`);
        names[`#${name}`] = name;
        values[`:${name}`] = value;
      }
    };
    field('name', change.name);
    field('deploymentStatus', change.deploymentStatus);
    field('schedule', change.schedule);
    field('deployedAt', change.deployedAt);
    field('dryRunId', change.dryRunId);
    let condition = 'attribute_exists(PK)';
    if (options.ifStatus) {
      const names = options.ifStatus.map((status, i) => {
        values[`:if${i}`] = status;
        return `:if${i}`;
      });
      condition += ` AND deploymentStatus IN (${names.join(', ')})`;
    }
    try {
      const { Attributes } = await this.deps.client.send(
        new UpdateCommand({
          TableName: this.deps.tableName,
          Key: traceKey(userId, traceId),
          UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return fromItem(Attributes ?? {});
    } catch (err) {
      if (!isConditionalFailure(err)) throw err;
      if (!options.ifStatus || !(await this.get(userId, traceId))) throw traceNotFound();
      return undefined;
    }
  }

  /** Removes the trace item; returns what it was, so the caller can clean up its schedule. */
  async delete(userId: string, traceId: string): Promise<TraceRecord> {
    try {
      const { Attributes } = await this.deps.client.send(
        new DeleteCommand({
          TableName: this.deps.tableName,
          Key: traceKey(userId, traceId),
          ConditionExpression: 'attribute_exists(PK)',
          ReturnValues: 'ALL_OLD',
        }),
      );
      return fromItem(Attributes ?? {});
    } catch (err) {
      if (isConditionalFailure(err)) throw traceNotFound();
      throw err;
    }
  }
}

function toItem(record: TraceRecord): Record<string, unknown> {
  const { steps, ...rest } = record;
  return {
    ...traceKey(record.userId, record.traceId),
    type: 'trace',
    ...rest,
    stepsJson: JSON.stringify(steps),
  };
}

const optionalString = <K extends string>(item: Record<string, unknown>, key: K) =>
  (typeof item[key] === 'string' ? { [key]: item[key] } : {}) as Partial<Record<K, string>>;

function fromItem(item: Record<string, unknown>): TraceRecord {
  return {
    traceId: item.traceId as string,
    userId: item.userId as string,
    name: item.name as string,
    ...optionalString(item, 'description'),
    ...optionalString(item, 'request'),
    ...optionalString(item, 'model'),
    steps: JSON.parse(item.stepsJson as string) as PlanStep[],
    deploymentStatus: item.deploymentStatus as DeploymentStatus,
    ...(item.schedule ? { schedule: item.schedule as AutomationSchedule } : {}),
    ...optionalString(item, 'deployedAt'),
    ...optionalString(item, 'dryRunId'),
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
  };
}
