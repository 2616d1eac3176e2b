import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../clients/dynamodb';

/**
 * The automation rollout (seed 002: internal users, then 10%, 50%, 100%): an allowlist
 * of user ids plus a percentage. Without the item every user is eligible, so the flag
 * only ever narrows who gets automation; the system switch is AUTOMATION_FEATURE_ENABLED.
 */
export interface RolloutFlag {
  percent: number;
  allow: string[];
  updatedAt: string;
  version: number;
}

const flagKey = { PK: 'FLAG#automation', SK: 'FLAG' };

/** A user's stable bucket, 0–99. Users in the first 10% are also in the first 50%. */
export function rolloutBucket(userId: string): number {
  return createHash('sha256').update(`automation-rollout:${userId}`).digest().readUInt32BE(0) % 100;
}

export function isInRollout(flag: RolloutFlag | undefined, userId: string): boolean {
  if (!flag) return true;
  return flag.allow.includes(userId) || rolloutBucket(userId) < flag.percent;
}

export class RolloutFlagRepository {
  constructor(private readonly deps: RepositoryDeps) {}

  async get(): Promise<RolloutFlag | undefined> {
    const { Item } = await this.deps.client.send(
      new GetCommand({ TableName: this.deps.tableName, Key: flagKey, ConsistentRead: true }),
    );
    if (!Item) return undefined;
    return {
      percent: Number(Item.percent),
      allow: Array.isArray(Item.allow) ? (Item.allow as string[]) : [],
      updatedAt: Item.updatedAt as string,
      version: Number(Item.version ?? 1),
    };
  }

  async set(input: { percent: number; allow: string[] }, now = new Date()): Promise<RolloutFlag> {
    if (!Number.isInteger(input.percent) || input.percent < 0 || input.percent > 100)
      throw new RangeError('percent must be an integer from 0 to 100');
    const current = await this.get();
    const flag: RolloutFlag = {
      percent: input.percent,
      allow: [...new Set(input.allow.map((id) => id.trim()).filter((id) => id !== ''))],
      updatedAt: now.toISOString(),
      version: (current?.version ?? 0) + 1,
    };
    await this.deps.client.send(
      new PutCommand({ TableName: this.deps.tableName, Item: { ...flagKey, type: 'flag', ...flag } }),
    );
    return flag;
  }

  /** Removes the item: every user becomes eligible again. */
  async clear(): Promise<void> {
    await this.deps.client.send(new DeleteCommand({ TableName: this.deps.tableName, Key: flagKey }));
  }
}

/**
 * The flag as one container sees it: read at most once per TTL (the absence of the item
 * is cached too), so a change made with `flag set` applies everywhere within the TTL.
 */
export class CachedRolloutFlag {
  private value: RolloutFlag | undefined;
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<RolloutFlag | undefined> | undefined;

  constructor(
    private readonly repository: Pick<RolloutFlagRepository, 'get'>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<RolloutFlag | undefined> {
    if (this.now() - this.fetchedAt < this.ttlMs) return this.value;
    this.inFlight ??= this.repository
      .get()
      .then((value) => {
        this.value = value;
        this.fetchedAt = this.now();
        return value;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }
}
