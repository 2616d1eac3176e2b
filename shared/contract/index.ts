/**
 * The API contract by route-table name, one file per domain as in infra/routes/. Every
 * route in the table has exactly one entry (test/unit/shared/contract/openapi.test.ts).
 */
import { auditContract } from './audit';
import { deploymentContract } from './deployment';
import { engineContract } from './engine';
import { gatewayContract } from './gateway';
import { identityContract } from './identity';
import { integrationsContract } from './integrations';
import { tracesContract } from './traces';
import type { DomainContract } from './types';

export * from './types';

/** The domains in document order; each becomes an OpenAPI tag. */
export const contractsByTag: Readonly<Record<string, DomainContract>> = {
  identity: identityContract,
  gateway: gatewayContract,
  engine: engineContract,
  integrations: integrationsContract,
  traces: tracesContract,
  deployment: deploymentContract,
  audit: auditContract,
};

export const contracts: DomainContract = Object.assign({}, ...Object.values(contractsByTag));
