import { createDocumentClient } from '../../shared/clients/dynamodb';
import { ApiKeyRepository } from '../../shared/identity/api-key-repository';
import { UserRepository } from '../../shared/identity/user-repository';

export function testRepositoryDeps() {
  return { client: createDocumentClient(), tableName: process.env.TABLE_NAME as string };
}

/** A fresh user with one API key, created the way the admin CLI does it. */
export async function createUserWithKey(label = 'user') {
  const deps = testRepositoryDeps();
  const user = await new UserRepository(deps).create(
    `${label}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`,
  );
  const { record, plaintext } = await new ApiKeyRepository(deps).create(user.userId, 'test');
  return { user, key: plaintext, keyId: record.keyId };
}

export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
