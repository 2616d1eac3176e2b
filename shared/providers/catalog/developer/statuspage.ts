import { defineManifest } from '../../manifest/manifest-schema';

const PAGE_ID = {
  in: 'path',
  required: true,
  type: 'string',
  pattern: '^[a-z0-9]{6,32}$',
  description: 'The page ID',
} as const;
const INCIDENT_STATUSES = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
];
const COMPONENT_STATUSES = [
  'operational',
  'under_maintenance',
  'degraded_performance',
  'partial_outage',
  'major_outage',
];
const COMPONENTS = {
  in: 'body',
  wire: 'incident.components',
  type: 'object',
  additionalProperties: { type: 'string', enum: COMPONENT_STATUSES },
  description: 'Component ID → its new status',
} as const;

export const statuspage = defineManifest({
  name: 'statuspage',
  title: 'Atlassian Statuspage',
  category: 'developer',
  description: 'Open and update Statuspage incidents and set component statuses with an API key.',
  docsUrl: 'https://developer.statuspage.io/',
  verification: 'documented',
  baseUrl: 'https://api.statuspage.io/v1',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: 'OAuth {token}' }],
    hint: 'An API key (your avatar → API info)',
  },
  errors: { message: ['error', 'message'] },
  actions: {
    create_incident: {
      description: 'Open an incident (or schedule maintenance) and optionally notify subscribers.',
      method: 'POST',
      path: '/pages/{page_id}/incidents',
      params: {
        page_id: PAGE_ID,
        name: { in: 'body', wire: 'incident.name', type: 'string', required: true, minLength: 1 },
        status: { in: 'body', wire: 'incident.status', type: 'string', enum: INCIDENT_STATUSES },
        body: { in: 'body', wire: 'incident.body', type: 'string', description: 'The first update' },
        impact_override: {
          in: 'body',
          wire: 'incident.impact_override',
          type: 'string',
          enum: ['none', 'minor', 'major', 'critical'],
        },
        component_ids: {
          in: 'body',
          wire: 'incident.component_ids',
          type: 'array',
          items: { type: 'string' },
        },
        components: COMPONENTS,
        deliver_notifications: { in: 'body', wire: 'incident.deliver_notifications', type: 'boolean' },
      },
      output: { id: 'id', status: 'status', shortlink: 'shortlink', name: 'name' },
      summary: 'Opened incident {id}: {status}',
    },
    update_incident: {
      description: 'Post an update to an incident: new status, message or component statuses.',
      method: 'PATCH',
      path: '/pages/{page_id}/incidents/{incident_id}',
      params: {
        page_id: PAGE_ID,
        incident_id: { in: 'path', required: true, type: 'string', pattern: '^[a-z0-9]{6,32}$' },
        status: { in: 'body', wire: 'incident.status', type: 'string', enum: INCIDENT_STATUSES },
        body: { in: 'body', wire: 'incident.body', type: 'string', description: 'The update text' },
        name: { in: 'body', wire: 'incident.name', type: 'string' },
        components: COMPONENTS,
        deliver_notifications: { in: 'body', wire: 'incident.deliver_notifications', type: 'boolean' },
      },
      output: { id: 'id', status: 'status', shortlink: 'shortlink' },
      summary: 'Incident {id}: {status}',
    },
    list_unresolved_incidents: {
      description: 'List the incidents that are not resolved yet.',
      method: 'GET',
      path: '/pages/{page_id}/incidents/unresolved',
      params: { page_id: PAGE_ID },
    },
    update_component: {
      description: "Set a component's status (operational, degraded_performance, partial_outage…).",
      method: 'PATCH',
      path: '/pages/{page_id}/components/{component_id}',
      params: {
        page_id: PAGE_ID,
        component_id: { in: 'path', required: true, type: 'string', pattern: '^[a-z0-9]{6,32}$' },
        status: {
          in: 'body',
          wire: 'component.status',
          type: 'string',
          required: true,
          enum: COMPONENT_STATUSES,
        },
        description: { in: 'body', wire: 'component.description', type: 'string' },
      },
      idempotent: true,
      output: { id: 'id', name: 'name', status: 'status' },
      summary: '{name}: {status}',
    },
  },
});
