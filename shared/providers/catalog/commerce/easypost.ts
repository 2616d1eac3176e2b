import { defineManifest } from '../../manifest/manifest-schema';

const ADDRESS = {
  type: 'object',
  description: 'name, company, street1, street2, city, state, zip, country, phone, email; or {"id":"adr_…"}',
} as const;

export const easypost = defineManifest({
  name: 'easypost',
  title: 'EasyPost',
  category: 'commerce',
  description: 'Track parcels, rate shipments and buy shipping labels through EasyPost with an API key.',
  docsUrl: 'https://docs.easypost.com/docs/trackers',
  verification: 'wire-tested',
  baseUrl: 'https://api.easypost.com/v2',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'basic', username: '{token}', password: '' }],
    hint: 'A production or test API key (Account → API Keys)',
  },
  actions: {
    create_tracker: {
      description: 'Start tracking a parcel by its tracking code; the carrier is detected when left out.',
      method: 'POST',
      path: '/trackers',
      params: {
        tracking_code: {
          in: 'body',
          wire: 'tracker.tracking_code',
          type: 'string',
          required: true,
          maxLength: 100,
        },
        carrier: {
          in: 'body',
          wire: 'tracker.carrier',
          type: 'string',
          description: 'e.g. USPS, UPS, FedEx',
        },
      },
      output: {
        id: 'id',
        status: 'status',
        carrier: 'carrier',
        est_delivery_date: 'est_delivery_date',
        public_url: 'public_url',
      },
      summary: 'Tracking {tracking_code}: {status}',
    },
    get_tracker: {
      description: 'Read a tracker with its tracking history.',
      method: 'GET',
      path: '/trackers/{tracker_id}',
      params: { tracker_id: { in: 'path', required: true, type: 'string', pattern: '^trk_[A-Za-z0-9]+$' } },
      summary: 'Tracking {tracking_code}: {status}',
    },
    list_trackers: {
      description: 'List trackers, newest first, optionally by tracking code, carrier or creation time.',
      method: 'GET',
      path: '/trackers',
      params: {
        tracking_code: { in: 'query', type: 'string' },
        carrier: { in: 'query', type: 'string' },
        start_datetime: { in: 'query', type: 'string', format: 'date-time' },
        end_datetime: { in: 'query', type: 'string', format: 'date-time' },
        page_size: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 100,
          description: 'Per page (default 20)',
        },
      },
      pagination: { style: 'after_last', items: 'trackers', more: 'has_more', param: 'before_id' },
    },
    create_shipment: {
      description: 'Create a shipment from addresses and a parcel; the output lists the carrier rates.',
      method: 'POST',
      path: '/shipments',
      params: {
        to_address: { in: 'body', wire: 'shipment.to_address', required: true, ...ADDRESS },
        from_address: { in: 'body', wire: 'shipment.from_address', required: true, ...ADDRESS },
        parcel: {
          in: 'body',
          wire: 'shipment.parcel',
          type: 'object',
          required: true,
          description: 'length, width, height (inches) and weight (ounces); or predefined_package',
        },
        reference: { in: 'body', wire: 'shipment.reference', type: 'string' },
      },
      output: { id: 'id', rates: 'rates', messages: 'messages' },
      summary: 'Shipment {id} created',
    },
    buy_shipment: {
      description: 'Buy a shipment’s label at one of its rates; the output has the label and tracking code.',
      method: 'POST',
      path: '/shipments/{shipment_id}/buy',
      params: {
        shipment_id: { in: 'path', required: true, type: 'string', pattern: '^shp_[A-Za-z0-9]+$' },
        rate_id: {
          in: 'body',
          wire: 'rate.id',
          type: 'string',
          required: true,
          pattern: '^rate_[A-Za-z0-9]+$',
        },
        insurance: {
          in: 'body',
          wire: 'insurance',
          type: 'string',
          description: 'Amount to insure, e.g. "100.00"',
        },
      },
      output: {
        id: 'id',
        tracking_code: 'tracking_code',
        label_url: 'postage_label.label_url',
        selected_rate: 'selected_rate',
      },
      summary: 'Bought label {tracking_code}',
    },
  },
});
