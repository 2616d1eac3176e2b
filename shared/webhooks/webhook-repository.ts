import { BatchGetCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../clients/dynamodb';
import { isConditionalFailure } from '../db/conditions';
import { NotFoundError } from '../errors';
import { pathIdSchema } from '../http/path-id';
import { PlanRepository, planFromItem, planNotFound, type PlanRecord } from '../plans/plan-repository';
import { verificationFromItem, type WebhookVerification } from './verification/verification-modes';
import { isWebhookToken } from './webhook-secrets';

export interface WebhookRecord {
  tokenHash: string;
  userId: string;
  planId: string;
  /** KMS ciphertext of the mode's secret; absent when the webhook takes the token alone. */
  secretCiphertext?: string;
  /** Absent on webhooks created before modes existed (see verificationOf). */
  verification?: WebhookVerification;
  createdAt: string;
}

export const webhookNotFound = () => new NotFoundError('Webhook not found', 'webhook_not_found');

/** `{token}` of `POST /api/webhook/{token}`: anything but a minted token is an unknown webhook. */
export const WebhookTokenPath = pathIdSchema('token', {
  wellFormed: isWebhookToken,
  notFound: webhookNotFound,
});

/*
 * WEBHOOK#<sha256(token)> / WEBHOOK, and the plan item holds the same hash so deleting
 * the plan (or rotating the webhook) finds it. Storing the hash, not the token, means a
 * copy of the table does not give anyone a callable URL.
 */
const webhookKey = (tokenHash: string) => ({ PK: `WEBHOOK#${tokenHash}`, SK: 'WEBHOOK' });

const MAX_BATCH_ATTEMPTS = 5;

function webhookFromItem(tokenHash: string, item: Record<string, unknown>): WebhookRecord {
  const verification = verificationFromItem(item.verification);
  return {
    tokenHash,
    userId: item.userId as string,
    planId: item.planId as string,
    ...(typeof item.secretCiphertext === 'string' ? { secretCiphertext: item.secretCiphertext } : {}),
    ...(verification ? { verification } : {}),
    createdAt: item.createdAt as string,
  };
}

export class WebhookRepository {
  constructor(private readonly deps: RepositoryDeps) {}

  async find(tokenHash: string): Promise<WebhookRecord | undefined> {
    const { Item } = await this.deps.client.send(
      new GetCommand({ TableName: this.deps.tableName, Key: webhookKey(tokenHash) }),
    );
    return Item ? webhookFromItem(tokenHash, Item) : undefined;
  }

  /**
   * The webhook and the plan its token names, read in one request. Only a matching pair
   * counts: the webhook bound to exactly that plan, and the plan bound to this webhook.
   */
  async findWithPlan(
    tokenHash: string,
    address: { userId: string; planId: string },
  ): Promise<{ webhook: WebhookRecord; plan: PlanRecord } | undefined> {
    const table = this.deps.tableName;
    let keys: Record<string, unknown>[] = [
      webhookKey(tokenHash),
      PlanRepository.key(address.userId, address.planId),
    ];
    const items: Record<string, unknown>[] = [];
    // BatchGet may leave keys unprocessed under throttling; they are asked for again.
    for (let attempt = 0; keys.length > 0; attempt++) {
      if (attempt === MAX_BATCH_ATTEMPTS) throw new Error('The webhook and its plan could not be read');
      if (attempt > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      const answer = await this.deps.client.send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true } } }),
      );
      items.push(...(answer.Responses?.[table] ?? []));
      keys = answer.UnprocessedKeys?.[table]?.Keys ?? [];
    }
    const hookItem = items.find((i) => i.type === 'webhook');
    const planItem = items.find((i) => i.type === 'plan');
    if (!hookItem || !planItem) return undefined;
    const webhook = webhookFromItem(tokenHash, hookItem);
    const plan = planFromItem(planItem);
    const bound =
      webhook.userId === address.userId &&
      webhook.planId === address.planId &&
      plan.userId === address.userId &&
      plan.webhookTokenHash === tokenHash;
    return bound ? { webhook, plan } : undefined;
  }

  /** Binds a new webhook to the plan, replacing (and deleting) the one it had, in one transaction. */
  async attach(record: WebhookRecord, previousHash: string | undefined): Promise<void> {
    const table = this.deps.tableName;
    try {
      await this.deps.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: table,
                Item: { ...webhookKey(record.tokenHash), type: 'webhook', ...record },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Update: {
                TableName: table,
                Key: PlanRepository.key(record.userId, record.planId),
                UpdateExpression: 'SET webhookTokenHash = :new',
                ConditionExpression: previousHash
                  ? 'webhookTokenHash = :old'
                  : 'attribute_exists(PK) AND attribute_not_exists(webhookTokenHash)',
                ExpressionAttributeValues: {
                  ':new': record.tokenHash,
                  ...(previousHash ? { ':old': previousHash } : {}),
                },
              },
            },
            ...(previousHash ? [{ Delete: { TableName: table, Key: webhookKey(previousHash) } }] : []),
          ],
        }),
      );
    } catch (err) {
      // The plan was deleted, or another request changed its webhook meanwhile.
      if (isConditionalFailure(err)) throw planNotFound();
      throw err;
    }
  }

  async detach(userId: string, planId: string, tokenHash: string): Promise<void> {
    try {
      await this.deps.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName: this.deps.tableName, Key: webhookKey(tokenHash) } },
            {
              Update: {
                TableName: this.deps.tableName,
                Key: PlanRepository.key(userId, planId),
                UpdateExpression: 'REMOVE webhookTokenHash',
                ConditionExpression: 'webhookTokenHash = :hash',
                ExpressionAttributeValues: { ':hash': tokenHash },
              },
            },
          ],
        }),
      );
    } catch (err) {
      if (isConditionalFailure(err)) throw webhookNotFound();
      throw err;
    }
  }

  /** Deletes the plan and its webhook together. */
  async deletePlanWith(userId: string, planId: string, tokenHash: string | undefined): Promise<void> {
    try {
      await this.deps.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.deps.tableName,
                Key: PlanRepository.key(userId, planId),
                ConditionExpression: tokenHash
                  ? 'webhookTokenHash = :hash'
                  : 'attribute_exists(PK) AND attribute_not_exists(webhookTokenHash)',
                ...(tokenHash ? { ExpressionAttributeValues: { ':hash': tokenHash } } : {}),
              },
            },
            ...(tokenHash
              ? [{ Delete: { TableName: this.deps.tableName, Key: webhookKey(tokenHash) } }]
              : []),
          ],
        }),
      );
    } catch (err) {
      if (isConditionalFailure(err)) throw planNotFound();
      throw err;
    }
  }
}
