import { defineManifest } from '../../manifest/manifest-schema';

const PAGE_ID = {
  in: 'path',
  type: 'string',
  required: true,
  pattern: '^[0-9]{1,20}$',
  description: 'The Page ID',
} as const;

export const facebookPages = defineManifest({
  name: 'facebook_pages',
  title: 'Facebook Pages',
  category: 'social',
  description:
    'Publish, schedule, list and delete posts on a Facebook Page through the Graph API with a Page access token.',
  docsUrl: 'https://developers.facebook.com/docs/pages-api/posts',
  verification: 'documented',
  baseUrl: 'https://graph.facebook.com/v24.0',
  auth: {
    credentialType: 'oauth',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A Page access token with pages_manage_posts and pages_read_engagement',
  },
  errors: { message: ['error.error_user_msg', 'error.message'] },
  actions: {
    create_post: {
      description:
        'Publish a post on the Page, or schedule it (published false + scheduled_publish_time); the output has the post ID.',
      method: 'POST',
      path: '/{page_id}/feed',
      idempotent: false,
      params: {
        page_id: PAGE_ID,
        message: { in: 'body', type: 'string', maxLength: 63206, description: 'The post text' },
        link: { in: 'body', type: 'string', format: 'uri', description: 'A URL to share' },
        published: { in: 'body', type: 'boolean', description: 'false: create unpublished (to schedule)' },
        scheduled_publish_time: {
          in: 'body',
          type: 'integer',
          description: 'Unix time, 10 minutes to 30 days ahead (with published false)',
        },
      },
      output: { id: 'id' },
      summary: 'Posted {id}',
    },
    list_posts: {
      description: 'List the Page’s published posts, newest first.',
      method: 'GET',
      path: '/{page_id}/posts',
      params: {
        page_id: PAGE_ID,
        fields: {
          in: 'query',
          type: 'string',
          description:
            'Fields, comma-separated (default id,message,created_time), e.g. id,message,permalink_url',
        },
        limit: { in: 'query', type: 'integer', minimum: 1, maximum: 100, description: 'Per page' },
      },
      pagination: { style: 'next_url', items: 'data', next: 'paging.next' },
    },
    delete_post: {
      description: 'Delete a Page post.',
      method: 'DELETE',
      path: '/{post_id}',
      params: {
        post_id: {
          in: 'path',
          type: 'string',
          required: true,
          pattern: '^[0-9]{1,20}_[0-9]{1,25}$',
          description: 'The post ID, {page-id}_{post-id}',
        },
      },
      output: { success: 'success' },
      summary: 'Deleted',
    },
  },
});
