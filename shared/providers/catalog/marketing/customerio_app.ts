import { defineManifest } from '../../manifest/manifest-schema';

export const customerioApp = defineManifest({
  name: 'customerio_app',
  title: 'Customer.io (App API)',
  category: 'marketing',
  description:
    'Send Customer.io transactional messages and trigger API broadcasts with an App API key (US or EU).',
  docsUrl: 'https://docs.customer.io/integrations/api/app/',
  verification: 'documented',
  baseUrl: 'https://{app_host}/v1',
  auth: {
    credentialType: 'api_key',
    fields: {
      app_host: {
        description: 'api.customer.io (US) or api-eu.customer.io (EU)',
        enum: ['api.customer.io', 'api-eu.customer.io'],
        default: 'api.customer.io',
      },
      app_api_key: {
        description: 'An App API key (Settings → API Credentials → App API Keys)',
        secret: true,
      },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {app_api_key}' }],
    hint: '{"app_api_key":"…","app_host":"api-eu.customer.io"} (host defaults to US)',
  },
  errors: { message: ['meta.error', 'meta.errors.0', 'errors.0.message', 'message'] },
  actions: {
    send_transactional_email: {
      description: 'Send a transactional e-mail from a transactional message template to one person.',
      method: 'POST',
      path: '/send/email',
      params: {
        transactional_message_id: {
          in: 'body',
          type: 'string',
          required: true,
          description: 'The transactional message’s id or trigger name',
        },
        to: { in: 'body', type: 'string', required: true, description: 'The recipient address' },
        identifier_id: {
          in: 'body',
          wire: 'identifiers.id',
          type: 'string',
          description: 'The person’s id (give this or identifier_email)',
        },
        identifier_email: { in: 'body', wire: 'identifiers.email', type: 'string', format: 'email' },
        message_data: { in: 'body', type: 'object', description: 'Liquid data for the template' },
        subject: { in: 'body', type: 'string', description: 'Overrides the template’s subject' },
        from: { in: 'body', type: 'string', description: 'Overrides the template’s sender' },
        body: {
          in: 'body',
          type: 'string',
          description: 'HTML body (overrides the template, or the whole message without one)',
        },
      },
      output: { delivery_id: 'delivery_id', queued_at: 'queued_at' },
      summary: 'Queued delivery {delivery_id}',
    },
    trigger_broadcast: {
      description: 'Trigger an API-triggered broadcast, optionally for given ids or e-mail addresses.',
      method: 'POST',
      path: '/campaigns/{broadcast_id}/triggers',
      params: {
        broadcast_id: { in: 'path', type: 'integer', minimum: 1, required: true },
        data: { in: 'body', type: 'object', description: 'Liquid data for the broadcast' },
        ids: { in: 'body', type: 'array', items: { type: 'string' }, description: 'People ids to send to' },
        emails: {
          in: 'body',
          type: 'array',
          items: { type: 'string', format: 'email' },
          description: 'E-mail addresses to send to',
        },
      },
      output: { id: 'id' },
      summary: 'Broadcast trigger {id}',
    },
  },
});
