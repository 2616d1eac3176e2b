/** Health, the OpenAPI document and API keys (infra/routes/identity.ts). */
import * as z from 'zod';
import { ApiKeyPath, CreateApiKeyBody, UpdateApiKeyBody } from '../identity/api-key-schemas';
import { Timestamp } from './common';
import type { DomainContract } from './types';

/** shared/identity/api-key-views.ts: never the hash. */
export const ApiKey = z.strictObject({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the key, to tell keys apart'),
  created_at: Timestamp,
  last_used_at: Timestamp.nullable(),
  limits: z
    .strictObject({
      requests_per_minute: z.int().nullable(),
      tokens_per_minute: z.int().nullable(),
      tokens_per_day: z.int().nullable(),
      concurrent_requests: z.int().nullable(),
    })
    .describe("The gateway's limits for the key; null where it has none"),
});

export const identityContract: DomainContract = {
  GetHealth: {
    summary: 'Health check',
    responses: {
      200: {
        description: 'The service is up',
        schema: z.strictObject({
          status: z.literal('healthy'),
          timestamp: Timestamp,
          scheduler: z.literal('active'),
        }),
      },
    },
  },
  GetOpenApi: {
    summary: 'This OpenAPI 3.1 document',
    description: 'Generated from the route table and the schemas that validate each route.',
    responses: {
      200: {
        description: 'The OpenAPI document',
        // A document, not a record: only its frame is checked here; its own validator checks the rest.
        schema: z.looseObject({
          openapi: z.string(),
          info: z.looseObject({ title: z.string(), version: z.string() }),
          paths: z.record(z.string(), z.unknown()),
          components: z.record(z.string(), z.unknown()),
        }),
      },
    },
  },
  CreateApiKey: {
    summary: 'Create an API key',
    description: 'The plaintext key is in this response and nowhere else, ever.',
    request: { body: CreateApiKeyBody },
    responses: {
      201: {
        description: 'The new key, with its plaintext',
        schema: ApiKey.extend({ key: z.string().describe('`fg_…`: send as `Authorization: Bearer <key>`') }),
      },
    },
  },
  ListApiKeys: {
    summary: "List the caller's active keys",
    responses: {
      200: {
        description: 'Active keys (prefix only)',
        schema: z.strictObject({ object: z.literal('list'), data: z.array(ApiKey) }),
      },
    },
  },
  UpdateApiKey: {
    summary: 'Rename an API key or change its limits',
    description:
      "Requests keep the old limits until the authorizer's cached result for the key expires (at most 30 s).",
    request: { path: ApiKeyPath, body: UpdateApiKeyBody },
    responses: { 200: { description: 'The key as it is now', schema: ApiKey } },
    errors: [400, 404],
  },
  RevokeApiKey: {
    summary: 'Revoke an API key',
    description: 'The authorizer rejects the key once its cache entry expires (at most 30 s).',
    request: { path: ApiKeyPath },
    responses: {
      200: {
        description: 'Revoked',
        schema: z.strictObject({ id: z.string(), revoked: z.literal(true) }),
      },
    },
    errors: [404],
  },
};
