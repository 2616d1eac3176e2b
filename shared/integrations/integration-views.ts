import { customProviderName } from '../providers/custom';
import type { IntegrationRecord } from './integration-repository';

/** The API shape of an integration; `provider` is the name plans use for it. */
export function integrationView(record: IntegrationRecord) {
  return {
    id: record.id,
    provider: customProviderName(record.id),
    name: record.name,
    ...(record.description ? { description: record.description } : {}),
    base_url: record.baseUrl,
    auth: record.auth,
    default_headers: record.defaultHeaders,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  };
}
