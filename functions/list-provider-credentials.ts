import { credentialView } from '../shared/credentials/credential-service';
import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

/** The caller's credentials: provider, type and last 4 characters, never a value. */
export const handler = http(async ({ identity }) => {
  const records = await engineRuntime().credentials.list(identity.userId);
  return ok({ total: records.length, credentials: records.map(credentialView) });
});
