import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RepositoryDeps } from '../../shared/clients/dynamodb';
import { env } from '../../shared/config/env';
import { ConflictError } from '../../shared/errors';
import { AutomationSettingsRepository } from '../../shared/gateway/automation-settings';
import { ApiKeyRepository } from '../../shared/identity/api-key-repository';
import { hashApiKey } from '../../shared/identity/api-key-secret';
import { UserRepository } from '../../shared/identity/user-repository';

export const DEMO_EMAIL = 'demo@flowgate.local';

export interface DemoUser {
  userId: string;
  email: string;
  key: string;
  created: boolean;
}

function readKeyFile(file: string | undefined): string | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The demo user is created on first start and reused afterwards. Only a key's hash is
 * in the table, so the demo key's plaintext is kept in a 0600 file under `.local/`
 * (local development only); if that key is gone or revoked, a new one is issued.
 * Its automation starts on, so its first chat opens a model session; a choice it saved
 * later (PUT /api/v1/automation/settings) is kept.
 */
export async function ensureDemoUser(deps: RepositoryDeps, keyFile: string | undefined): Promise<DemoUser> {
  const users = new UserRepository(deps);
  const keys = new ApiKeyRepository(deps);
  let created = false;
  let user = await users.findByEmail(DEMO_EMAIL);
  if (!user) {
    try {
      user = await users.create(DEMO_EMAIL);
      created = true;
    } catch (err) {
      // Another stack on the same table created it a moment ago (test stacks share one).
      if (!(err instanceof ConflictError)) throw err;
      user = await users.findByEmail(DEMO_EMAIL);
      if (!user) throw err;
    }
  }
  await new AutomationSettingsRepository(deps, {
    isEnabled: true,
    sessionDuration: env.DEFAULT_SESSION_EXPIRATION,
  }).getOrCreate(user.userId);
  const saved = readKeyFile(keyFile);
  if (saved) {
    const found = await keys.findByHash(hashApiKey(saved));
    if (found && !found.revokedAt && found.userId === user.userId) {
      return { userId: user.userId, email: user.email, key: saved, created };
    }
  }
  const { plaintext } = await keys.create(user.userId, 'demo');
  if (keyFile) {
    mkdirSync(path.dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, plaintext + '\n', { mode: 0o600 });
  }
  return { userId: user.userId, email: user.email, key: plaintext, created };
}
