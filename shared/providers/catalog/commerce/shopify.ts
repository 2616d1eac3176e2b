import { defineManifest } from '../../manifest/manifest-schema';

const ORDER_ID = {
  in: 'path',
  required: true,
  type: 'integer',
  minimum: 1,
  description: 'The numeric order id (not the order name like #1001)',
} as const;

const PRODUCT_ID = {
  in: 'path',
  required: true,
  type: 'integer',
  minimum: 1,
  description: 'The numeric product id',
} as const;

export const shopify = defineManifest({
  name: 'shopify',
  title: 'Shopify',
  category: 'commerce',
  description:
    'Read and manage orders, products and customers of a Shopify store through the Admin REST API with an Admin API access token.',
  docsUrl: 'https://shopify.dev/docs/api/admin-rest',
  verification: 'wire-tested',
  baseUrl: 'https://{shop}.myshopify.com/admin/api/{api_version}',
  auth: {
    credentialType: 'token',
    fields: {
      shop: {
        description: 'The "acme" of acme.myshopify.com',
        pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
      },
      api_version: {
        description: 'The Admin API version, YYYY-MM (a supported quarterly release)',
        pattern: '^20[0-9]{2}-(01|04|07|10)$',
        default: '2025-01',
      },
      access_token: {
        description: 'An Admin API access token (shpat_…) of a custom app',
        secret: true,
      },
    },
    apply: [{ in: 'header', name: 'X-Shopify-Access-Token', value: '{access_token}' }],
    hint: '{"shop":"acme","access_token":"shpat_…","api_version":"2025-01"} (api_version optional)',
  },
  errors: { message: ['errors', 'error', 'errors.base.0'] },
  actions: {
    list_orders: {
      description: 'List orders, newest first; follows the Link header for further pages.',
      method: 'GET',
      path: '/orders.json',
      params: {
        status: {
          in: 'query',
          type: 'string',
          enum: ['open', 'closed', 'cancelled', 'any'],
          description: 'Default: open',
        },
        financial_status: {
          in: 'query',
          type: 'string',
          enum: [
            'authorized',
            'pending',
            'paid',
            'partially_paid',
            'refunded',
            'voided',
            'partially_refunded',
            'any',
            'unpaid',
          ],
        },
        fulfillment_status: {
          in: 'query',
          type: 'string',
          enum: ['shipped', 'partial', 'unshipped', 'any', 'unfulfilled'],
        },
        created_at_min: { in: 'query', type: 'string', format: 'date-time' },
        created_at_max: { in: 'query', type: 'string', format: 'date-time' },
        updated_at_min: { in: 'query', type: 'string', format: 'date-time' },
        fields: { in: 'query', type: 'string', description: 'Comma-separated fields to return' },
        limit: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 250,
          description: 'Per page (default 50)',
        },
      },
      pagination: { style: 'link', items: 'orders' },
    },
    get_order: {
      description: 'Read one order by its id.',
      method: 'GET',
      path: '/orders/{order_id}.json',
      params: { order_id: ORDER_ID },
      output: 'order',
      summary: 'Order {order.name}: {order.financial_status}',
    },
    list_products: {
      description: 'List products; follows the Link header for further pages.',
      method: 'GET',
      path: '/products.json',
      params: {
        status: { in: 'query', type: 'string', enum: ['active', 'archived', 'draft'] },
        vendor: { in: 'query', type: 'string' },
        product_type: { in: 'query', type: 'string' },
        collection_id: { in: 'query', type: 'integer' },
        fields: { in: 'query', type: 'string', description: 'Comma-separated fields to return' },
        limit: {
          in: 'query',
          type: 'integer',
          minimum: 1,
          maximum: 250,
          description: 'Per page (default 50)',
        },
      },
      pagination: { style: 'link', items: 'products' },
    },
    get_product: {
      description: 'Read one product with its variants and images.',
      method: 'GET',
      path: '/products/{product_id}.json',
      params: { product_id: PRODUCT_ID },
      output: 'product',
      summary: 'Product {product.title}',
    },
    create_product: {
      description: 'Create a product; without variants Shopify adds one default variant.',
      method: 'POST',
      path: '/products.json',
      params: {
        title: { in: 'body', wire: 'product.title', type: 'string', required: true, maxLength: 255 },
        body_html: {
          in: 'body',
          wire: 'product.body_html',
          type: 'string',
          description: 'Description (HTML)',
        },
        vendor: { in: 'body', wire: 'product.vendor', type: 'string' },
        product_type: { in: 'body', wire: 'product.product_type', type: 'string' },
        tags: { in: 'body', wire: 'product.tags', type: 'string', description: 'Comma-separated tags' },
        status: { in: 'body', wire: 'product.status', type: 'string', enum: ['active', 'archived', 'draft'] },
        variants: {
          in: 'body',
          wire: 'product.variants',
          type: 'array',
          items: { type: 'object' },
          description: 'Variant objects, e.g. [{"price":"19.99","sku":"TS-1","option1":"Small"}]',
        },
      },
      output: 'product',
      summary: 'Created product {product.id}',
    },
    update_product: {
      description: 'Change a product’s title, description, status or tags.',
      method: 'PUT',
      path: '/products/{product_id}.json',
      params: {
        product_id: PRODUCT_ID,
        title: { in: 'body', wire: 'product.title', type: 'string', maxLength: 255 },
        body_html: { in: 'body', wire: 'product.body_html', type: 'string' },
        tags: {
          in: 'body',
          wire: 'product.tags',
          type: 'string',
          description: 'Comma-separated; replaces all tags',
        },
        status: { in: 'body', wire: 'product.status', type: 'string', enum: ['active', 'archived', 'draft'] },
      },
      output: 'product',
      summary: 'Updated product {product.id}',
    },
    search_customers: {
      description: 'Search customers with Shopify’s query syntax (e.g. "email:ada@example.com").',
      method: 'GET',
      path: '/customers/search.json',
      params: {
        query: { in: 'query', type: 'string', required: true, description: 'e.g. email:ada@example.com' },
        limit: { in: 'query', type: 'integer', minimum: 1, maximum: 250 },
      },
      pagination: { style: 'link', items: 'customers' },
    },
  },
});
