import { defaultRepositoryDeps } from '../shared/clients/dynamodb';
import { http } from '../shared/http/http';
import { created } from '../shared/http/response';
import { IntegrationRepository } from '../shared/integrations/integration-repository';
import { IntegrationBody } from '../shared/integrations/integration-schema';
import { integrationView } from '../shared/integrations/integration-views';

const integrations = new IntegrationRepository(defaultRepositoryDeps());

/** Registers a user-defined HTTP API; plans call it as provider `custom_<id>`. */
export const handler = http(
  async ({ body, identity, log }) => {
    const record = await integrations.create(identity.userId, body);
    log.info('custom integration created', { integrationId: record.id, authType: record.auth.type });
    return created(integrationView(record));
  },
  { schema: { body: IntegrationBody } },
);
