/**
 * Who did what, when: deploys, deployment status changes, deletions of automations,
 * credential creation and deletion, and runs Flowgate ended because their executor was lost. One item per entry under the user it concerns,
 * USER#<uid> / AUDIT#<iso time>#<id>, newest first on read, expired after the retention.
 *
 * Entries never carry secrets: details hold ids, names and statuses only.
 *
 * Recording happens after the change took effect. If the audit write then fails the change
 * stands (undoing a deploy because its log line failed would be worse); the failure is
 * logged at error level with the whole entry, so it can be alerted on and restored.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { defaultRepositoryDeps, type RepositoryDeps } from '../clients/dynamodb';
import { env } from '../config/env';
import { logger, type Logger } from '../logger';
import { decodeCursor, encodeCursor } from '../plans/page-cursor';
import type { Page } from '../plans/plan-repository';
import { newSortableId } from '../runs/sortable-id';

export type AuditAction =
  | 'automation.deploy'
  | 'automation.status_change'
  | 'automation.delete'
  | 'plan.schedule'
  | 'plan.unschedule'
  | 'plan.delete'
  | 'credential.create'
  | 'credential.rotate'
  | 'credential.delete'
  | 'run.abandoned';

/** A caller (by API key) or Flowgate itself (e.g. the scheduler marking a trace failed). */
export type AuditActor = { type: 'user'; userId: string; keyId?: string } | { type: 'system'; name: string };

export interface AuditTarget {
  type: 'trace' | 'plan' | 'credential' | 'run';
  id: string;
}

export interface AuditInput {
  /** Whose log the entry goes to. */
  userId: string;
  actor: AuditActor;
  action: AuditAction;
  target: AuditTarget;
  details?: Record<string, string | number | boolean | null>;
}

export interface AuditEntry extends AuditInput {
  auditId: string;
  at: string;
}

const nowSeconds = (ms: number) => Math.floor(ms / 1000);

export class AuditLog {
  constructor(
    private readonly deps: RepositoryDeps & { log: Logger; retentionDays: number },
    private readonly clock: () => number = Date.now,
  ) {}

  /** Writes the entry; never throws (see the module comment). */
  async record(input: AuditInput): Promise<AuditEntry> {
    const now = this.clock();
    const entry: AuditEntry = {
      ...input,
      auditId: newSortableId('audit', now),
      at: new Date(now).toISOString(),
    };
    try {
      await this.deps.client.send(
        new PutCommand({
          TableName: this.deps.tableName,
          Item: {
            PK: `USER#${input.userId}`,
            SK: `AUDIT#${entry.at}#${entry.auditId}`,
            type: 'audit',
            ...entry,
            expiresAt: nowSeconds(now) + this.deps.retentionDays * 86_400,
          },
        }),
      );
    } catch (err) {
      this.deps.log.error('audit entry could not be written', { audit: entry, error: err as Error });
    }
    return entry;
  }

  /** The user's entries, newest first; expired ones are never shown. */
  async list(userId: string, limit: number, cursor?: string): Promise<Page<AuditEntry>> {
    const pk = `USER#${userId}`;
    const page = await this.deps.client.send(
      new QueryCommand({
        TableName: this.deps.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        FilterExpression: 'expiresAt > :now',
        ExpressionAttributeValues: { ':pk': pk, ':sk': 'AUDIT#', ':now': nowSeconds(this.clock()) },
        ExclusiveStartKey: decodeCursor(cursor, { PK: pk }, { SK: 'AUDIT#' }),
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    const items = (page.Items ?? []).map((item): AuditEntry => {
      const { PK: _pk, SK: _sk, type: _type, expiresAt: _exp, ...entry } = item;
      return entry as AuditEntry;
    });
    return { items, nextCursor: encodeCursor(page.LastEvaluatedKey) };
  }
}

/** The JSON of `GET /api/audit`. */
export function auditView(entry: AuditEntry) {
  return {
    id: entry.auditId,
    at: entry.at,
    action: entry.action,
    actor:
      entry.actor.type === 'user'
        ? { type: 'user', user_id: entry.actor.userId, key_id: entry.actor.keyId ?? null }
        : { type: 'system', name: entry.actor.name },
    target: entry.target,
    details: entry.details ?? {},
  };
}

let cached: AuditLog | undefined;

/** The function's audit log on the cached DynamoDB client, built on first use. */
export function auditLog(): AuditLog {
  cached ??= new AuditLog({
    ...defaultRepositoryDeps(),
    log: logger,
    retentionDays: env.AUDIT_RETENTION_DAYS,
  });
  return cached;
}

/** The actor for a request made with an API key. */
export const userActor = (identity: { userId: string; keyId: string }): AuditActor => ({
  type: 'user',
  userId: identity.userId,
  keyId: identity.keyId,
});
