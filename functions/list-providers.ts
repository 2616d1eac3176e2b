import { defaultRepositoryDeps } from '../shared/clients/dynamodb';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';
import { IntegrationRepository } from '../shared/integrations/integration-repository';
import { providerListingFor } from '../shared/providers/registry';

const integrations = new IntegrationRepository(defaultRepositoryDeps());

/** Every provider the caller can use in a plan (built-ins, then their custom integrations), params as JSON Schema. */
export const handler = http(async ({ identity }) =>
  ok(await providerListingFor(identity.userId, { integrations })),
);
