import { defineManifest } from '../../manifest/manifest-schema';

const LIST_ID = {
  in: 'path',
  type: 'string',
  required: true,
  pattern: '^[0-9a-f]{10}$',
  description: 'The audience (list) id, e.g. a1b2c3d4e5 (Audience → Settings)',
} as const;

export const mailchimp = defineManifest({
  name: 'mailchimp',
  title: 'Mailchimp',
  category: 'marketing',
  description: 'Add, list and tag audience members with the Mailchimp Marketing API 3.0.',
  docsUrl: 'https://mailchimp.com/developer/marketing/api/list-members/',
  verification: 'wire-tested',
  baseUrl: 'https://{dc}.api.mailchimp.com/3.0',
  auth: {
    credentialType: 'api_key',
    fields: {
      dc: {
        description: 'The data center: the part after the dash at the end of the API key (us21)',
        pattern: '^[a-z]{2,4}[0-9]{1,3}$',
      },
      api_key: { description: 'A Mailchimp Marketing API key', secret: true },
    },
    apply: [{ in: 'basic', username: 'anystring', password: '{api_key}' }],
    hint: '{"dc":"us21","api_key":"…-us21"} (Profile → Extras → API keys)',
  },
  errors: { message: ['detail', 'title'] },
  actions: {
    add_member: {
      description:
        'Add a contact to an audience. Fails with "Member Exists" when the address is already on the list.',
      method: 'POST',
      path: '/lists/{list_id}/members',
      params: {
        list_id: LIST_ID,
        email_address: { in: 'body', type: 'string', format: 'email', required: true },
        status: {
          in: 'body',
          type: 'string',
          enum: ['subscribed', 'unsubscribed', 'cleaned', 'pending', 'transactional'],
          required: true,
          description: 'pending sends a double opt-in confirmation',
        },
        merge_fields: {
          in: 'body',
          type: 'object',
          description: 'Merge field values by tag, e.g. {"FNAME":"Ada","LNAME":"Lovelace"}',
        },
        tags: {
          in: 'body',
          type: 'array',
          items: { type: 'string', maxLength: 100 },
          description: 'Tag names',
        },
        email_type: { in: 'body', type: 'string', enum: ['html', 'text'] },
        language: { in: 'body', type: 'string', maxLength: 10, description: 'Language code, e.g. en or fr' },
        vip: { in: 'body', type: 'boolean' },
      },
      output: {
        id: 'id',
        email_address: 'email_address',
        status: 'status',
        unique_email_id: 'unique_email_id',
      },
      summary: 'Added {email_address} ({status})',
    },
    list_members: {
      description: 'List the members of an audience, optionally only those with one status.',
      method: 'GET',
      path: '/lists/{list_id}/members',
      params: {
        list_id: LIST_ID,
        status: {
          in: 'query',
          type: 'string',
          enum: ['subscribed', 'unsubscribed', 'cleaned', 'pending', 'transactional', 'archived'],
        },
        since_last_changed: {
          in: 'query',
          type: 'string',
          format: 'date-time',
          description: 'Only members changed after this time (ISO 8601)',
        },
        fields: {
          in: 'query',
          type: 'string',
          description: 'Comma-separated fields to return, e.g. members.email_address,members.status',
        },
      },
      pagination: { style: 'offset', items: 'members', param: 'offset', sizeParam: 'count', size: 100 },
    },
    update_member_tags: {
      description: 'Add or remove tags on a member; tags that do not exist yet are created.',
      method: 'POST',
      path: '/lists/{list_id}/members/{subscriber_hash}/tags',
      params: {
        list_id: LIST_ID,
        subscriber_hash: {
          in: 'path',
          type: 'string',
          required: true,
          minLength: 3,
          description: 'The member’s e-mail address, contact id or MD5 hash of the lower-cased address',
        },
        tags: {
          in: 'body',
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              name: { type: 'string', minLength: 1, maxLength: 100 },
              status: { type: 'string', enum: ['active', 'inactive'] },
            },
            required: ['name', 'status'],
            additionalProperties: false,
          },
          required: true,
          description: '[{"name":"vip","status":"active"}]; inactive removes the tag',
        },
      },
      summary: 'Tags updated',
    },
  },
});
