import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../../clients/dynamodb';
import { isConditionalFailure } from '../../db/conditions';
import { queryAllByPrefix } from '../../db/query-all';
import type { BackendKind } from '../model-config';
import { SESSION_SK_PREFIX, sessionDueAt, sessionDueKeys } from './session-due-index';

export type SessionOrigin = 'automated' | 'manual';

/** A key's model session for one target model, as the gateway uses it. */
export interface ModelSession {
  /** The upstream session id (Morpheus) or a logical `sess_…` id (direct). */
  sessionId: string;
  keyId: string;
  userId: string;
  targetId: string;
  backend: BackendKind;
  /** The name the session was opened for, as the caller spelled it. */
  requestedModel: string;
  origin: SessionOrigin;
  durationSeconds: number;
  createdAt: string;
  /** Epoch seconds; also the item's TTL attribute. */
  expiresAt: number;
  /** Epoch ms of the last recorded use (recorded at most once a minute per container). */
  lastUsedAt: number;
}

/**
 * One item per API key and target model. `opening` is a lease: whoever wrote it is opening
 * the upstream session and everyone else waits for it, so racing first requests for one
 * model open one session between them. Every write is conditional on the version it read.
 */
export type SessionRecord =
  | { state: 'none' }
  | { state: 'opening'; version: number; leaseUntil: number }
  | { state: 'active'; version: number; session: ModelSession }
  | { state: 'expired'; version: number; session: ModelSession };

const keyPk = (keyId: string) => `APIKEY#${keyId}`;
const sessionKey = (keyId: string, targetId: string) => ({
  PK: keyPk(keyId),
  SK: `${SESSION_SK_PREFIX}${targetId}`,
});

function versionCondition(expectedVersion: number | undefined) {
  return expectedVersion === undefined
    ? { ConditionExpression: 'attribute_not_exists(PK)' }
    : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } };
}

export class SessionRepository {
  /** @param idleMs how long unused before the sweeper closes a session (it decides the index key). */
  constructor(
    private readonly deps: RepositoryDeps,
    private readonly idleMs: number,
  ) {}

  async read(
    keyId: string,
    targetId: string,
    consistent: boolean,
    nowMs = Date.now(),
  ): Promise<SessionRecord> {
    const { Item } = await this.deps.client.send(
      new GetCommand({
        TableName: this.deps.tableName,
        Key: sessionKey(keyId, targetId),
        ConsistentRead: consistent,
      }),
    );
    return Item ? toRecord(Item, nowMs) : { state: 'none' };
  }

  /** Every session item of the key (one strongly consistent query of its partition). */
  async list(keyId: string, nowMs = Date.now()): Promise<Array<{ targetId: string; record: SessionRecord }>> {
    const items = await queryAllByPrefix(this.deps, keyPk(keyId), SESSION_SK_PREFIX, {
      consistentRead: true,
    });
    return items.map((item) => ({
      targetId: String(item.SK).slice(SESSION_SK_PREFIX.length),
      record: toRecord(item, nowMs),
    }));
  }

  /** Takes the opening lease; false if someone else changed the item since `expectedVersion`. */
  async claim(
    keyId: string,
    targetId: string,
    userId: string,
    expectedVersion: number | undefined,
    leaseToken: string,
    leaseUntil: number,
  ): Promise<boolean> {
    return this.conditional(
      new PutCommand({
        TableName: this.deps.tableName,
        Item: {
          ...sessionKey(keyId, targetId),
          type: 'model-session',
          state: 'opening',
          version: (expectedVersion ?? 0) + 1,
          keyId,
          userId,
          targetId,
          leaseToken,
          leaseUntil,
          // An abandoned lease is cleaned up by TTL like any session.
          expiresAt: Math.ceil(leaseUntil / 1000) + 60,
        },
        ...versionCondition(expectedVersion),
      }),
    );
  }

