import { defaultRepositoryDeps } from '../shared/clients/dynamodb';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';
import { IntegrationRepository } from '../shared/integrations/integration-repository';
import { IntegrationPath } from '../shared/integrations/integration-path';
import { integrationView } from '../shared/integrations/integration-views';

const integrations = new IntegrationRepository(defaultRepositoryDeps());

export const handler = http(
  async ({ path, identity }) =>
    ok(integrationView(await integrations.get(identity.userId, path.integration_id))),
  { schema: { path: IntegrationPath } },
);
