/*
 * When each model session is due to be closed, for the sweeper: the sparse GSI2 that also
 * holds run leases (under other partition keys). Only active sessions carry its keys, in
 * one of a few shards; GSI2SK sorts by the time the session is due (idle since too long,
 * or expired), so "every session due now" is one key-range query per shard. The table's
 * own keys are projected into every index: they name the session to read.
 */
import { createHash } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../../clients/dynamodb';
import { sortableMs } from '../../db/sortable-time';
import { TABLE } from '../../db/table-definition';

export const SESSION_SHARDS = 4;

const shardKey = (shard: number) => `SESSIONDUE#${shard}`;

function shardOf(keyId: string, targetId: string): number {
  return createHash('sha256').update(`${keyId}|${targetId}`).digest()[0]! % SESSION_SHARDS;
}

/** When a session is closed: idle for `idleMs` since its last use, or at its expiry. */
export function sessionDueAt(session: { lastUsedAt: number; expiresAt: number }, idleMs: number): number {
  return Math.min(session.lastUsedAt + idleMs, session.expiresAt * 1000);
}

export function sessionDueKeys(keyId: string, targetId: string, dueAt: number) {
  return { GSI2PK: shardKey(shardOf(keyId, targetId)), GSI2SK: `${sortableMs(dueAt)}#${keyId}#${targetId}` };
}

export interface DueSession {
  keyId: string;
  targetId: string;
}

export class SessionDueIndex {
  constructor(private readonly deps: RepositoryDeps) {}

  /** Sessions due before `now` in one shard (what the index says; the sweeper re-reads each). */
  async due(shard: number, now: number, limit: number): Promise<DueSession[]> {
    const { Items } = await this.deps.client.send(
      new QueryCommand({
        TableName: this.deps.tableName,
        IndexName: TABLE.gsi2.name,
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :bound',
        ExpressionAttributeValues: { ':pk': shardKey(shard), ':bound': `${sortableMs(now)}#` },
        Limit: limit,
      }),
    );
    return (Items ?? []).flatMap((item) => {
      const pk = String(item.PK ?? '');
      const sk = String(item.SK ?? '');
      if (!pk.startsWith('APIKEY#') || !sk.startsWith(SESSION_SK_PREFIX)) return [];
      return [{ keyId: pk.slice('APIKEY#'.length), targetId: sk.slice(SESSION_SK_PREFIX.length) }];
    });
  }
}

/** A session's sort key in its API key's partition: one per target model. */
export const SESSION_SK_PREFIX = 'SESSION#';
