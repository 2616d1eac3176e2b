import * as z from 'zod';
import type { CredentialType, ProviderDefinition } from './types';

export interface ActionDescription {
  name: string;
  description: string;
  /** JSON Schema (draft 2020-12) of the params as a plan author writes them. */
  params: unknown;
}

export interface ProviderDescription {
  name: string;
  title: string;
  credential_type: CredentialType;
  actions: ActionDescription[];
}

export interface ProviderListing {
  total: number;
  providers: ProviderDescription[];
}

// Schemas are shared by every custom integration and never change: convert each once.
const schemaCache = new WeakMap<z.ZodType, unknown>();

function jsonSchema(schema: z.ZodType): unknown {
  let cached = schemaCache.get(schema);
  if (cached === undefined) {
    // `input`: what a plan may omit (fields with defaults) is optional in the listing too.
    cached = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    schemaCache.set(schema, cached);
  }
  return cached;
}

export function describeProvider(provider: ProviderDefinition): ProviderDescription {
  return {
    name: provider.name,
    title: provider.title,
    credential_type: provider.credentialType,
    actions: Object.entries(provider.actions).map(([name, action]) => ({
      name,
      description: action.description,
      params: jsonSchema(action.params),
    })),
  };
}

/** The body of GET /api/providers. */
export function describeProviders(list: readonly ProviderDefinition[]): ProviderListing {
  const providers = list.map(describeProvider);
  return { total: providers.length, providers };
}