  /** Turns our lease into the active session; false if the lease was lost (it expired and was taken). */
  async activate(session: ModelSession, leaseToken: string, leaseVersion: number): Promise<boolean> {
    return this.conditional(
      new PutCommand({
        TableName: this.deps.tableName,
        Item: this.activeItem(session, leaseVersion + 1),
        ConditionExpression: 'leaseToken = :t',
        ExpressionAttributeValues: { ':t': leaseToken },
      }),
    );
  }

  /**
   * Gives a lease back after a failed open, so the next request can try at once. The
   * session the lease replaced, if any, is put back: it is still open upstream.
   */
  async release(
    keyId: string,
    targetId: string,
    leaseToken: string,
    leaseVersion: number,
    restore?: ModelSession,
  ): Promise<void> {
    const condition = {
      ConditionExpression: 'leaseToken = :t',
      ExpressionAttributeValues: { ':t': leaseToken },
    };
    await this.conditional(
      restore
        ? new PutCommand({
            TableName: this.deps.tableName,
            Item: this.activeItem(restore, leaseVersion + 1),
            ...condition,
          })
        : new DeleteCommand({
            TableName: this.deps.tableName,
            Key: sessionKey(keyId, targetId),
            ...condition,
          }),
    );
  }

  /**
   * Records a use of the session (and moves its idle deadline), if it is still the active
   * one; false when it was closed or replaced in the meantime. Not versioned: a use does
   * not change what the session is.
   */
  async touch(session: ModelSession, usedAt: number): Promise<boolean> {
    const due = sessionDueKeys(
      session.keyId,
      session.targetId,
      sessionDueAt({ ...session, lastUsedAt: usedAt }, this.idleMs),
    );
    try {
      await this.deps.client.send(
        new UpdateCommand({
          TableName: this.deps.tableName,
          Key: sessionKey(session.keyId, session.targetId),
          UpdateExpression: 'SET lastUsedAt = :at, GSI2SK = :sk',
          ConditionExpression: '#state = :active AND sessionId = :sid AND lastUsedAt < :at',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':at': usedAt,
            ':sk': due.GSI2SK,
            ':active': 'active',
            ':sid': session.sessionId,
          },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalFailure(err)) return false;
      throw err;
    }
  }

  /** Deletes the item if it is still at `expectedVersion`. */
  async remove(keyId: string, targetId: string, expectedVersion: number): Promise<boolean> {
    return this.conditional(
      new DeleteCommand({
        TableName: this.deps.tableName,
        Key: sessionKey(keyId, targetId),
        ...versionCondition(expectedVersion),
      }),
    );
  }

  private activeItem(session: ModelSession, version: number): Record<string, unknown> {
    return {
      ...sessionKey(session.keyId, session.targetId),
      ...sessionDueKeys(session.keyId, session.targetId, sessionDueAt(session, this.idleMs)),
      type: 'model-session',
      state: 'active',
      version,
      ...session,
    };
  }

  private async conditional(command: PutCommand | DeleteCommand): Promise<boolean> {
    try {
      await this.deps.client.send(command as PutCommand);
      return true;
    } catch (err) {
      if (isConditionalFailure(err)) return false;
      throw err;
    }
  }
}

function toRecord(item: Record<string, unknown>, nowMs: number): SessionRecord {
  const version = Number(item.version);
  if (item.state === 'opening') return { state: 'opening', version, leaseUntil: Number(item.leaseUntil) };
  const session = toSession(item);
  // TTL deletion lags by up to days, so expiry is decided here, on read.
  return session.expiresAt * 1000 <= nowMs
    ? { state: 'expired', version, session }
    : { state: 'active', version, session };
}

function toSession(item: Record<string, unknown>): ModelSession {
  const createdAt = item.createdAt as string;
  return {
    sessionId: item.sessionId as string,
    keyId: item.keyId as string,
    userId: item.userId as string,
    targetId: item.targetId as string,
    backend: item.backend as BackendKind,
    requestedModel: item.requestedModel as string,
    origin: item.origin === 'manual' ? 'manual' : 'automated',
    durationSeconds: Number(item.durationSeconds),
    createdAt,
    expiresAt: Number(item.expiresAt),
    lastUsedAt: Number(item.lastUsedAt ?? Date.parse(createdAt)),
  };
}
