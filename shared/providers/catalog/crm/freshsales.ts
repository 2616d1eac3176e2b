import { defineManifest } from '../../manifest/manifest-schema';

export const freshsales = defineManifest({
  name: 'freshsales',
  title: 'Freshsales',
  category: 'crm',
  description: 'Create contacts, accounts and deals in Freshsales (Freshworks CRM) with an API key.',
  docsUrl: 'https://developers.freshworks.com/crm/api/',
  verification: 'documented',
  baseUrl: 'https://{domain}.myfreshworks.com/crm/sales/api',
  auth: {
    credentialType: 'api_key',
    fields: {
      domain: {
        description: 'The bundle alias subdomain: the "acme" of acme.myfreshworks.com',
        pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
      },
      api_key: { description: 'Your API key (Profile settings → API settings)', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Token token={api_key}' }],
    hint: '{"domain":"acme","api_key":"…"}',
  },
  errors: { message: ['errors.message.0', 'errors.message', 'message'] },
  actions: {
    create_contact: {
      description: 'Create a contact (needs an e-mail or a mobile number).',
      method: 'POST',
      path: '/contacts',
      params: {
        first_name: { in: 'body', wire: 'contact.first_name', type: 'string' },
        last_name: { in: 'body', wire: 'contact.last_name', type: 'string' },
        email: { in: 'body', wire: 'contact.email', type: 'string', format: 'email' },
        mobile_number: { in: 'body', wire: 'contact.mobile_number', type: 'string' },
        work_number: { in: 'body', wire: 'contact.work_number', type: 'string' },
        job_title: { in: 'body', wire: 'contact.job_title', type: 'string' },
        owner_id: { in: 'body', wire: 'contact.owner_id', type: 'integer' },
        custom_field: {
          in: 'body',
          wire: 'contact.custom_field',
          type: 'object',
          description: 'Custom field values by name (cf_…)',
        },
      },
      output: { id: 'contact.id', email: 'contact.email', contact: 'contact' },
      summary: 'Created contact #{contact.id}',
    },
    create_account: {
      description: 'Create an account (a company, called sales account).',
      method: 'POST',
      path: '/sales_accounts',
      params: {
        name: { in: 'body', wire: 'sales_account.name', type: 'string', required: true },
        website: { in: 'body', wire: 'sales_account.website', type: 'string' },
        phone: { in: 'body', wire: 'sales_account.phone', type: 'string' },
        owner_id: { in: 'body', wire: 'sales_account.owner_id', type: 'integer' },
      },
      output: { id: 'sales_account.id', name: 'sales_account.name', account: 'sales_account' },
      summary: 'Created account {sales_account.name} (#{sales_account.id})',
    },
    create_deal: {
      description: 'Create a deal, optionally for an account and with an amount.',
      method: 'POST',
      path: '/deals',
      params: {
        name: { in: 'body', wire: 'deal.name', type: 'string', required: true },
        amount: { in: 'body', wire: 'deal.amount', type: 'number', minimum: 0 },
        sales_account_id: { in: 'body', wire: 'deal.sales_account_id', type: 'integer' },
        deal_stage_id: { in: 'body', wire: 'deal.deal_stage_id', type: 'integer' },
        expected_close: { in: 'body', wire: 'deal.expected_close', type: 'string', format: 'date' },
        owner_id: { in: 'body', wire: 'deal.owner_id', type: 'integer' },
      },
      output: { id: 'deal.id', name: 'deal.name', deal: 'deal' },
      summary: 'Created deal {deal.name} (#{deal.id})',
    },
  },
});
