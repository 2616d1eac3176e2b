import type { ApiKeyRepository } from './api-key-repository';
import { bearerToken, hashApiKey, looksLikeApiKey } from './api-key-secret';
import type { Identity } from '../http/request';

/**
 * Resolves `Authorization: Bearer <key>` to the caller, or undefined. Missing,
 * malformed, unknown and revoked keys all look the same to the caller, so the answer
 * never reveals whether a key exists. The lookup is by hash only.
 */
export async function authenticate(
  keys: ApiKeyRepository,
  authorizationHeader: string | undefined,
): Promise<Identity | undefined> {
  const token = bearerToken(authorizationHeader);
  if (!token || !looksLikeApiKey(token)) return undefined;
  const found = await keys.findByHash(hashApiKey(token));
  if (!found || found.revokedAt) return undefined;
  await keys.touch(found.userId, found.keyId);
  return { userId: found.userId, keyId: found.keyId, ...(found.limits ? { limits: found.limits } : {}) };
}

/**
 * The policy covers every method of the stage: API Gateway caches it per key and
 * reuses it for whichever route the next request hits.
 */
export function stageWildcardArn(methodArn: string): string {
  // arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/<METHOD>/<path…>
  const [apiArn, stage] = methodArn.split('/');
  return `${apiArn}/${stage}/*/*`;
}
