import { defineManifest } from '../../manifest/manifest-schema';

const PRODUCT_ID = {
  in: 'path',
  required: true,
  type: 'integer',
  minimum: 1,
  description: 'The product id',
} as const;

export const bigcommerce = defineManifest({
  name: 'bigcommerce',
  title: 'BigCommerce',
  category: 'commerce',
  description:
    'Manage the catalog, orders and customers of a BigCommerce store with a store-level API account token.',
  docsUrl: 'https://developer.bigcommerce.com/docs/rest-catalog/products',
  verification: 'documented',
  baseUrl: 'https://api.bigcommerce.com/stores/{store_hash}',
  auth: {
    credentialType: 'api_key',
    fields: {
      store_hash: {
        description: 'The store hash from the API path (stores/{store_hash}/v3)',
        pattern: '^[a-z0-9]{1,32}$',
      },
      access_token: { description: 'The API account access token', secret: true },
    },
    apply: [{ in: 'header', name: 'X-Auth-Token', value: '{access_token}' }],
    hint: '{"store_hash":"abc123xyz","access_token":"…"} (Settings → Store-level API accounts)',
  },
  errors: { message: ['title', '0.message', 'detail', 'message'] },
  actions: {
    list_products: {
      description: 'List catalog products, optionally by name, SKU or visibility.',
      method: 'GET',
      path: '/v3/catalog/products',
      params: {
        name: { in: 'query', type: 'string', description: 'Exact product name' },
        keyword: { in: 'query', type: 'string', description: 'Search text' },
        sku: { in: 'query', type: 'string' },
        is_visible: { in: 'query', type: 'boolean' },
        include: { in: 'query', type: 'string', description: 'Sub-resources, e.g. variants,images' },
      },
      pagination: { style: 'page', items: 'data', param: 'page', sizeParam: 'limit', size: 250 },
    },
    get_product: {
      description: 'Read one product.',
      method: 'GET',
      path: '/v3/catalog/products/{product_id}',
      params: {
        product_id: PRODUCT_ID,
        include: { in: 'query', type: 'string', description: 'Sub-resources, e.g. variants,images' },
      },
      output: 'data',
      summary: 'Product {data.name}',
    },
    create_product: {
      description: 'Create a catalog product (name, type, weight and price are required).',
      method: 'POST',
      path: '/v3/catalog/products',
      params: {
        name: { in: 'body', type: 'string', required: true, minLength: 1, maxLength: 250 },
        type: { in: 'body', type: 'string', required: true, enum: ['physical', 'digital'] },
        weight: { in: 'body', type: 'number', required: true, minimum: 0 },
        price: { in: 'body', type: 'number', required: true, minimum: 0 },
        sku: { in: 'body', type: 'string', maxLength: 255 },
        description: { in: 'body', type: 'string', description: 'HTML' },
        categories: { in: 'body', type: 'array', items: { type: 'integer' } },
        inventory_level: { in: 'body', type: 'integer' },
        is_visible: { in: 'body', type: 'boolean' },
      },
      output: 'data',
      summary: 'Created product {data.id}',
    },
    update_product: {
      description: 'Change a product’s price, stock, visibility or name.',
      method: 'PUT',
      path: '/v3/catalog/products/{product_id}',
      params: {
        product_id: PRODUCT_ID,
        name: { in: 'body', type: 'string', maxLength: 250 },
        price: { in: 'body', type: 'number', minimum: 0 },
        sale_price: { in: 'body', type: 'number', minimum: 0 },
        inventory_level: { in: 'body', type: 'integer' },
        is_visible: { in: 'body', type: 'boolean' },
      },
      output: 'data',
      summary: 'Updated product {data.id}',
    },
    list_orders: {
      description: 'List orders (V2 Orders API), optionally by status, customer or date.',
      method: 'GET',
      path: '/v2/orders',
      params: {
        status_id: {
          in: 'query',
          type: 'integer',
          description: 'Order status id, e.g. 11 Awaiting Fulfillment',
        },
        customer_id: { in: 'query', type: 'integer' },
        min_date_created: { in: 'query', type: 'string', description: 'RFC 2822 or ISO 8601 date' },
        max_date_created: { in: 'query', type: 'string' },
        sort: { in: 'query', type: 'string', description: 'e.g. date_created:desc' },
      },
      pagination: { style: 'page', items: '', param: 'page', sizeParam: 'limit', size: 250 },
    },
    get_order: {
      description: 'Read one order (V2 Orders API).',
      method: 'GET',
      path: '/v2/orders/{order_id}',
      params: { order_id: { in: 'path', required: true, type: 'integer', minimum: 1 } },
      summary: 'Order {id}: {status}',
    },
    list_customers: {
      description: 'List customers, optionally by e-mail.',
      method: 'GET',
      path: '/v3/customers',
      params: {
        email: {
          in: 'query',
          wire: 'email:in',
          type: 'string',
          description: 'Comma-separated e-mail addresses',
        },
        name: { in: 'query', wire: 'name:like', type: 'string' },
      },
      pagination: { style: 'page', items: 'data', param: 'page', sizeParam: 'limit', size: 250 },
    },
  },
});
