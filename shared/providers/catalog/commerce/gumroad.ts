import { defineManifest } from '../../manifest/manifest-schema';

export const gumroad = defineManifest({
  name: 'gumroad',
  title: 'Gumroad',
  category: 'commerce',
  description: 'Read a Gumroad creator’s products and sales, verify license keys and mark sales shipped.',
  docsUrl: 'https://gumroad.com/api',
  verification: 'documented',
  baseUrl: 'https://api.gumroad.com/v2',
  auth: {
    credentialType: 'oauth',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An application access token (Settings → Advanced → Applications → Generate access token)',
  },
  errors: { okFlag: 'success', message: ['message', 'error'] },
  actions: {
    list_products: {
      description: 'List the creator’s products.',
      method: 'GET',
      path: '/products',
      output: 'products',
    },
    get_product: {
      description: 'Read one product.',
      method: 'GET',
      path: '/products/{product_id}',
      params: { product_id: { in: 'path', required: true, type: 'string', maxLength: 100 } },
      output: 'product',
      summary: 'Product {product.name}',
    },
    list_sales: {
      description: 'List sales, newest first, optionally by product, buyer e-mail or date.',
      method: 'GET',
      path: '/sales',
      params: {
        after: {
          in: 'query',
          type: 'string',
          format: 'date',
          description: 'Sales after this date (YYYY-MM-DD)',
        },
        before: {
          in: 'query',
          type: 'string',
          format: 'date',
          description: 'Sales before this date (YYYY-MM-DD)',
        },
        product_id: { in: 'query', type: 'string' },
        email: { in: 'query', type: 'string', format: 'email', description: 'Buyer e-mail' },
        order_id: { in: 'query', type: 'string' },
      },
      pagination: { style: 'cursor', items: 'sales', next: 'next_page_key', param: 'page_key' },
    },
    get_sale: {
      description: 'Read one sale.',
      method: 'GET',
      path: '/sales/{sale_id}',
      params: { sale_id: { in: 'path', required: true, type: 'string', maxLength: 100 } },
      output: 'sale',
      summary: 'Sale {sale.id}',
    },
    mark_sale_shipped: {
      description: 'Mark a physical product’s sale as shipped, with an optional tracking URL.',
      method: 'PUT',
      path: '/sales/{sale_id}/mark_as_shipped',
      encoding: 'form',
      params: {
        sale_id: { in: 'path', required: true, type: 'string', maxLength: 100 },
        tracking_url: { in: 'body', type: 'string', format: 'uri' },
      },
      output: 'sale',
      summary: 'Marked sale {sale.id} shipped',
    },
    verify_license: {
      description: 'Check a license key for a product; the output has the purchase and the use count.',
      method: 'POST',
      path: '/licenses/verify',
      encoding: 'form',
      params: {
        product_id: {
          in: 'body',
          type: 'string',
          required: true,
          description: 'The product id (not permalink)',
        },
        license_key: { in: 'body', type: 'string', required: true },
        increment_uses_count: { in: 'body', type: 'boolean', description: 'Default true; false only checks' },
      },
      output: { uses: 'uses', purchase: 'purchase' },
      summary: 'License valid ({uses} uses)',
    },
  },
});
