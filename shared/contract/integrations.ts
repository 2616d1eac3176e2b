/** The provider listing and custom integrations (infra/routes/integrations.ts). */
import * as z from 'zod';
import { IntegrationBody } from '../integrations/integration-schema';
import { IntegrationPath } from '../integrations/integration-path';
import { ProviderListQuery } from '../providers/listing';
import { PROVIDER_CATEGORIES, VERIFICATION_LEVELS } from '../providers/types';
import { Timestamp } from './common';
import type { DomainContract } from './types';

/** shared/integrations/integration-views.ts; `provider` is the name plans use for it. */
export const Integration = z.strictObject({
  id: z.string(),
  provider: z.string().describe('`custom_<id>`'),
  name: z.string(),
  description: z.string().optional(),
  base_url: z.string(),
  auth: IntegrationBody.shape.auth.unwrap(),
  default_headers: z.record(z.string(), z.string()),
  created_at: Timestamp,
  updated_at: Timestamp,
});

/** shared/providers/listing.ts. */
const ProviderDescription = z.strictObject({
  name: z.string(),
  title: z.string(),
  category: z.enum(PROVIDER_CATEGORIES),
  description: z.string(),
  docs_url: z.string().nullable().describe("The vendor's API reference the provider was checked against"),
  verification: z
    .enum(VERIFICATION_LEVELS)
    .describe(
      '`wire-tested`: tested against a loopback fake of the documented wire format; `documented`: checked against the docs; `local`: no vendor; `user-defined`: a custom integration',
    ),
  credential_type: z.enum(['api_key', 'token', 'oauth', 'custom', 'none']),
  credential_hint: z
    .string()
    .nullable()
    .describe('What to store as the credential when it is more than one secret'),
  actions: z.array(
    z.strictObject({
      name: z.string(),
      description: z.string(),
      params: z.unknown().describe('JSON Schema (draft 2020-12) of the params as a plan author writes them'),
    }),
  ),
});

export const integrationsContract: DomainContract = {
  ListProviders: {
    summary: 'The providers and actions plans can use, custom integrations included',
    request: { query: ProviderListQuery },
    responses: {
      200: {
        description:
          'The matching providers with their actions and param schemas; `next_cursor` only when paged (`limit` or `cursor`)',
        schema: z.strictObject({
          total: z.int(),
          providers: z.array(ProviderDescription),
          next_cursor: z.string().nullable().optional(),
        }),
      },
    },
  },
  CreateCustomIntegration: {
    summary: 'Create a custom HTTP integration',
    request: { body: IntegrationBody },
    responses: { 201: { description: 'The new integration', schema: Integration } },
    errors: [409],
  },
  ListCustomIntegrations: {
    summary: "The caller's custom integrations",
    responses: {
      200: {
        description: 'Integrations',
        schema: z.strictObject({ total: z.int(), integrations: z.array(Integration) }),
      },
    },
  },
  GetCustomIntegration: {
    summary: 'One custom integration',
    request: { path: IntegrationPath },
    responses: { 200: { description: 'The integration', schema: Integration } },
    errors: [404],
  },
  UpdateCustomIntegration: {
    summary: 'Replace a custom integration',
    request: { path: IntegrationPath, body: IntegrationBody },
    responses: { 200: { description: 'The updated integration', schema: Integration } },
    errors: [404],
  },
  DeleteCustomIntegration: {
    summary: 'Delete a custom integration',
    request: { path: IntegrationPath },
    responses: {
      200: { description: 'Deleted', schema: z.strictObject({ id: z.string(), deleted: z.literal(true) }) },
    },
    errors: [404],
  },
};
