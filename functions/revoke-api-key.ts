import { defaultRepositoryDeps } from '../shared/clients/dynamodb';
import { http } from '../shared/http/http';
import { ApiKeyRepository } from '../shared/identity/api-key-repository';
import { ApiKeyPath } from '../shared/identity/api-key-schemas';
import { ok } from '../shared/http/response';

const keys = new ApiKeyRepository(defaultRepositoryDeps());

/** Revokes one of the caller's keys; the authorizer rejects it once its cache entry expires. */
export const handler = http(
  async ({ path, identity, log }) => {
    await keys.revoke(identity.userId, path.key_id);
    log.info('api key revoked', { keyId: path.key_id });
    return ok({ id: path.key_id, revoked: true });
  },
  { schema: { path: ApiKeyPath } },
);
