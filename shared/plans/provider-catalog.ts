import { resolveProvider, type CustomIntegrationSource } from '../providers/registry';
import type { ProviderCatalog } from './plan-validation';

/** The registry plus the user's own custom integrations, as the plans and the engine see them. */
export function providerCatalog(integrations: CustomIntegrationSource): ProviderCatalog {
  return { find: (name, userId) => resolveProvider(name, userId, { integrations }) };
}
