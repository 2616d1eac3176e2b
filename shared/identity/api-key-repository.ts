import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../clients/dynamodb';
import { isConditionalFailure } from '../db/conditions';
import { queryAllByPrefix } from '../db/query-all';
import { NotFoundError } from '../errors';
import { isId, newId } from '../ids';
import { generateApiKey } from './api-key-secret';
import type { KeyLimits } from './key-limits';

/** What the owner sees about a key. The hash and the plaintext are never part of it. */
export interface ApiKeyRecord {
  keyId: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
  limits?: KeyLimits;
}

/** The authorizer's view: found by hash, nothing else. */
export interface ApiKeyLookup {
  keyId: string;
  userId: string;
  revokedAt?: string;
  /** Copied to the lookup item, so the authorizer hands them on with no extra read. */
  limits?: KeyLimits;
}

export interface ApiKeyChange {
  name?: string;
  /** The key's limits after the change (undefined: none). */
  limits?: KeyLimits;
}

/*
 * Two items per key:
 *  - KEY#<sha256> / KEY           the authorizer's lookup by hash;
 *  - USER#<uid> / APIKEY#<keyId>  the owner's record (list, revoke), read strongly
 *                                 consistent and always scoped to the caller.
 */
const lookupKey = (hash: string) => ({ PK: `KEY#${hash}`, SK: 'KEY' });
const ownerKey = (userId: string, keyId: string) => ({ PK: `USER#${userId}`, SK: `APIKEY#${keyId}` });

/** Another user's key, a revoked one and one that never existed all look the same. */
export const apiKeyNotFound = () => new NotFoundError('API key not found', 'key_not_found');

/** Whether `keyId` has the shape keys are minted with (`key_` and 24 hex). */
export const isApiKeyId = (keyId: string) => isId('key', keyId);

