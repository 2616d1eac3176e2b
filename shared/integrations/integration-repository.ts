import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../clients/dynamodb';
import { isConditionalFailure } from '../db/conditions';
import { queryAllByPrefix } from '../db/query-all';
import { ConflictError, NotFoundError } from '../errors';
import { newId } from '../ids';
import type { CustomIntegrationConfig } from '../providers/custom';
import type { CustomIntegrationSource } from '../providers/registry';
import { MAX_INTEGRATIONS_PER_USER, type IntegrationBodyInput } from './integration-schema';

export interface IntegrationRecord extends CustomIntegrationConfig {
  userId: string;
  description?: string;
  createdAt: string;
  updatedAt: string;
}

/* One item per integration: USER#<uid> / INTEGRATION#<id>. Every read starts from the caller. */
const itemKey = (userId: string, id: string) => ({ PK: `USER#${userId}`, SK: `INTEGRATION#${id}` });

export const integrationNotFound = () =>
  new NotFoundError('Custom integration not found', 'integration_not_found');

function fromBody(body: IntegrationBodyInput) {
  return {
    name: body.name,
    ...(body.description ? { description: body.description } : {}),
    baseUrl: body.base_url,
    auth: body.auth.name ? { type: body.auth.type, name: body.auth.name } : { type: body.auth.type },
    defaultHeaders: body.default_headers,
  };
}

function toRecord(item: Record<string, unknown>): IntegrationRecord {
  return {
    id: item.id as string,
    userId: item.userId as string,
    name: item.name as string,
    ...(item.description ? { description: item.description as string } : {}),
    baseUrl: item.baseUrl as string,
    auth: item.auth as IntegrationRecord['auth'],
    defaultHeaders: (item.defaultHeaders ?? {}) as Record<string, string>,
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
  };
}

/** Custom integrations, always scoped to their owner. Also the registry's source for `custom_<id>`. */
export class IntegrationRepository implements CustomIntegrationSource {
  constructor(private readonly deps: RepositoryDeps) {}

  async create(userId: string, body: IntegrationBodyInput, now = new Date()): Promise<IntegrationRecord> {
    if ((await this.count(userId)) >= MAX_INTEGRATIONS_PER_USER) {
      throw new ConflictError(
        `At most ${MAX_INTEGRATIONS_PER_USER} custom integrations per user`,
        'integration_limit_reached',
      );
    }
    const at = now.toISOString();
    const record: IntegrationRecord = {
      id: newId('int'),
      userId,
      ...fromBody(body),
      createdAt: at,
      updatedAt: at,
    };
    await this.deps.client.send(
      new PutCommand({
        TableName: this.deps.tableName,
        Item: { ...itemKey(userId, record.id), type: 'custom-integration', ...record },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return record;
  }

  async find(userId: string, id: string): Promise<IntegrationRecord | undefined> {
    const { Item } = await this.deps.client.send(
      new GetCommand({ TableName: this.deps.tableName, Key: itemKey(userId, id), ConsistentRead: true }),
    );
    return Item ? toRecord(Item) : undefined;
  }

  async get(userId: string, id: string): Promise<IntegrationRecord> {
    const record = await this.find(userId, id);
    if (!record) throw integrationNotFound();
    return record;
  }

  /** The caller's integrations, oldest first. */
  async list(userId: string): Promise<IntegrationRecord[]> {
    const items = await queryAllByPrefix(this.deps, `USER#${userId}`, 'INTEGRATION#', {
      consistentRead: true,
    });
    const records = items.map(toRecord);
    return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  /** Replaces the integration's fields (PUT); its id, owner and creation time stay. */
  async update(
    userId: string,
    id: string,
    body: IntegrationBodyInput,
    now = new Date(),
  ): Promise<IntegrationRecord> {
    const existing = await this.get(userId, id);
    const record: IntegrationRecord = {
      id,
      userId,
      ...fromBody(body),
      createdAt: existing.createdAt,
      updatedAt: now.toISOString(),
    };
    try {
      await this.deps.client.send(
        new PutCommand({
          TableName: this.deps.tableName,
          Item: { ...itemKey(userId, id), type: 'custom-integration', ...record },
          ConditionExpression: 'attribute_exists(PK)',
        }),
      );
    } catch (err) {
      if (isConditionalFailure(err)) throw integrationNotFound();
      throw err;
    }
    return record;
  }

  async delete(userId: string, id: string): Promise<void> {
    try {
      await this.deps.client.send(
        new DeleteCommand({
          TableName: this.deps.tableName,
          Key: itemKey(userId, id),
          ConditionExpression: 'attribute_exists(PK)',
        }),
      );
    } catch (err) {
      if (isConditionalFailure(err)) throw integrationNotFound();
      throw err;
    }
  }

  private async count(userId: string): Promise<number> {
    let total = 0;
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.deps.client.send(
        new QueryCommand({
          TableName: this.deps.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':sk': 'INTEGRATION#' },
          Select: 'COUNT',
          ExclusiveStartKey: cursor,
        }),
      );
      total += page.Count ?? 0;
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    return total;
  }
}
