import { defaultRepositoryDeps } from '../shared/clients/dynamodb';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';
import { IntegrationRepository } from '../shared/integrations/integration-repository';
import { integrationView } from '../shared/integrations/integration-views';

const integrations = new IntegrationRepository(defaultRepositoryDeps());

export const handler = http(async ({ identity }) => {
  const records = await integrations.list(identity.userId);
  return ok({ total: records.length, integrations: records.map(integrationView) });
});
