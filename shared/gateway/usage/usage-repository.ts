import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../../clients/dynamodb';
import type { TokenUsage } from './token-usage';

/** One counter: a key's calls of one model on one UTC day. */
export interface UsageCounter {
  day: string;
  keyId: string;
  model: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
}

/*
 * USER#<uid> / USAGE#<yyyy-mm-dd>#<keyId>#<model>: the day leads, so a date range is one
 * Query; the key id has a fixed shape, so whatever follows it is the model name.
 */
const usageSk = (day: string, keyId: string, model: string) => `USAGE#${day}#${keyId}#${model}`;

/** Token counters per key, model and day, added to atomically by each call. */
export class UsageRepository {
  constructor(private readonly deps: RepositoryDeps) {}

  async add(
    counter: { userId: string; keyId: string; model: string; day: string },
    tokens: TokenUsage | undefined,
  ): Promise<void> {
    await this.deps.client.send(
      new UpdateCommand({
        TableName: this.deps.tableName,
        Key: { PK: `USER#${counter.userId}`, SK: usageSk(counter.day, counter.keyId, counter.model) },
        UpdateExpression:
          'SET #type = :type, #day = :day, keyId = :key, model = :model ADD requests :one, promptTokens :p, completionTokens :c',
        ExpressionAttributeNames: { '#type': 'type', '#day': 'day' },
        ExpressionAttributeValues: {
          ':type': 'usage',
          ':day': counter.day,
          ':key': counter.keyId,
          ':model': counter.model,
          ':one': 1,
          ':p': tokens?.promptTokens ?? 0,
          ':c': tokens?.completionTokens ?? 0,
        },
      }),
    );
  }

  /** The user's counters from `from` to `to` (UTC days, both included). */
  async between(userId: string, from: string, to: string): Promise<UsageCounter[]> {
    const counters: UsageCounter[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.deps.client.send(
        new QueryCommand({
          TableName: this.deps.tableName,
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': `USER#${userId}`,
            ':from': `USAGE#${from}#`,
            // '~' sorts after '#': every counter of the last day is inside.
            ':to': `USAGE#${to}~`,
          },
          ExclusiveStartKey: cursor,
        }),
      );
      for (const item of page.Items ?? [])
        counters.push({
          day: item.day as string,
          keyId: item.keyId as string,
          model: item.model as string,
          requests: (item.requests as number) ?? 0,
          promptTokens: (item.promptTokens as number) ?? 0,
          completionTokens: (item.completionTokens as number) ?? 0,
        });
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    return counters;
  }
}
