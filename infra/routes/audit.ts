import { routeDefaults, type RouteDef } from './types';

/** The caller's audit trail: deploys, status changes, deletions, credential changes. */
export const auditRoutes: readonly RouteDef[] = [
  {
    ...routeDefaults,
    name: 'ListAuditEntries',
    method: 'GET',
    path: '/api/audit',
    handler: 'functions/list-audit-entries.ts',
    auth: 'apiKey',
    access: ['table:read'],
  },
];
