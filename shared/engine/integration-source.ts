import { defaultRepositoryDeps } from '../clients/dynamodb';
import { IntegrationRepository } from '../integrations/integration-repository';
import type { CustomIntegrationSource } from '../providers/registry';

/** Where the engine finds the caller's custom integrations (`custom_<id>` providers). */
export function integrationSource(): CustomIntegrationSource {
  return new IntegrationRepository(defaultRepositoryDeps());
}
