/** The provider listing and custom integrations (infra/routes/integrations.ts). */
import * as z from 'zod';
import { IntegrationBody } from '../integrations/integration-schema';
import { IntegrationPath } from '../integrations/integration-path';
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
  credential_type: z.enum(['api_key', 'token', 'oauth', 'custom', 'none']),
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
    responses: {
      200: {
        description: 'Every provider with its actions and their param schemas',
        schema: z.strictObject({ total: z.int(), providers: z.array(ProviderDescription) }),
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
