import { defineManifest } from '../../manifest/manifest-schema';

const SYS_ID = {
  in: 'path',
  required: true,
  type: 'string',
  pattern: '^[0-9a-f]{32}$',
  description: 'The record sys_id (32 hex characters)',
} as const;

export const servicenow = defineManifest({
  name: 'servicenow',
  title: 'ServiceNow',
  category: 'support',
  description: 'Create and update incidents and read table records of a ServiceNow instance (Table API).',
  docsUrl: 'https://developer.servicenow.com/dev.do#!/reference/api/latest/rest/c_TableAPI',
  verification: 'wire-tested',
  baseUrl: 'https://{instance}.service-now.com/api/now',
  auth: {
    credentialType: 'custom',
    fields: {
      instance: { description: 'The "acme" of acme.service-now.com', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
      username: { description: 'An integration user name' },
      password: { description: 'Its password', secret: true },
    },
    apply: [{ in: 'basic', username: '{username}', password: '{password}' }],
    hint: '{"instance":"acme","username":"integration.user","password":"…"}',
  },
  errors: { message: ['error.message', 'error.detail'] },
  actions: {
    create_incident: {
      description: 'Create an incident; the output has its number and sys_id.',
      method: 'POST',
      path: '/table/incident',
      params: {
        short_description: { in: 'body', type: 'string', required: true, maxLength: 160 },
        description: { in: 'body', type: 'string', maxLength: 4000 },
        caller_id: { in: 'body', type: 'string', description: 'The caller (user sys_id or user name)' },
        urgency: {
          in: 'body',
          type: 'string',
          enum: ['1', '2', '3'],
          description: '1 high, 2 medium, 3 low',
        },
        impact: { in: 'body', type: 'string', enum: ['1', '2', '3'], description: '1 high, 2 medium, 3 low' },
        category: { in: 'body', type: 'string' },
        assignment_group: { in: 'body', type: 'string', description: 'Group sys_id or name' },
        contact_type: { in: 'body', type: 'string', description: 'e.g. email, phone, self-service' },
      },
      output: { sys_id: 'result.sys_id', number: 'result.number', state: 'result.state', incident: 'result' },
      summary: 'Created incident {result.number}',
    },
    update_incident: {
      description: 'Update an incident: state, assignment, or add a comment or work note.',
      method: 'PATCH',
      path: '/table/incident/{sys_id}',
      params: {
        sys_id: SYS_ID,
        comments: { in: 'body', type: 'string', description: 'A comment visible to the caller' },
        work_notes: { in: 'body', type: 'string', description: 'An internal work note' },
        state: { in: 'body', type: 'string', description: 'e.g. 2 (in progress), 6 (resolved)' },
        close_code: { in: 'body', type: 'string' },
        close_notes: { in: 'body', type: 'string' },
        assigned_to: { in: 'body', type: 'string' },
        assignment_group: { in: 'body', type: 'string' },
      },
      output: { sys_id: 'result.sys_id', number: 'result.number', state: 'result.state' },
      summary: 'Updated incident {result.number}',
    },
    list_records: {
      description: 'Read records of a table, filtered by an encoded query, page by page.',
      method: 'GET',
      path: '/table/{table}',
      params: {
        table: {
          in: 'path',
          required: true,
          type: 'string',
          pattern: '^[a-z][a-z0-9_]{0,79}$',
          description: 'The table name: incident, sc_request, sys_user, …',
        },
        sysparm_query: {
          in: 'query',
          type: 'string',
          description: 'An encoded query, e.g. active=true^priority=1',
        },
        sysparm_fields: { in: 'query', type: 'string', description: 'Comma-separated fields to return' },
        sysparm_display_value: { in: 'query', type: 'string', enum: ['true', 'false', 'all'] },
      },
      pagination: {
        style: 'offset',
        items: 'result',
        param: 'sysparm_offset',
        sizeParam: 'sysparm_limit',
        size: 100,
      },
    },
  },
});
