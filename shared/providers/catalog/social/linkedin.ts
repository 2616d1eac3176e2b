import { defineManifest } from '../../manifest/manifest-schema';

const VERSIONED = { 'LinkedIn-Version': '202609', 'X-Restli-Protocol-Version': '2.0.0' };
const POST_URN = {
  in: 'path',
  type: 'string',
  required: true,
  pattern: '^urn:li:(share|ugcPost):[0-9]{1,25}$',
  description: 'The post URN, urn:li:share:… or urn:li:ugcPost:…',
} as const;

export const linkedin = defineManifest({
  name: 'linkedin',
  title: 'LinkedIn Posts',
  category: 'social',
  description:
    'Publish text and link posts as a member or organization page, and read or delete posts, through the LinkedIn Posts API.',
  docsUrl: 'https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api',
  verification: 'documented',
  baseUrl: 'https://api.linkedin.com',
  auth: {
    credentialType: 'oauth',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'A member access token with w_member_social (or w_organization_social for pages), plus openid for get_userinfo',
  },
  errors: { message: ['message', 'error_description'] },
  actions: {
    create_post: {
      description:
        'Publish a post; LinkedIn answers 201 with the new URN only in a header, so the output is empty on success.',
      method: 'POST',
      path: '/rest/posts',
      idempotent: false,
      constants: {
        headers: VERSIONED,
        body: {
          distribution: {
            feedDistribution: 'MAIN_FEED',
            targetEntities: [],
            thirdPartyDistributionChannels: [],
          },
          lifecycleState: 'PUBLISHED',
          isReshareDisabledByAuthor: false,
        },
      },
      params: {
        author: {
          in: 'body',
          type: 'string',
          required: true,
          pattern: '^urn:li:(person|organization):[A-Za-z0-9_-]{1,64}$',
          description: 'urn:li:person:{id} (the sub of get_userinfo) or urn:li:organization:{id}',
        },
        commentary: {
          in: 'body',
          type: 'string',
          required: true,
          maxLength: 3000,
          description: 'The post text (little text format: escape ()[]{}@#*_~ with \\)',
        },
        visibility: {
          in: 'body',
          type: 'string',
          required: true,
          enum: ['PUBLIC', 'CONNECTIONS', 'LOGGED_IN'],
        },
        article_url: {
          in: 'body',
          wire: 'content.article.source',
          type: 'string',
          format: 'uri',
          description: 'A link to share as an article card',
        },
        article_title: { in: 'body', wire: 'content.article.title', type: 'string', maxLength: 400 },
        article_description: {
          in: 'body',
          wire: 'content.article.description',
          type: 'string',
          maxLength: 4086,
        },
      },
      summary: 'Posted to LinkedIn',
    },
    get_post: {
      description: 'Read one post by its URN.',
      method: 'GET',
      path: '/rest/posts/{post_urn}',
      constants: { headers: VERSIONED },
      params: { post_urn: POST_URN },
    },
    delete_post: {
      description: 'Delete a post by its URN.',
      method: 'DELETE',
      path: '/rest/posts/{post_urn}',
      constants: { headers: VERSIONED },
      params: { post_urn: POST_URN },
      summary: 'Deleted',
    },
    get_userinfo: {
      description: 'Read the signed-in member (OpenID Connect): sub is the person ID for author.',
      method: 'GET',
      path: '/v2/userinfo',
      output: { sub: 'sub', name: 'name', email: 'email' },
      summary: 'Signed in as {name}',
    },
  },
});
