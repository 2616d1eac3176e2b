import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../clients/dynamodb';
import { isConditionalFailure } from '../db/conditions';
import { NotFoundError } from '../errors';
import { newSortableId } from '../runs/sortable-id';
import { decodeCursor, encodeCursor } from './page-cursor';
import type { AutomationSchedule } from '../scheduling/automation-schedule';
import type { PlanStep } from './plan-schema';

export interface PlanRecord {
  planId: string;
  userId: string;
  name: string;
  description?: string;
  steps: PlanStep[];
  createdAt: string;
  updatedAt: string;
  /** SHA-256 of the plan's webhook token, when it has one (the token itself is never stored). */
  webhookTokenHash?: string;
  /** Set by `POST /api/execution-plans/{plan_id}/schedule`, removed by its DELETE. */
  schedule?: AutomationSchedule;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/*
 * USER#<uid> / PLAN#<planId>. Plan ids sort by creation time, so a partition query lists
 * plans oldest first. Steps are stored as one JSON string: params are arbitrary user JSON
 * (deep nesting, empty keys, big numbers) that a DynamoDB map would reject or alter.
 */
const planKey = (userId: string, planId: string) => ({ PK: `USER#${userId}`, SK: `PLAN#${planId}` });

export const planNotFound = () => new NotFoundError('Execution plan not found', 'plan_not_found');

export class PlanRepository {
  constructor(private readonly deps: RepositoryDeps) {}

  async create(
    userId: string,
    input: { name: string; description?: string; steps: PlanStep[] },
    now = new Date(),
  ): Promise<PlanRecord> {
    const record: PlanRecord = {
      planId: newSortableId('plan', now.getTime()),
      userId,
      name: input.name,
      ...(input.description === undefined ? {} : { description: input.description }),
      steps: input.steps,
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

  async get(userId: string, planId: string): Promise<PlanRecord | undefined> {
    const { Item } = await this.deps.client.send(
      new GetCommand({ TableName: this.deps.tableName, Key: planKey(userId, planId), ConsistentRead: true }),
    );
    return Item && Item.type === 'plan' ? planFromItem(Item) : undefined;
  }

  async require(userId: string, planId: string): Promise<PlanRecord> {
    const plan = await this.get(userId, planId);
    if (!plan) throw planNotFound();
    return plan;
  }

  async list(userId: string, limit: number, cursor?: string): Promise<Page<PlanRecord>> {
    const pk = `USER#${userId}`;
    const start = decodeCursor(cursor, { PK: pk }, { SK: 'PLAN#' });
    const page = await this.deps.client.send(
      new QueryCommand({
        TableName: this.deps.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': 'PLAN#' },
        ExclusiveStartKey: start,
        Limit: limit,
      }),
    );
    return { items: (page.Items ?? []).map(planFromItem), nextCursor: encodeCursor(page.LastEvaluatedKey) };
  }

  async replace(
    userId: string,
    planId: string,
    input: { name: string; description?: string; steps: PlanStep[] },
    now = new Date(),
  ): Promise<PlanRecord> {
    try {
      const { Attributes } = await this.deps.client.send(
        new UpdateCommand({
          TableName: this.deps.tableName,
          Key: planKey(userId, planId),
          UpdateExpression:
            input.description === undefined
              ? 'SET #name = :name, stepsJson = :steps, updatedAt = :now REMOVE description'
              : 'SET #name = :name, stepsJson = :steps, updatedAt = :now, description = :description',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: {
            ':name': input.name,
            ':steps': JSON.stringify(input.steps),
            ':now': now.toISOString(),
            ...(input.description === undefined ? {} : { ':description': input.description }),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return planFromItem(Attributes ?? {});
    } catch (err) {
      if (isConditionalFailure(err)) throw planNotFound();
      throw err;
    }
  }

  /** Records the plan's schedule, or removes it (null). NotFoundError if the plan is gone. */
  async setSchedule(
    userId: string,
    planId: string,
    schedule: AutomationSchedule | null,
    now = new Date(),
  ): Promise<PlanRecord> {
    try {
      const { Attributes } = await this.deps.client.send(
        new UpdateCommand({
          TableName: this.deps.tableName,
          Key: planKey(userId, planId),
          UpdateExpression:
            schedule === null
              ? 'SET updatedAt = :now REMOVE schedule'
              : 'SET updatedAt = :now, schedule = :schedule',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: {
            ':now': now.toISOString(),
            ...(schedule ? { ':schedule': schedule } : {}),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return planFromItem(Attributes ?? {});
    } catch (err) {
      if (isConditionalFailure(err)) throw planNotFound();
      throw err;
    }
  }

  /** Removes the plan item; returns what it was, so the caller can clean up what hung off it. */
  async delete(userId: string, planId: string): Promise<PlanRecord> {
    try {
      const { Attributes } = await this.deps.client.send(
        new DeleteCommand({
          TableName: this.deps.tableName,
          Key: planKey(userId, planId),
          ConditionExpression: 'attribute_exists(PK)',
          ReturnValues: 'ALL_OLD',
        }),
      );
      return planFromItem(Attributes ?? {});
    } catch (err) {
      if (isConditionalFailure(err)) throw planNotFound();
      throw err;
    }
  }

  /** The key and condition the webhook repository uses to link a webhook in the same transaction. */
  static key(userId: string, planId: string) {
    return planKey(userId, planId);
  }
}

function toItem(record: PlanRecord): Record<string, unknown> {
  const { steps, ...rest } = record;
  return {
    ...planKey(record.userId, record.planId),
    type: 'plan',
    ...rest,
    stepsJson: JSON.stringify(steps),
  };
}

/** A plan item as read from the table (the webhook repository reads plans alongside webhooks). */
export function planFromItem(item: Record<string, unknown>): PlanRecord {
  return {
    planId: item.planId as string,
    userId: item.userId as string,
    name: item.name as string,
    ...(typeof item.description === 'string' ? { description: item.description } : {}),
    steps: JSON.parse(item.stepsJson as string) as PlanStep[],
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
    ...(typeof item.webhookTokenHash === 'string' ? { webhookTokenHash: item.webhookTokenHash } : {}),
    ...(item.schedule ? { schedule: item.schedule as AutomationSchedule } : {}),
  };
}
