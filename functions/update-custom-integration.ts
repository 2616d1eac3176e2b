import { defaultRepositoryDeps } from '../shared/clients/dynamodb';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';
import { IntegrationRepository } from '../shared/integrations/integration-repository';
import { IntegrationPath } from '../shared/integrations/integration-path';
import { IntegrationBody } from '../shared/integrations/integration-schema';
import { integrationView } from '../shared/integrations/integration-views';

const integrations = new IntegrationRepository(defaultRepositoryDeps());

/** Replaces the integration; its id (and so its provider name and stored credential) stays. */
export const handler = http(
  async ({ path, body, identity, log }) => {
    const record = await integrations.update(identity.userId, path.integration_id, body);
    log.info('custom integration updated', { integrationId: record.id, authType: record.auth.type });
    return ok(integrationView(record));
  },
  { schema: { path: IntegrationPath, body: IntegrationBody } },
);
