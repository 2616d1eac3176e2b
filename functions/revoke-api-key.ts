import { defaultRepositoryDeps } from '../shared/clients/dynamodb';
import { http } from '../shared/http/http';
import { pathIdSchema } from '../shared/http/path-id';
import { ApiKeyRepository, apiKeyNotFound, isApiKeyId } from '../shared/identity/api-key-repository';
import { ok } from '../shared/http/response';

const keys = new ApiKeyRepository(defaultRepositoryDeps());

const Path = pathIdSchema('key_id', { wellFormed: isApiKeyId, notFound: apiKeyNotFound });

/** Revokes one of the caller's keys; the authorizer rejects it once its cache entry expires. */
export const handler = http(
  async ({ path, identity, log }) => {
    await keys.revoke(identity.userId, path.key_id);
    log.info('api key revoked', { keyId: path.key_id });
    return ok({ id: path.key_id, revoked: true });
  },
  { schema: { path: Path } },
);
