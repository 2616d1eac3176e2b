import { defineManifest } from '../../manifest/manifest-schema';

export const sinch = defineManifest({
  name: 'sinch',
  title: 'Sinch SMS',
  category: 'messaging',
  description:
    'Send SMS batches and read their status through the Sinch SMS REST API, in the region of your service plan.',
  docsUrl: 'https://developers.sinch.com/docs/sms/api-reference/sms/batches',
  verification: 'documented',
  baseUrl: 'https://{region}.sms.api.sinch.com/xms/v1/{service_plan_id}',
  auth: {
    credentialType: 'api_key',
    fields: {
      region: {
        description: 'The region of the service plan',
        enum: ['us', 'eu', 'au', 'br', 'ca'],
        default: 'us',
      },
      service_plan_id: {
        description: 'The service plan ID (Dashboard → SMS → APIs)',
        pattern: '^[A-Za-z0-9]{16,64}$',
      },
      api_token: { description: 'The API token of that service plan', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {api_token}' }],
    hint: '{"service_plan_id":"…","api_token":"…","region":"eu"} (region defaults to us)',
  },
  errors: { message: ['text'] },
  actions: {
    send_sms: {
      description: 'Send one text to up to 1000 recipients; the output has the batch ID.',
      method: 'POST',
      path: '/batches',
      idempotent: false,
      constants: { body: { type: 'mt_text' } },
      params: {
        to: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          maxItems: 1000,
          items: { type: 'string' },
          description: 'Recipients in E.164 form (or group IDs)',
        },
        from: {
          in: 'body',
          type: 'string',
          description: 'Your Sinch number, short code or alphanumeric sender',
        },
        body: {
          in: 'body',
          type: 'string',
          required: true,
          maxLength: 2000,
          description: 'The message text',
        },
        delivery_report: {
          in: 'body',
          type: 'string',
          enum: ['none', 'summary', 'full', 'per_recipient', 'per_recipient_final'],
        },
        send_at: { in: 'body', type: 'string', format: 'date-time', description: 'Schedule the batch' },
        client_reference: { in: 'body', type: 'string', maxLength: 2048, description: 'Your reference' },
        callback_url: { in: 'body', type: 'string', format: 'uri', description: 'Where delivery reports go' },
      },
      output: { id: 'id', to: 'to', created_at: 'created_at', canceled: 'canceled' },
      summary: 'Sinch batch {id}',
    },
    get_batch: {
      description: 'Read a batch by its ID.',
      method: 'GET',
      path: '/batches/{batch_id}',
      params: {
        batch_id: {
          in: 'path',
          required: true,
          type: 'string',
          pattern: '^[0-9A-Z]{26}$',
          description: 'The batch ID from send_sms',
        },
      },
    },
    list_batches: {
      description: 'List sent batches, newest first, optionally by sender or time range.',
      method: 'GET',
      path: '/batches',
      params: {
        from: {
          in: 'query',
          type: 'string',
          description: 'Only batches from these senders, comma-separated',
        },
        start_date: { in: 'query', type: 'string', format: 'date-time' },
        end_date: { in: 'query', type: 'string', format: 'date-time' },
        client_reference: { in: 'query', type: 'string' },
      },
      pagination: {
        style: 'page',
        items: 'batches',
        param: 'page',
        first: 0,
        sizeParam: 'page_size',
        size: 30,
      },
    },
  },
});
