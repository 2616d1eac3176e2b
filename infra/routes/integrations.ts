import { routeDefaults, type RouteDef } from './types';

/** The provider listing and user-defined HTTP integrations (`custom_<id>` providers). */
export const integrationRoutes: readonly RouteDef[] = [
  {
    ...routeDefaults,
    name: 'ListProviders',
    method: 'GET',
    path: '/api/providers',
    handler: 'functions/list-providers.ts',
    auth: 'apiKey',
    access: ['table:read'],
  },
  {
    ...routeDefaults,
    name: 'CreateCustomIntegration',
    method: 'POST',
    path: '/api/custom-integrations',
    handler: 'functions/create-custom-integration.ts',
    auth: 'apiKey',
    access: ['table:write'],
  },
  {
    ...routeDefaults,
    name: 'ListCustomIntegrations',
    method: 'GET',
    path: '/api/custom-integrations',
    handler: 'functions/list-custom-integrations.ts',
    auth: 'apiKey',
    access: ['table:read'],
  },
  {
    ...routeDefaults,
    name: 'GetCustomIntegration',
    method: 'GET',
    path: '/api/custom-integrations/{integration_id}',
    handler: 'functions/get-custom-integration.ts',
    auth: 'apiKey',
    access: ['table:read'],
  },
  {
    ...routeDefaults,
    name: 'UpdateCustomIntegration',
    method: 'PUT',
    path: '/api/custom-integrations/{integration_id}',
    handler: 'functions/update-custom-integration.ts',
    auth: 'apiKey',
    access: ['table:write'],
  },
  {
    ...routeDefaults,
    name: 'DeleteCustomIntegration',
    method: 'DELETE',
    path: '/api/custom-integrations/{integration_id}',
    handler: 'functions/delete-custom-integration.ts',
    auth: 'apiKey',
    access: ['table:write'],
  },
];
