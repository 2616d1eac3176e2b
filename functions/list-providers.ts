import { defaultRepositoryDeps } from '../shared/clients/dynamodb';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';
import { IntegrationRepository } from '../shared/integrations/integration-repository';
import { ProviderListQuery, providerListingFor } from '../shared/providers/registry';

const integrations = new IntegrationRepository(defaultRepositoryDeps());

/**
 * The providers the caller can use in a plan (built-ins, then their custom integrations),
 * params as JSON Schema; `?category=&q=` filter and `?limit=&cursor=` page.
 */
export const handler = http(
  async ({ identity, query }) => ok(await providerListingFor(identity.userId, { integrations }, query)),
  { schema: { query: ProviderListQuery } },
);
