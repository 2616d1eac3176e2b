import { defaultRepositoryDeps } from '../shared/clients/dynamodb';
import { ApiKeyRepository } from '../shared/identity/api-key-repository';
import { CreateApiKeyBody } from '../shared/identity/api-key-schemas';
import { apiKeyView } from '../shared/identity/api-key-views';
import { applyLimits } from '../shared/identity/key-limits';
import { http } from '../shared/http/http';
import { created } from '../shared/http/response';

const keys = new ApiKeyRepository(defaultRepositoryDeps());

/** Issues a new key for the caller. The plaintext is in this response and nowhere else, ever. */
export const handler = http(
  async ({ body, identity, log }) => {
    const { record, plaintext } = await keys.create(
      identity.userId,
      body.name,
      new Date(),
      body.limits ? applyLimits(undefined, body.limits) : undefined,
    );
    log.info('api key created', { keyId: record.keyId });
    return created({ ...apiKeyView(record), key: plaintext });
  },
  { schema: { body: CreateApiKeyBody } },
);
