import { defineManifest } from '../../manifest/manifest-schema';

const ID = (what: string) =>
  ({ in: 'path', required: true, type: 'integer', minimum: 1, description: `The ${what} id` }) as const;

const ADDRESS = {
  type: 'object',
  description:
    'first_name, last_name, company, address_1, address_2, city, state, postcode, country, email, phone',
  additionalProperties: { type: 'string' },
} as const;

const ORDER_STATUS = [
  'pending',
  'processing',
  'on-hold',
  'completed',
  'cancelled',
  'refunded',
  'failed',
  'trash',
] as const;

export const woocommerce = defineManifest({
  name: 'woocommerce',
  title: 'WooCommerce',
  category: 'commerce',
  description:
    'Manage the orders, products and customers of a WooCommerce store through its REST API (wc/v3) with a consumer key and secret.',
  docsUrl: 'https://woocommerce.github.io/woocommerce-rest-api-docs/',
  verification: 'documented',
  baseUrl: 'https://{site}/wp-json/wc/v3',
  auth: {
    credentialType: 'api_key',
    fields: {
      site: {
        description: 'The store’s host name, e.g. shop.example.com (HTTPS, pretty permalinks on)',
        pattern: '^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$',
      },
      consumer_key: { description: 'The REST API consumer key (ck_…)' },
      consumer_secret: { description: 'The REST API consumer secret (cs_…)', secret: true },
    },
    apply: [{ in: 'basic', username: '{consumer_key}', password: '{consumer_secret}' }],
    hint: '{"site":"shop.example.com","consumer_key":"ck_…","consumer_secret":"cs_…"} (WooCommerce → Settings → Advanced → REST API)',
  },
  errors: { message: ['message', 'code'] },
  actions: {
    list_orders: {
      description: 'List orders, newest first, optionally by status, customer or date.',
      method: 'GET',
      path: '/orders',
      params: {
        status: { in: 'query', type: 'string', enum: ['any', ...ORDER_STATUS] },
        customer: { in: 'query', type: 'integer', description: 'Only this customer id' },
        after: { in: 'query', type: 'string', format: 'date-time', description: 'Created after (ISO 8601)' },
        before: {
          in: 'query',
          type: 'string',
          format: 'date-time',
          description: 'Created before (ISO 8601)',
        },
        search: { in: 'query', type: 'string' },
      },
      pagination: { style: 'page', items: '', param: 'page', sizeParam: 'per_page', size: 100 },
    },
    get_order: {
      description: 'Read one order with its line items.',
      method: 'GET',
      path: '/orders/{order_id}',
      params: { order_id: ID('order') },
      summary: 'Order #{number}: {status}',
    },
    create_order: {
      description: 'Create an order with line items, addresses and a payment method.',
      method: 'POST',
      path: '/orders',
      params: {
        status: { in: 'body', type: 'string', enum: [...ORDER_STATUS], description: 'Default: pending' },
        customer_id: { in: 'body', type: 'integer', description: '0 for a guest' },
        payment_method: { in: 'body', type: 'string', description: 'Payment method id, e.g. bacs' },
        payment_method_title: { in: 'body', type: 'string' },
        set_paid: { in: 'body', type: 'boolean', description: 'Mark paid (sets processing)' },
        billing: { in: 'body', ...ADDRESS },
        shipping: { in: 'body', ...ADDRESS },
        line_items: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              product_id: { type: 'integer' },
              variation_id: { type: 'integer' },
              quantity: { type: 'integer', minimum: 1 },
            },
            required: ['product_id', 'quantity'],
          },
        },
        customer_note: { in: 'body', type: 'string' },
      },
      summary: 'Created order #{number}',
    },
    update_order: {
      description: 'Change an order’s status or add a customer note.',
      method: 'PUT',
      path: '/orders/{order_id}',
      params: {
        order_id: ID('order'),
        status: { in: 'body', type: 'string', enum: [...ORDER_STATUS] },
        customer_note: { in: 'body', type: 'string' },
      },
      summary: 'Order #{number} is {status}',
    },
    add_order_note: {
      description: 'Add a note to an order, private or sent to the customer.',
      method: 'POST',
      path: '/orders/{order_id}/notes',
      params: {
        order_id: ID('order'),
        note: { in: 'body', type: 'string', required: true },
        customer_note: { in: 'body', type: 'boolean', description: 'true e-mails it to the customer' },
      },
      summary: 'Added note {id}',
    },
    list_products: {
      description: 'List products, optionally by search text, SKU, status or category.',
      method: 'GET',
      path: '/products',
      params: {
        search: { in: 'query', type: 'string' },
        sku: { in: 'query', type: 'string' },
        status: { in: 'query', type: 'string', enum: ['any', 'draft', 'pending', 'private', 'publish'] },
        category: { in: 'query', type: 'string', description: 'Category id' },
        stock_status: { in: 'query', type: 'string', enum: ['instock', 'outofstock', 'onbackorder'] },
      },
      pagination: { style: 'page', items: '', param: 'page', sizeParam: 'per_page', size: 100 },
    },
    update_product: {
      description: 'Change a product’s price, stock or status.',
      method: 'PUT',
      path: '/products/{product_id}',
      params: {
        product_id: ID('product'),
        name: { in: 'body', type: 'string' },
        regular_price: {
          in: 'body',
          type: 'string',
          pattern: '^[0-9]+(\\.[0-9]+)?$',
          description: 'e.g. "19.99"',
        },
        sale_price: { in: 'body', type: 'string', pattern: '^([0-9]+(\\.[0-9]+)?)?$' },
        manage_stock: { in: 'body', type: 'boolean' },
        stock_quantity: { in: 'body', type: 'integer' },
        status: { in: 'body', type: 'string', enum: ['draft', 'pending', 'private', 'publish'] },
      },
      summary: 'Updated product {id}',
    },
    create_customer: {
      description: 'Create a customer account.',
      method: 'POST',
      path: '/customers',
      params: {
        email: { in: 'body', type: 'string', format: 'email', required: true },
        first_name: { in: 'body', type: 'string' },
        last_name: { in: 'body', type: 'string' },
        username: { in: 'body', type: 'string' },
        billing: { in: 'body', ...ADDRESS },
        shipping: { in: 'body', ...ADDRESS },
      },
      summary: 'Created customer {id}',
    },
  },
});
