import { defineManifest } from '../../manifest/manifest-schema';

const GUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

const WHERE = {
  in: 'query',
  type: 'string',
  description: 'A Xero filter, e.g. Status=="AUTHORISED" AND Total>100',
} as const;

export const xero = defineManifest({
  name: 'xero',
  title: 'Xero',
  category: 'finance',
  description:
    'Accounting in Xero: list, read and create invoices and contacts, record payments and read the chart of accounts of one organisation.',
  docsUrl: 'https://developer.xero.com/documentation/api/accounting/invoices',
  verification: 'documented',
  baseUrl: 'https://api.xero.com/api.xro/2.0',
  auth: {
    credentialType: 'oauth',
    fields: {
      access_token: { description: 'An OAuth 2.0 access token with accounting scopes', secret: true },
      tenant_id: { description: 'The organisation’s tenant id (from GET /connections)', pattern: GUID },
    },
    apply: [
      { in: 'header', name: 'Authorization', value: 'Bearer {access_token}' },
      { in: 'header', name: 'xero-tenant-id', value: '{tenant_id}' },
    ],
    hint: '{"access_token":"eyJ…","tenant_id":"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"}',
  },
  errors: { message: ['Elements.0.ValidationErrors.0.Message', 'Message', 'Detail', 'Title'] },
  actions: {
    list_invoices: {
      description: 'List invoices (sales ACCREC and bills ACCPAY), optionally filtered and ordered.',
      method: 'GET',
      path: '/Invoices',
      params: {
        where: WHERE,
        order: { in: 'query', type: 'string', description: 'e.g. Date DESC' },
        statuses: {
          in: 'query',
          wire: 'Statuses',
          type: 'string',
          description: 'Comma-separated: DRAFT, SUBMITTED, AUTHORISED, PAID, VOIDED, DELETED',
        },
        contact_ids: {
          in: 'query',
          wire: 'ContactIDs',
          type: 'string',
          description: 'Comma-separated contact ids',
        },
        modified_since: {
          in: 'header',
          wire: 'If-Modified-Since',
          type: 'string',
          description: 'Only invoices changed since (e.g. 2026-01-01T00:00:00)',
        },
      },
      pagination: { style: 'page', items: 'Invoices', param: 'page', sizeParam: 'pageSize', size: 100 },
    },
    get_invoice: {
      description: 'Read one invoice by its id or number.',
      method: 'GET',
      path: '/Invoices/{invoice}',
      params: {
        invoice: {
          in: 'path',
          required: true,
          type: 'string',
          maxLength: 255,
          description: 'The InvoiceID or the InvoiceNumber',
        },
      },
      output: 'Invoices.0',
      summary: 'Invoice {Invoices.0.InvoiceNumber}: {Invoices.0.Status}',
    },
    create_invoice: {
      description: 'Create a sales invoice (ACCREC) or bill (ACCPAY) for a contact.',
      method: 'POST',
      path: '/Invoices',
      params: {
        type: { in: 'body', wire: 'Type', type: 'string', required: true, enum: ['ACCREC', 'ACCPAY'] },
        contact_id: { in: 'body', wire: 'Contact.ContactID', type: 'string', required: true, pattern: GUID },
        line_items: {
          in: 'body',
          wire: 'LineItems',
          type: 'array',
          required: true,
          minItems: 1,
          items: {
            type: 'object',
            description:
              '{"Description":"…","Quantity":1,"UnitAmount":100,"AccountCode":"200","TaxType":"OUTPUT"}',
          },
        },
        date: { in: 'body', wire: 'Date', type: 'string', format: 'date' },
        due_date: { in: 'body', wire: 'DueDate', type: 'string', format: 'date' },
        reference: { in: 'body', wire: 'Reference', type: 'string', maxLength: 255 },
        invoice_number: { in: 'body', wire: 'InvoiceNumber', type: 'string', maxLength: 255 },
        status: { in: 'body', wire: 'Status', type: 'string', enum: ['DRAFT', 'SUBMITTED', 'AUTHORISED'] },
        currency_code: { in: 'body', wire: 'CurrencyCode', type: 'string', pattern: '^[A-Z]{3}$' },
        line_amount_types: {
          in: 'body',
          wire: 'LineAmountTypes',
          type: 'string',
          enum: ['Exclusive', 'Inclusive', 'NoTax'],
        },
      },
      output: 'Invoices.0',
      summary: 'Invoice {Invoices.0.InvoiceNumber}: {Invoices.0.Status}',
    },
    list_contacts: {
      description: 'List contacts, optionally by search text or filter.',
      method: 'GET',
      path: '/Contacts',
      params: {
        search_term: {
          in: 'query',
          wire: 'searchTerm',
          type: 'string',
          description: 'Name, e-mail or number contains',
        },
        where: WHERE,
        include_archived: { in: 'query', wire: 'includeArchived', type: 'boolean' },
      },
      pagination: { style: 'page', items: 'Contacts', param: 'page', sizeParam: 'pageSize', size: 100 },
    },
    create_contact: {
      description: 'Create a contact (customer or supplier).',
      method: 'POST',
      path: '/Contacts',
      params: {
        name: { in: 'body', wire: 'Name', type: 'string', required: true, maxLength: 255 },
        email: { in: 'body', wire: 'EmailAddress', type: 'string', format: 'email', maxLength: 255 },
        first_name: { in: 'body', wire: 'FirstName', type: 'string', maxLength: 255 },
        last_name: { in: 'body', wire: 'LastName', type: 'string', maxLength: 255 },
        account_number: { in: 'body', wire: 'AccountNumber', type: 'string', maxLength: 50 },
        contact_number: { in: 'body', wire: 'ContactNumber', type: 'string', maxLength: 50 },
      },
      output: 'Contacts.0',
      summary: 'Contact {Contacts.0.ContactID}',
    },
    create_payment: {
      description: 'Record a payment against an authorised invoice from a bank account.',
      method: 'PUT',
      path: '/Payments',
      params: {
        invoice_id: { in: 'body', wire: 'Invoice.InvoiceID', type: 'string', required: true, pattern: GUID },
        account_code: {
          in: 'body',
          wire: 'Account.Code',
          type: 'string',
          required: true,
          description: 'The bank account’s code',
        },
        amount: { in: 'body', wire: 'Amount', type: 'number', required: true, minimum: 0 },
        date: { in: 'body', wire: 'Date', type: 'string', format: 'date', required: true },
        reference: { in: 'body', wire: 'Reference', type: 'string' },
      },
      output: 'Payments.0',
      summary: 'Payment {Payments.0.PaymentID}: {Payments.0.Status}',
    },
    list_accounts: {
      description: 'The chart of accounts (codes for invoice lines and payments).',
      method: 'GET',
      path: '/Accounts',
      params: { where: WHERE },
      output: 'Accounts',
    },
  },
});
