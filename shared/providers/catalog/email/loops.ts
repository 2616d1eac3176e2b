import { defineManifest } from '../../manifest/manifest-schema';

export const loops = defineManifest({
  name: 'loops',
  title: 'Loops',
  category: 'email',
  description: 'Send Loops transactional e-mail, manage contacts and send events that trigger loops.',
  docsUrl: 'https://loops.so/docs/api-reference/send-transactional-email',
  verification: 'documented',
  baseUrl: 'https://app.loops.so/api/v1',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A Loops API key (Settings → API)',
  },
  errors: { message: ['message', 'error.message', 'error'] },
  actions: {
    send_transactional_email: {
      description: 'Send a published transactional e-mail to one address, filling its data variables.',
      method: 'POST',
      path: '/transactional',
      idempotencyHeader: 'Idempotency-Key',
      params: {
        transactional_id: {
          in: 'body',
          wire: 'transactionalId',
          type: 'string',
          required: true,
          description: 'The id of the transactional e-mail (from its Publish page)',
        },
        email: { in: 'body', type: 'string', format: 'email', required: true },
        data_variables: {
          in: 'body',
          wire: 'dataVariables',
          type: 'object',
          description: 'Values for the e-mail’s data variables',
        },
        add_to_audience: {
          in: 'body',
          wire: 'addToAudience',
          type: 'boolean',
          description: 'Also create a contact when none exists',
        },
      },
      output: { success: 'success' },
      summary: 'Loops sent the transactional e-mail',
    },
    create_contact: {
      description: 'Create a contact in the audience; fails when the e-mail address already exists.',
      method: 'POST',
      path: '/contacts/create',
      params: {
        email: { in: 'body', type: 'string', format: 'email', required: true },
        first_name: { in: 'body', wire: 'firstName', type: 'string' },
        last_name: { in: 'body', wire: 'lastName', type: 'string' },
        subscribed: { in: 'body', type: 'boolean' },
        user_group: { in: 'body', wire: 'userGroup', type: 'string' },
        user_id: { in: 'body', wire: 'userId', type: 'string', description: 'Your own id for the contact' },
        mailing_lists: {
          in: 'body',
          wire: 'mailingLists',
          type: 'object',
          additionalProperties: { type: 'boolean' },
          description: 'Mailing list ids mapped to true (subscribe) or false',
        },
      },
      output: { id: 'id' },
      summary: 'Loops contact {id} created',
    },
    send_event: {
      description: 'Send an event for a contact (by e-mail or user id) to trigger loops.',
      method: 'POST',
      path: '/events/send',
      params: {
        event_name: { in: 'body', wire: 'eventName', type: 'string', required: true },
        email: { in: 'body', type: 'string', format: 'email' },
        user_id: { in: 'body', wire: 'userId', type: 'string' },
        event_properties: { in: 'body', wire: 'eventProperties', type: 'object' },
      },
      output: { success: 'success' },
      summary: 'Loops recorded the event',
    },
  },
});