/** last_used_at is refreshed at most this often, so busy keys do not cost a write per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export class ApiKeyRepository {
  constructor(private readonly deps: RepositoryDeps) {}

  async create(
    userId: string,
    name: string,
    now = new Date(),
    limits?: KeyLimits,
  ): Promise<{ record: ApiKeyRecord; plaintext: string }> {
    const key = generateApiKey();
    const record: ApiKeyRecord = {
      keyId: newId('key'),
      userId,
      name,
      prefix: key.displayPrefix,
      createdAt: now.toISOString(),
      ...(limits ? { limits } : {}),
    };
    await this.deps.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.deps.tableName,
              Item: {
                ...lookupKey(key.hash),
                type: 'api-key-lookup',
                keyId: record.keyId,
                userId,
                ...(limits ? { limits } : {}),
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: this.deps.tableName,
              Item: { ...ownerKey(userId, record.keyId), type: 'api-key', ...record, hash: key.hash },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
      }),
    );
    return { record, plaintext: key.plaintext };
  }

  async findByHash(hash: string): Promise<ApiKeyLookup | undefined> {
    const { Item } = await this.deps.client.send(
      new GetCommand({ TableName: this.deps.tableName, Key: lookupKey(hash) }),
    );
    if (!Item) return undefined;
    return {
      keyId: Item.keyId,
      userId: Item.userId,
      ...(Item.revokedAt ? { revokedAt: Item.revokedAt } : {}),
      ...(Item.limits ? { limits: Item.limits as KeyLimits } : {}),
    };
  }

  /**
   * Renames a key or sets its limits, on both of its items at once. The authorizer's
   * cached result for the key (at most 30 s old) still carries the old limits.
   */
  async update(
    userId: string,
    keyId: string,
    changeOf: (current: ApiKeyRecord) => ApiKeyChange,
  ): Promise<ApiKeyRecord> {
    const { Item } = await this.deps.client.send(
      new GetCommand({ TableName: this.deps.tableName, Key: ownerKey(userId, keyId), ConsistentRead: true }),
    );
    if (!Item || Item.revokedAt) throw apiKeyNotFound();
    const current = toRecord(Item);
    const change = changeOf(current);
    const limitsClause = change.limits ? 'SET limits = :limits' : 'REMOVE limits';
    const limitsValues = change.limits ? { ':limits': change.limits } : {};
    const named = change.name !== undefined;
    const ownerClause = !named
      ? limitsClause
      : change.limits
        ? 'SET #name = :name, limits = :limits'
        : 'SET #name = :name REMOVE limits';
    try {
      await this.deps.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.deps.tableName,
                Key: ownerKey(userId, keyId),
                UpdateExpression: ownerClause,
                ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(revokedAt)',
                ...(named ? { ExpressionAttributeNames: { '#name': 'name' } } : {}),
                ...withValues({ ...limitsValues, ...(named ? { ':name': change.name } : {}) }),
              },
            },
            {
              Update: {
                TableName: this.deps.tableName,
                Key: lookupKey(Item.hash as string),
                UpdateExpression: limitsClause,
                ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(revokedAt)',
                ...withValues(limitsValues),
              },
            },
          ],
        }),
      );
    } catch (err) {
      if (isConditionalFailure(err)) throw apiKeyNotFound();
      throw err;
    }
    const { limits: _old, ...rest } = current;
    return {
      ...rest,
      ...(named ? { name: change.name! } : {}),
      ...(change.limits ? { limits: change.limits } : {}),
    };
  }

  /** The caller's active keys, oldest first. */
  async listActive(userId: string): Promise<ApiKeyRecord[]> {
    const items = await queryAllByPrefix(this.deps, `USER#${userId}`, 'APIKEY#', {
      consistentRead: true,
      filterExpression: 'attribute_not_exists(revokedAt)',
    });
    const records = items.map(toRecord);
    return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Revokes one of the caller's keys. Another user's key id, or an already revoked one, is not found. */
  async revoke(userId: string, keyId: string, now = new Date()): Promise<void> {
    const { Item } = await this.deps.client.send(
      new GetCommand({ TableName: this.deps.tableName, Key: ownerKey(userId, keyId), ConsistentRead: true }),
    );
    if (!Item || Item.revokedAt) throw apiKeyNotFound();
    const revokedAt = now.toISOString();
    try {
      await this.deps.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.deps.tableName,
                Key: ownerKey(userId, keyId),
                UpdateExpression: 'SET revokedAt = :at',
                ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(revokedAt)',
                ExpressionAttributeValues: { ':at': revokedAt },
              },
            },
            {
              Update: {
                TableName: this.deps.tableName,
                Key: lookupKey(Item.hash as string),
                UpdateExpression: 'SET revokedAt = :at',
                ConditionExpression: 'attribute_exists(PK)',
                ExpressionAttributeValues: { ':at': revokedAt },
              },
            },
          ],
        }),
      );
    } catch (err) {
      if (isConditionalFailure(err)) throw apiKeyNotFound();
      throw err;
    }
  }

  /** Records use, at most once per LAST_USED_RESOLUTION_MS; a lost race is fine. */
  async touch(userId: string, keyId: string, now = new Date()): Promise<void> {
    try {
      await this.deps.client.send(
        new UpdateCommand({
          TableName: this.deps.tableName,
          Key: ownerKey(userId, keyId),
          UpdateExpression: 'SET lastUsedAt = :now',
          ConditionExpression:
            'attribute_exists(PK) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :stale)',
          ExpressionAttributeValues: {
            ':now': now.toISOString(),
            ':stale': new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString(),
          },
        }),
      );
    } catch (err) {
      if (!isConditionalFailure(err)) throw err;
    }
  }
}

function toRecord(item: Record<string, unknown>): ApiKeyRecord {
  return {
    keyId: item.keyId as string,
    userId: item.userId as string,
    name: item.name as string,
    prefix: item.prefix as string,
    createdAt: item.createdAt as string,
    ...(item.lastUsedAt ? { lastUsedAt: item.lastUsedAt as string } : {}),
    ...(item.revokedAt ? { revokedAt: item.revokedAt as string } : {}),
    ...(item.limits ? { limits: item.limits as KeyLimits } : {}),
  };
}

/** DynamoDB refuses an empty ExpressionAttributeValues. */
function withValues(values: Record<string, unknown>): {
  ExpressionAttributeValues?: Record<string, unknown>;
} {
  return Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {};
}
