import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../clients/dynamodb';
import { isConditionalFailure } from '../db/conditions';
import { queryAllByPrefix } from '../db/query-all';
import { ConflictError, NotFoundError } from '../errors';
import { credentialSortKey, newCredentialId, parseCredentialId } from './credential-ids';

/** What is stored: the KMS ciphertext and the last 4 characters, never the value. */
export interface CredentialRecord {
  credentialId: string;
  userId: string;
  provider: string;
  credentialType: string;
  name?: string;
  ciphertext: string;
  last4: string;
  createdAt: string;
  updatedAt: string;
}

export const credentialNotFound = () => new NotFoundError('Credential not found', 'credential_not_found');

const key = (userId: string, provider: string, credentialType: string) => ({
  PK: `USER#${userId}`,
  SK: credentialSortKey(provider, credentialType),
});

/** USER#<uid> / CRED#<provider>#<type>: at most one credential per (user, provider, type). */
export class CredentialRepository {
  constructor(private readonly deps: RepositoryDeps) {}

  async create(
    input: Omit<CredentialRecord, 'credentialId' | 'createdAt' | 'updatedAt'>,
    now = new Date(),
  ): Promise<CredentialRecord> {
    const record: CredentialRecord = {
      ...input,
      credentialId: newCredentialId(input.provider, input.credentialType),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    try {
      await this.deps.client.send(
        new PutCommand({
          TableName: this.deps.tableName,
          Item: {
            ...key(record.userId, record.provider, record.credentialType),
            type: 'credential',
            ...record,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (err) {
      if (isConditionalFailure(err)) {
        throw new ConflictError(
          `A credential of type ${input.credentialType} for provider ${input.provider} already exists; rotate it with PUT`,
          'credential_exists',
        );
      }
      throw err;
    }
    return record;
  }

  /** The credential a step needs, read in the run user's own partition. */
  async findFor(
    userId: string,
    provider: string,
    credentialType: string,
  ): Promise<CredentialRecord | undefined> {
    const { Item } = await this.deps.client.send(
      new GetCommand({ TableName: this.deps.tableName, Key: key(userId, provider, credentialType) }),
    );
    return Item ? fromItem(Item) : undefined;
  }

  async getById(userId: string, credentialId: string): Promise<CredentialRecord | undefined> {
    const parts = parseCredentialId(credentialId);
    if (!parts) return undefined;
    const found = await this.findFor(userId, parts.provider, parts.credentialType);
    return found?.credentialId === credentialId ? found : undefined;
  }

  async list(userId: string): Promise<CredentialRecord[]> {
    const items = await queryAllByPrefix(this.deps, `USER#${userId}`, 'CRED#');
    const records = items.map(fromItem);
    return records;
  }

  /** Replaces the ciphertext of the credential with this id (and only that one). */
  async rotate(
    userId: string,
    credentialId: string,
    update: { ciphertext: string; last4: string; name?: string },
    now = new Date(),
  ): Promise<CredentialRecord> {
    const parts = parseCredentialId(credentialId);
    if (!parts) throw credentialNotFound();
    try {
      const { Attributes } = await this.deps.client.send(
        new UpdateCommand({
          TableName: this.deps.tableName,
          Key: key(userId, parts.provider, parts.credentialType),
          UpdateExpression: `SET ciphertext = :c, last4 = :l, updatedAt = :now${update.name === undefined ? '' : ', #name = :name'}`,
          ConditionExpression: 'credentialId = :id',
          ExpressionAttributeValues: {
            ':c': update.ciphertext,
            ':l': update.last4,
            ':now': now.toISOString(),
            ':id': credentialId,
            ...(update.name === undefined ? {} : { ':name': update.name }),
          },
          ...(update.name === undefined ? {} : { ExpressionAttributeNames: { '#name': 'name' } }),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return fromItem(Attributes ?? {});
    } catch (err) {
      if (isConditionalFailure(err)) throw credentialNotFound();
      throw err;
    }
  }

  async delete(userId: string, credentialId: string): Promise<void> {
    const parts = parseCredentialId(credentialId);
    if (!parts) throw credentialNotFound();
    try {
      await this.deps.client.send(
        new DeleteCommand({
          TableName: this.deps.tableName,
          Key: key(userId, parts.provider, parts.credentialType),
          ConditionExpression: 'credentialId = :id',
          ExpressionAttributeValues: { ':id': credentialId },
        }),
      );
    } catch (err) {
      if (isConditionalFailure(err)) throw credentialNotFound();
      throw err;
    }
  }
}

function fromItem(item: Record<string, unknown>): CredentialRecord {
  return {
    credentialId: item.credentialId as string,
    userId: item.userId as string,
    provider: item.provider as string,
    credentialType: item.credentialType as string,
    ...(typeof item.name === 'string' ? { name: item.name } : {}),
    ciphertext: item.ciphertext as string,
    last4: item.last4 as string,
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
  };
}
