import { defineManifest } from '../../manifest/manifest-schema';

const ADDRESS = {
  type: 'object',
  description:
    'name, company, street1, street2, city, state, zip, country (ISO 2), phone, email; or an address object_id string',
} as const;

export const shippo = defineManifest({
  name: 'shippo',
  title: 'Shippo',
  category: 'commerce',
  description:
    'Rate shipments, buy shipping labels and track parcels across carriers with a Shippo API token.',
  docsUrl: 'https://docs.goshippo.com/shippoapi/public-api/',
  verification: 'documented',
  baseUrl: 'https://api.goshippo.com',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: 'ShippoToken {token}' }],
    hint: 'A live or test API token (shippo_live_… / shippo_test_…)',
  },
  errors: { message: ['detail', 'message', '__all__.0', 'error'] },
  actions: {
    create_shipment: {
      description: 'Create a shipment from two addresses and parcels; the output lists carrier rates.',
      method: 'POST',
      path: '/shipments/',
      params: {
        address_from: { in: 'body', required: true, ...ADDRESS },
        address_to: { in: 'body', required: true, ...ADDRESS },
        parcels: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          items: {
            type: 'object',
            description: 'length, width, height, distance_unit (in|cm…), weight, mass_unit (lb|kg…)',
          },
        },
        carrier_accounts: { in: 'body', type: 'array', items: { type: 'string' } },
        metadata: { in: 'body', type: 'string', maxLength: 100 },
        async: { in: 'body', type: 'boolean', default: false, description: 'false waits for all rates' },
      },
      output: { shipment_id: 'object_id', status: 'status', rates: 'rates', messages: 'messages' },
      summary: 'Shipment {object_id}: {status}',
    },
    get_shipment: {
      description: 'Read a shipment with its rates.',
      method: 'GET',
      path: '/shipments/{shipment_id}',
      params: { shipment_id: { in: 'path', required: true, type: 'string', pattern: '^[0-9a-f]{32}$' } },
      summary: 'Shipment {object_id}: {status}',
    },
    buy_label: {
      description:
        'Buy the label for a rate (a transaction); the output has the label URL and tracking number.',
      method: 'POST',
      path: '/transactions/',
      params: {
        rate: { in: 'body', type: 'string', required: true, description: 'The rate object_id' },
        label_file_type: {
          in: 'body',
          type: 'string',
          enum: [
            'PNG',
            'PNG_2.3x7.5',
            'PDF',
            'PDF_2.3x7.5',
            'PDF_4x6',
            'PDF_4x8',
            'PDF_A4',
            'PDF_A5',
            'PDF_A6',
            'ZPLII',
          ],
        },
        metadata: { in: 'body', type: 'string', maxLength: 100 },
        async: { in: 'body', type: 'boolean', default: false },
      },
      output: {
        transaction_id: 'object_id',
        status: 'status',
        label_url: 'label_url',
        tracking_number: 'tracking_number',
        tracking_url: 'tracking_url_provider',
        messages: 'messages',
      },
      summary: 'Label {status}: {tracking_number}',
    },
    get_tracking: {
      description: 'Read the tracking status and history of a parcel by carrier and tracking number.',
      method: 'GET',
      path: '/tracks/{carrier}/{tracking_number}',
      params: {
        carrier: {
          in: 'path',
          required: true,
          type: 'string',
          description: 'Carrier token, e.g. usps, ups, fedex',
        },
        tracking_number: { in: 'path', required: true, type: 'string', maxLength: 100 },
      },
      output: {
        status: 'tracking_status.status',
        status_details: 'tracking_status.status_details',
        eta: 'eta',
        history: 'tracking_history',
      },
      summary: 'Tracking {tracking_number}: {tracking_status.status}',
    },
    validate_address: {
      description: 'Create an address with validation; the output says whether it is valid.',
      method: 'POST',
      path: '/addresses/',
      constants: { body: { validate: true } },
      params: {
        name: { in: 'body', type: 'string' },
        company: { in: 'body', type: 'string' },
        street1: { in: 'body', type: 'string', required: true },
        street2: { in: 'body', type: 'string' },
        city: { in: 'body', type: 'string' },
        state: { in: 'body', type: 'string' },
        zip: { in: 'body', type: 'string' },
        country: { in: 'body', type: 'string', required: true, pattern: '^[A-Z]{2}$' },
        email: { in: 'body', type: 'string', format: 'email' },
        phone: { in: 'body', type: 'string' },
      },
      output: {
        address_id: 'object_id',
        is_valid: 'validation_results.is_valid',
        validation: 'validation_results',
      },
      summary: 'Address valid: {validation_results.is_valid}',
    },
    list_shipments: {
      description: 'List shipments, newest first.',
      method: 'GET',
      path: '/shipments/',
      params: {
        results: { in: 'query', type: 'integer', minimum: 1, maximum: 100, description: 'Per page' },
      },
      pagination: { style: 'next_url', items: 'results', next: 'next' },
    },
  },
});
