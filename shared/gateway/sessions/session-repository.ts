import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../../clients/dynamodb';
import { isConditionalFailure } from '../../db/conditions';
import type { BackendKind } from '../model-config';

export type SessionOrigin = 'automated' | 'manual';

/** A key's model session, as the gateway uses it. */
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
}

/**
 * The one item per API key. `opening` is a lease: whoever wrote it is opening the
 * upstream session and everyone else waits for it, so racing first requests open one
 * session between them. Every write is conditional on the version it read.
 */
export type SessionRecord =
  | { state: 'none' }
  | { state: 'opening'; version: number; leaseUntil: number }
  | { state: 'active'; version: number; session: ModelSession }
  | { state: 'expired'; version: number; session: ModelSession };

const sessionKey = (keyId: string) => ({ PK: `APIKEY#${keyId}`, SK: 'SESSION' });

function versionCondition(expectedVersion: number | undefined) {
  return expectedVersion === undefined
    ? { ConditionExpression: 'attribute_not_exists(PK)' }
    : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } };
}

export class SessionRepository {
  constructor(private readonly deps: RepositoryDeps) {}

  async read(keyId: string, consistent: boolean, nowMs = Date.now()): Promise<SessionRecord> {
    const { Item } = await this.deps.client.send(
      new GetCommand({ TableName: this.deps.tableName, Key: sessionKey(keyId), ConsistentRead: consistent }),
    );
    if (!Item) return { state: 'none' };
    const version = Number(Item.version);
    if (Item.state === 'opening') return { state: 'opening', version, leaseUntil: Number(Item.leaseUntil) };
    const session = toSession(Item);
    // TTL deletion lags by up to days, so expiry is decided here, on read.
    return session.expiresAt * 1000 <= nowMs
      ? { state: 'expired', version, session }
      : { state: 'active', version, session };
  }

  /** Takes the opening lease; false if someone else changed the item since `expectedVersion`. */
  async claim(
    keyId: string,
    userId: string,
    expectedVersion: number | undefined,
    leaseToken: string,
    leaseUntil: number,
  ): Promise<boolean> {
    return this.conditional(
      new PutCommand({
        TableName: this.deps.tableName,
        Item: {
          ...sessionKey(keyId),
          type: 'model-session',
          state: 'opening',
          version: (expectedVersion ?? 0) + 1,
          keyId,
          userId,
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
        Item: {
          ...sessionKey(session.keyId),
          type: 'model-session',
          state: 'active',
          version: leaseVersion + 1,
          ...session,
        },
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
            Item: {
              ...sessionKey(keyId),
              type: 'model-session',
              state: 'active',
              version: leaseVersion + 1,
              ...restore,
            },
            ...condition,
          })
        : new DeleteCommand({ TableName: this.deps.tableName, Key: sessionKey(keyId), ...condition }),
    );
  }

  /** Deletes the item if it is still at `expectedVersion`. */
  async remove(keyId: string, expectedVersion: number): Promise<boolean> {
    return this.conditional(
      new DeleteCommand({
        TableName: this.deps.tableName,
        Key: sessionKey(keyId),
        ...versionCondition(expectedVersion),
      }),
    );
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

function toSession(item: Record<string, unknown>): ModelSession {
  return {
    sessionId: item.sessionId as string,
    keyId: item.keyId as string,
    userId: item.userId as string,
    targetId: item.targetId as string,
    backend: item.backend as BackendKind,
    requestedModel: item.requestedModel as string,
    origin: item.origin === 'manual' ? 'manual' : 'automated',
    durationSeconds: Number(item.durationSeconds),
    createdAt: item.createdAt as string,
    expiresAt: Number(item.expiresAt),
  };
}
