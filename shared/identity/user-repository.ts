import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../clients/dynamodb';
import { isConditionalFailure } from '../db/conditions';
import { ConflictError } from '../errors';
import { newUuid } from '../ids';

export interface User {
  userId: string;
  email: string;
  createdAt: string;
}

const userKey = (userId: string) => ({ PK: `USER#${userId}`, SK: 'PROFILE' });
const emailKey = (email: string) => ({ PK: `EMAIL#${email}`, SK: 'EMAIL' });

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class UserRepository {
  constructor(private readonly deps: RepositoryDeps) {}

  /** Creates a user; the e-mail is unique, enforced by a guard item in the same transaction. */
  async create(emailInput: string, now = new Date()): Promise<User> {
    const email = normalizeEmail(emailInput);
    const user: User = { userId: newUuid(), email, createdAt: now.toISOString() };
    try {
      await this.deps.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.deps.tableName,
                Item: { ...userKey(user.userId), type: 'user', ...user },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: {
                TableName: this.deps.tableName,
                Item: { ...emailKey(email), type: 'user-email', userId: user.userId },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ],
        }),
      );
    } catch (err) {
      if (isConditionalFailure(err))
        throw new ConflictError(`A user with e-mail ${email} already exists`, 'user_exists');
      throw err;
    }
    return user;
  }

  async get(userId: string): Promise<User | undefined> {
    const { Item } = await this.deps.client.send(
      new GetCommand({ TableName: this.deps.tableName, Key: userKey(userId), ConsistentRead: true }),
    );
    return Item ? { userId: Item.userId, email: Item.email, createdAt: Item.createdAt } : undefined;
  }

  async findByEmail(emailInput: string): Promise<User | undefined> {
    const { Item } = await this.deps.client.send(
      new GetCommand({
        TableName: this.deps.tableName,
        Key: emailKey(normalizeEmail(emailInput)),
        ConsistentRead: true,
      }),
    );
    return Item ? this.get(Item.userId as string) : undefined;
  }
}
