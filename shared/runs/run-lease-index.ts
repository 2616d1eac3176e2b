import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../clients/dynamodb';
import { TABLE } from '../db/table-definition';
import { expiredBefore, leaseShardKey } from './run-lease';

export interface ExpiredLease {
  userId: string;
  runId: string;
}

/**
 * The sweeper's read: runs whose lease ended before `now`, from the sparse lease index.
 * Finished runs are not in it and live leases sort after the bound, so a sweep reads only
 * what it has to act on: with nothing to do, one empty query per shard.
 */
export class RunLeaseIndex {
  constructor(private readonly deps: RepositoryDeps) {}

  async expired(shard: number, now: number, limit: number): Promise<ExpiredLease[]> {
    const { Items } = await this.deps.client.send(
      new QueryCommand({
        TableName: this.deps.tableName,
        IndexName: TABLE.gsi2.name,
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :bound',
        ExpressionAttributeValues: { ':pk': leaseShardKey(shard), ':bound': expiredBefore(now) },
        Limit: limit,
      }),
    );
    return (Items ?? [])
      .filter((item) => typeof item.userId === 'string' && typeof item.runId === 'string')
      .map((item) => ({ userId: item.userId as string, runId: item.runId as string }));
  }
}
