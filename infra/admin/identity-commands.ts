import type { RepositoryDeps } from '../../shared/clients/dynamodb';
import { ApiKeyRepository } from '../../shared/identity/api-key-repository';
import { UserRepository, type User } from '../../shared/identity/user-repository';

export interface CommandIo {
  out(line: string): void;
}

export class UsageError extends Error {}

async function findUser(users: UserRepository, flags: { email?: string; user?: string }): Promise<User> {
  const user = flags.user
    ? await users.get(flags.user)
    : flags.email
      ? await users.findByEmail(flags.email)
      : undefined;
  if (!flags.user && !flags.email) throw new UsageError('Pass --email or --user');
  if (!user) throw new UsageError(`No such user: ${flags.user ?? flags.email}`);
  return user;
}

export async function createUser(
  deps: RepositoryDeps,
  flags: { email?: string; name?: string },
  io: CommandIo,
) {
  if (!flags.email) throw new UsageError('create-user needs --email');
  const user = await new UserRepository(deps).create(flags.email);
  const { record, plaintext } = await new ApiKeyRepository(deps).create(user.userId, flags.name ?? 'default');
  io.out(`user   ${user.userId} <${user.email}>`);
  io.out(`key id ${record.keyId}`);
  io.out(`key    ${plaintext}`);
  io.out('The key is shown only this once. Store it now.');
}

export async function createKey(
  deps: RepositoryDeps,
  flags: { email?: string; user?: string; name?: string },
  io: CommandIo,
) {
  const user = await findUser(new UserRepository(deps), flags);
  const { record, plaintext } = await new ApiKeyRepository(deps).create(user.userId, flags.name ?? 'default');
  io.out(`key id ${record.keyId} for ${user.email}`);
  io.out(`key    ${plaintext}`);
  io.out('The key is shown only this once. Store it now.');
}

export async function revokeKey(
  deps: RepositoryDeps,
  flags: { email?: string; user?: string; key?: string },
  io: CommandIo,
) {
  if (!flags.key) throw new UsageError('revoke-key needs --key <key id>');
  const user = await findUser(new UserRepository(deps), flags);
  await new ApiKeyRepository(deps).revoke(user.userId, flags.key);
  io.out(`revoked ${flags.key} of ${user.email}; cached authorizations end within 30 s`);
}

export async function listKeys(
  deps: RepositoryDeps,
  flags: { email?: string; user?: string },
  io: CommandIo,
) {
  const user = await findUser(new UserRepository(deps), flags);
  for (const k of await new ApiKeyRepository(deps).listActive(user.userId)) {
    io.out(
      `${k.keyId}  ${k.prefix}…  ${k.name}  created ${k.createdAt}  last used ${k.lastUsedAt ?? 'never'}`,
    );
  }
}
