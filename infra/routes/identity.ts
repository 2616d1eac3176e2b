import { routeDefaults, type RouteDef } from './types';

/** Health, the OpenAPI document and API-key management. */
export const identityRoutes: readonly RouteDef[] = [
  {
    ...routeDefaults,
    name: 'GetHealth',
    method: 'GET',
    path: '/api/health',
    handler: 'functions/get-health.ts',
    auth: 'public',
    memoryMb: 256,
    access: [],
  },
  {
    ...routeDefaults,
    name: 'GetOpenApi',
    method: 'GET',
    path: '/api/openapi.json',
    handler: 'functions/get-openapi.ts',
    auth: 'public',
    memoryMb: 256,
    access: [],
  },
  {
    ...routeDefaults,
    name: 'CreateApiKey',
    method: 'POST',
    path: '/api/v1/auth/keys',
    handler: 'functions/create-api-key.ts',
    auth: 'apiKey',
    access: ['table:write'],
  },
  {
    ...routeDefaults,
    name: 'ListApiKeys',
    method: 'GET',
    path: '/api/v1/auth/keys',
    handler: 'functions/list-api-keys.ts',
    auth: 'apiKey',
    access: ['table:read'],
  },
  {
    ...routeDefaults,
    name: 'RevokeApiKey',
    method: 'DELETE',
    path: '/api/v1/auth/keys/{key_id}',
    handler: 'functions/revoke-api-key.ts',
    auth: 'apiKey',
    access: ['table:write'],
  },
];
