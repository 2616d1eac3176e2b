import { defaultRepositoryDeps } from '../shared/clients/dynamodb';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';
import { IntegrationRepository } from '../shared/integrations/integration-repository';
import { IntegrationPath } from '../shared/integrations/integration-path';

const integrations = new IntegrationRepository(defaultRepositoryDeps());

/** Plans that still name `custom_<id>` fail that step with an unknown provider from now on. */
export const handler = http(
  async ({ path, identity, log }) => {
    await integrations.delete(identity.userId, path.integration_id);
    log.info('custom integration deleted', { integrationId: path.integration_id });
    return ok({ id: path.integration_id, deleted: true });
  },
  { schema: { path: IntegrationPath } },
);
