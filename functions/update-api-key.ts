import { defaultRepositoryDeps } from '../shared/clients/dynamodb';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';
import { ApiKeyRepository } from '../shared/identity/api-key-repository';
import { ApiKeyPath, UpdateApiKeyBody } from '../shared/identity/api-key-schemas';
import { apiKeyView } from '../shared/identity/api-key-views';
import { applyLimits } from '../shared/identity/key-limits';

const keys = new ApiKeyRepository(defaultRepositoryDeps());

/**
 * Renames one of the caller's keys or changes its limits. Requests keep the old limits
 * until the authorizer's cached result for the key expires (at most 30 s).
 */
export const handler = http(
  async ({ path, body, identity, log }) => {
    const record = await keys.update(identity.userId, path.key_id, (current) => ({
      ...(body.name === undefined ? {} : { name: body.name }),
      limits: body.limits === undefined ? current.limits : applyLimits(current.limits, body.limits),
    }));
    log.info('api key updated', { keyId: path.key_id, limits: record.limits ?? null });
    return ok(apiKeyView(record));
  },
  { schema: { path: ApiKeyPath, body: UpdateApiKeyBody } },
);
