import { defineManifest } from '../../manifest/manifest-schema';

const ID = { type: 'string', pattern: '^[0-9]{1,25}$' } as const;

export const zohoDesk = defineManifest({
  name: 'zoho_desk',
  title: 'Zoho Desk',
  category: 'support',
  description:
    'Create Zoho Desk tickets, add comments and read tickets, with an OAuth token and the orgId header.',
  docsUrl: 'https://desk.zoho.com/DeskAPIDocument',
  verification: 'documented',
  baseUrl: 'https://desk.zoho.{dc}/api/v1',
  auth: {
    credentialType: 'oauth',
    fields: {
      dc: {
        description: 'The data centre domain of the account',
        enum: ['com', 'eu', 'in', 'com.au', 'jp', 'ca', 'com.cn', 'sa'],
        default: 'com',
      },
      org_id: {
        description: 'The organization id (Setup → Developer Space → API)',
        pattern: '^[0-9]{1,25}$',
      },
      access_token: { description: 'An OAuth access token with Desk.tickets scopes', secret: true },
    },
    apply: [
      { in: 'header', name: 'Authorization', value: 'Zoho-oauthtoken {access_token}' },
      { in: 'header', name: 'orgId', value: '{org_id}' },
    ],
    hint: '{"org_id":"2389290","access_token":"1000.…","dc":"com"}',
  },
  errors: { message: ['message', 'errorCode'] },
  actions: {
    create_ticket: {
      description: 'Create a ticket in a department, for an existing contact id or a contact by e-mail.',
      method: 'POST',
      path: '/tickets',
      params: {
        subject: { in: 'body', type: 'string', required: true, maxLength: 255 },
        department_id: { in: 'body', wire: 'departmentId', required: true, ...ID },
        contact_id: { in: 'body', wire: 'contactId', ...ID, description: 'An existing contact' },
        contact_email: {
          in: 'body',
          wire: 'contact.email',
          type: 'string',
          format: 'email',
          description: 'Or a contact by e-mail (created when new, with contact_last_name)',
        },
        contact_last_name: { in: 'body', wire: 'contact.lastName', type: 'string' },
        description: { in: 'body', type: 'string', description: 'The ticket body (HTML allowed)' },
        priority: { in: 'body', type: 'string', description: 'e.g. High, Medium, Low' },
        status: { in: 'body', type: 'string', description: 'e.g. Open' },
        channel: { in: 'body', type: 'string', description: 'e.g. Email, Phone, Web' },
        assignee_id: { in: 'body', wire: 'assigneeId', ...ID },
        email: { in: 'body', type: 'string', format: 'email', description: 'The e-mail on the ticket' },
      },
      output: { id: 'id', ticket_number: 'ticketNumber', web_url: 'webUrl', ticket: '' },
      summary: 'Created ticket #{ticketNumber}',
    },
    add_comment: {
      description: 'Comment on a ticket, public or private.',
      method: 'POST',
      path: '/tickets/{ticket_id}/comments',
      params: {
        ticket_id: { in: 'path', required: true, ...ID },
        content: { in: 'body', type: 'string', required: true },
        is_public: { in: 'body', wire: 'isPublic', type: 'boolean', default: false },
        content_type: { in: 'body', wire: 'contentType', type: 'string', enum: ['html', 'plainText'] },
      },
      output: { id: 'id', is_public: 'isPublic' },
      summary: 'Added comment {id}',
    },
    get_ticket: {
      description: 'Read one ticket by its id.',
      method: 'GET',
      path: '/tickets/{ticket_id}',
      params: { ticket_id: { in: 'path', required: true, ...ID } },
      summary: 'Ticket #{ticketNumber}: {status}',
    },
  },
});
