import type { ApiKeyRecord } from './api-key-repository';
import { limitsView } from './key-limits';

/** The public JSON shape of a key. Never includes the hash. */
export function apiKeyView(record: ApiKeyRecord) {
  return {
    id: record.keyId,
    name: record.name,
    prefix: record.prefix,
    created_at: record.createdAt,
    last_used_at: record.lastUsedAt ?? null,
    limits: limitsView(record.limits),
  };
}
