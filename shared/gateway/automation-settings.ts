import { setTimeout as sleep } from 'node:timers/promises';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../clients/dynamodb';
import { isConditionalFailure } from '../db/conditions';
import { ConflictError } from '../errors';

/** Seed 000: one settings record per user. */
export interface AutomationSettings {
  userId: string;
  isEnabled: boolean;
  sessionDuration: number;
  createdAt: string;
  updatedAt: string;
  /** Bumped by every write; writes are conditional on it, so concurrent updates never get lost. */
  version: number;
}

export interface AutomationSettingsPatch {
  isEnabled?: boolean;
  sessionDuration?: number;
}

/** What update() wrote, and whether automation applied before it (the adoption metric counts flips). */
export interface AutomationSettingsUpdate extends AutomationSettings {
  /** The stored value the write replaced, or the default for a user who had none. */
  wasEnabled: boolean;
}

export interface SettingsDefaults {
  isEnabled: boolean;
  sessionDuration: number;
}

export const SESSION_DURATION_MIN = 60;
export const SESSION_DURATION_MAX = 86_400;

const settingsKey = (userId: string) => ({ PK: `USER#${userId}`, SK: 'SETTINGS#automation' });

/** How often a write that lost a race re-reads and tries again before answering 409. */
const MAX_WRITE_ATTEMPTS = 10;

export function settingsView(s: AutomationSettings) {
  return {
    user_id: s.userId,
    is_enabled: s.isEnabled,
    session_duration: s.sessionDuration,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

export class AutomationSettingsRepository {
  constructor(
    private readonly deps: RepositoryDeps,
    private readonly defaults: SettingsDefaults,
  ) {}

  /** The stored record, or undefined for a user who never saved (or read) settings. */
  async find(userId: string, consistent = false): Promise<AutomationSettings | undefined> {
    const { Item } = await this.deps.client.send(
      new GetCommand({
        TableName: this.deps.tableName,
        Key: settingsKey(userId),
        ConsistentRead: consistent,
      }),
    );
    return Item ? toSettings(Item) : undefined;
  }

  /** What applies to a user: the stored record or the defaults (not stored). */
  async effective(userId: string): Promise<SettingsDefaults> {
    const found = await this.find(userId);
    return found ? { isEnabled: found.isEnabled, sessionDuration: found.sessionDuration } : this.defaults;
  }

  /** The record, created with the defaults on first read so `created_at` is real. */
  async getOrCreate(userId: string, now = new Date()): Promise<AutomationSettings> {
    const existing = await this.find(userId, true);
    if (existing) return existing;
    const fresh = this.fresh(userId, now);
    try {
      await this.put(fresh, undefined);
      return fresh;
    } catch (err) {
      if (!isConditionalFailure(err)) throw err;
      // Another request created it first; theirs is the record.
      return (await this.find(userId, true)) ?? fresh;
    }
  }

  /** Applies a partial update with optimistic concurrency: read, merge, write if unchanged, else retry. */
  async update(
    userId: string,
    patch: AutomationSettingsPatch,
    now = new Date(),
  ): Promise<AutomationSettingsUpdate> {
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const current = await this.find(userId, true);
      const base = current ?? this.fresh(userId, now);
      const next: AutomationSettings = {
        ...base,
        ...(patch.isEnabled === undefined ? {} : { isEnabled: patch.isEnabled }),
        ...(patch.sessionDuration === undefined ? {} : { sessionDuration: patch.sessionDuration }),
        updatedAt: now.toISOString(),
        version: (current?.version ?? 0) + 1,
      };
      try {
        await this.put(next, current?.version);
        return { ...next, wasEnabled: base.isEnabled };
      } catch (err) {
        if (!isConditionalFailure(err)) throw err;
        // Jittered, growing pauses spread the losers out so they stop colliding.
        await sleep(Math.random() * 20 * (attempt + 1));
      }
    }
    throw new ConflictError(
      'Settings are being changed concurrently; retry the request',
      'concurrent_update',
    );
  }

  private fresh(userId: string, now: Date): AutomationSettings {
    const at = now.toISOString();
    return { userId, ...this.defaults, createdAt: at, updatedAt: at, version: 1 };
  }

  private async put(settings: AutomationSettings, expectedVersion: number | undefined): Promise<void> {
    await this.deps.client.send(
      new PutCommand({
        TableName: this.deps.tableName,
        Item: { ...settingsKey(settings.userId), type: 'automation-settings', ...settings },
        ...(expectedVersion === undefined
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } }),
      }),
    );
  }
}

function toSettings(item: Record<string, unknown>): AutomationSettings {
  return {
    userId: item.userId as string,
    isEnabled: item.isEnabled === true,
    sessionDuration: Number(item.sessionDuration),
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
    version: Number(item.version ?? 1),
  };
}
