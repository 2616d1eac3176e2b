import { defineManifest } from '../../manifest/manifest-schema';

const SLUG = { in: 'path', required: true, type: 'string', minLength: 1, maxLength: 100 } as const;

export const sentry = defineManifest({
  name: 'sentry',
  title: 'Sentry',
  category: 'developer',
  description: 'List, read and resolve Sentry issues with an auth token (sentry.io).',
  docsUrl: 'https://docs.sentry.io/api/issues/list-a-projects-issues/',
  verification: 'documented',
  baseUrl: 'https://sentry.io/api/0',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An organization or personal auth token with event:read (event:write to update issues)',
  },
  errors: { message: ['detail', 'message'] },
  actions: {
    list_project_issues: {
      description:
        "List a project's issues matching a Sentry search (default is:unresolved). The next page's cursor is in the Link header; pass it as cursor.",
      method: 'GET',
      path: '/projects/{organization_slug}/{project_slug}/issues/',
      params: {
        organization_slug: { ...SLUG, description: 'The organization slug or ID' },
        project_slug: { ...SLUG, description: 'The project slug or ID' },
        query: { in: 'query', type: 'string', description: 'e.g. is:unresolved level:error' },
        stats_period: { in: 'query', wire: 'statsPeriod', type: 'string', enum: ['', '24h', '14d'] },
        short_id_lookup: { in: 'query', wire: 'shortIdLookup', type: 'boolean' },
        cursor: { in: 'query', type: 'string', description: 'A page cursor from a previous answer' },
      },
    },
    get_issue: {
      description: 'Read one issue (title, culprit, status, counts, first and last seen).',
      method: 'GET',
      path: '/organizations/{organization_slug}/issues/{issue_id}/',
      params: {
        organization_slug: { ...SLUG, description: 'The organization slug or ID' },
        issue_id: { in: 'path', required: true, type: 'string', pattern: '^[0-9]+$' },
      },
      summary: '{shortId}: {title} ({status})',
    },
    update_issue: {
      description: 'Resolve, ignore or reopen an issue, assign it, or bookmark it.',
      method: 'PUT',
      path: '/organizations/{organization_slug}/issues/{issue_id}/',
      params: {
        organization_slug: { ...SLUG, description: 'The organization slug or ID' },
        issue_id: { in: 'path', required: true, type: 'string', pattern: '^[0-9]+$' },
        status: {
          in: 'body',
          type: 'string',
          enum: ['resolved', 'resolvedInNextRelease', 'unresolved', 'ignored'],
        },
        assigned_to: {
          in: 'body',
          wire: 'assignedTo',
          type: 'string',
          description: 'A user (username, user:ID) or team (team:ID); empty unassigns',
        },
        has_seen: { in: 'body', wire: 'hasSeen', type: 'boolean' },
        is_bookmarked: { in: 'body', wire: 'isBookmarked', type: 'boolean' },
        is_public: { in: 'body', wire: 'isPublic', type: 'boolean' },
      },
      idempotent: true,
      summary: 'Issue is {status}',
    },
  },
});
