import { defineManifest } from '../../manifest/manifest-schema';

const MINOR = { minorversion: '75' };
const ENTITY_ID = { in: 'path', required: true, type: 'string', pattern: '^[0-9]{1,20}$' } as const;

export const quickbooks = defineManifest({
  name: 'quickbooks',
  title: 'QuickBooks Online',
  category: 'finance',
  description:
    'Accounting in QuickBooks Online: query any entity, create and read customers and invoices, and record payments for one company.',
  docsUrl: 'https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/invoice',
  verification: 'documented',
  baseUrl: 'https://{environment}.api.intuit.com/v3/company/{realm_id}',
  auth: {
    credentialType: 'oauth',
    fields: {
      environment: {
        description: 'quickbooks for live companies, sandbox-quickbooks for sandbox companies',
        enum: ['quickbooks', 'sandbox-quickbooks'],
        default: 'quickbooks',
      },
      realm_id: { description: 'The company id (realmId)', pattern: '^[0-9]{1,20}$' },
      access_token: {
        description: 'An OAuth 2.0 access token (com.intuit.quickbooks.accounting)',
        secret: true,
      },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {access_token}' }],
    hint: '{"realm_id":"9130350000000000","access_token":"eyJ…","environment":"quickbooks"}',
  },
  errors: {
    message: [
      'Fault.Error.0.Detail',
      'Fault.Error.0.Message',
      'fault.error.0.detail',
      'fault.error.0.message',
    ],
  },
  actions: {
    query: {
      description: 'Run a QuickBooks query, e.g. SELECT * FROM Invoice WHERE Balance > 0 MAXRESULTS 100.',
      method: 'GET',
      path: '/query',
      constants: { query: MINOR },
      params: {
        query: {
          in: 'query',
          type: 'string',
          required: true,
          maxLength: 4000,
          description: 'The SQL-like query',
        },
      },
      output: 'QueryResponse',
    },
    get_customer: {
      description: 'Read a customer.',
      method: 'GET',
      path: '/customer/{customer_id}',
      constants: { query: MINOR },
      params: { customer_id: ENTITY_ID },
      output: 'Customer',
      summary: 'Customer {Customer.DisplayName}',
    },
    create_customer: {
      description: 'Create a customer (the display name must be unique).',
      method: 'POST',
      path: '/customer',
      constants: { query: MINOR },
      params: {
        display_name: { in: 'body', wire: 'DisplayName', type: 'string', required: true, maxLength: 500 },
        given_name: { in: 'body', wire: 'GivenName', type: 'string', maxLength: 100 },
        family_name: { in: 'body', wire: 'FamilyName', type: 'string', maxLength: 100 },
        company_name: { in: 'body', wire: 'CompanyName', type: 'string', maxLength: 100 },
        email: {
          in: 'body',
          wire: 'PrimaryEmailAddr.Address',
          type: 'string',
          format: 'email',
          maxLength: 100,
        },
        phone: { in: 'body', wire: 'PrimaryPhone.FreeFormNumber', type: 'string', maxLength: 30 },
      },
      output: 'Customer',
      summary: 'Created customer {Customer.Id}',
    },
    get_invoice: {
      description: 'Read an invoice.',
      method: 'GET',
      path: '/invoice/{invoice_id}',
      constants: { query: MINOR },
      params: { invoice_id: ENTITY_ID },
      output: 'Invoice',
      summary: 'Invoice {Invoice.DocNumber}: balance {Invoice.Balance}',
    },
    create_invoice: {
      description: 'Create an invoice for a customer with sales item lines.',
      method: 'POST',
      path: '/invoice',
      constants: { query: MINOR },
      params: {
        customer_id: {
          in: 'body',
          wire: 'CustomerRef.value',
          type: 'string',
          required: true,
          pattern: '^[0-9]+$',
        },
        lines: {
          in: 'body',
          wire: 'Line',
          type: 'array',
          required: true,
          minItems: 1,
          items: {
            type: 'object',
            description:
              '{"DetailType":"SalesItemLineDetail","Amount":100,"Description":"…","SalesItemLineDetail":{"ItemRef":{"value":"1"},"Qty":1,"UnitPrice":100}}',
          },
        },
        txn_date: { in: 'body', wire: 'TxnDate', type: 'string', format: 'date' },
        due_date: { in: 'body', wire: 'DueDate', type: 'string', format: 'date' },
        doc_number: { in: 'body', wire: 'DocNumber', type: 'string', maxLength: 21 },
        bill_email: { in: 'body', wire: 'BillEmail.Address', type: 'string', format: 'email' },
        customer_memo: { in: 'body', wire: 'CustomerMemo.value', type: 'string', maxLength: 1000 },
      },
      output: 'Invoice',
      summary: 'Created invoice {Invoice.DocNumber} ({Invoice.TotalAmt})',
    },
    create_payment: {
      description: 'Record a customer payment, optionally applied to invoices.',
      method: 'POST',
      path: '/payment',
      constants: { query: MINOR },
      params: {
        customer_id: {
          in: 'body',
          wire: 'CustomerRef.value',
          type: 'string',
          required: true,
          pattern: '^[0-9]+$',
        },
        total_amount: { in: 'body', wire: 'TotalAmt', type: 'number', required: true, minimum: 0 },
        lines: {
          in: 'body',
          wire: 'Line',
          type: 'array',
          items: {
            type: 'object',
            description: '{"Amount":100,"LinkedTxn":[{"TxnId":"130","TxnType":"Invoice"}]}',
          },
        },
        txn_date: { in: 'body', wire: 'TxnDate', type: 'string', format: 'date' },
      },
      output: 'Payment',
      summary: 'Payment {Payment.Id} recorded',
    },
  },
});
