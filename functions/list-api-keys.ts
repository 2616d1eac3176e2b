import { defaultRepositoryDeps } from '../shared/clients/dynamodb';
import { ApiKeyRepository } from '../shared/identity/api-key-repository';
import { apiKeyView } from '../shared/identity/api-key-views';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

const keys = new ApiKeyRepository(defaultRepositoryDeps());

export const handler = http(async ({ identity }) => {
  const records = await keys.listActive(identity.userId);
  return ok({ object: 'list', data: records.map(apiKeyView) });
});
