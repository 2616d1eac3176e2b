import * as z from 'zod';
import { RetryableProviderError, type ProviderDefinition } from '../types';
import { call, defineAction, joinUrl, pickString, requireCredential, upstreamFailure } from '../provider-kit';

export const GITHUB_API_BASE_URL = 'https://api.github.com';
export const GITHUB_API_VERSION = '2022-11-28';

/** Owner and repo go into the URL path: GitHub's own character rules, so no `/` or `..` slips in. */
const Owner = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'not a GitHub user or organisation');
const Repo = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,100}$/, 'not a repository name')
  .refine((r) => r !== '.' && r !== '..', 'not a repository name');

const CreateIssueParams = z.strictObject({
  owner: Owner,
  repo: Repo,
  title: z.string().min(1).max(256),
  body: z.string().max(65_536).optional(),
  labels: z.array(z.string().min(1).max(50)).max(100).optional(),
  assignees: z.array(Owner).max(10).optional(),
  milestone: z.number().int().positive().optional(),
});

/** `apiBaseUrl` exists so tests can point the provider at a loopback fake (and for GitHub Enterprise). */
export function createGithubProvider(options: { apiBaseUrl?: string } = {}): ProviderDefinition {
  const api = options.apiBaseUrl ?? GITHUB_API_BASE_URL;
  return {
    name: 'github',
    title: 'GitHub',
    category: 'developer',
    description: 'Open issues in GitHub repositories with a personal access or app token.',
    docsUrl: 'https://docs.github.com/en/rest/issues/issues',
    verification: 'wire-tested',
    credentialType: 'token',
    actions: {
      create_issue: defineAction({
        description: 'Open an issue in a repository.',
        params: CreateIssueParams,
        async execute({ owner, repo, ...issue }, ctx) {
          const token = requireCredential(ctx, 'github', 'token');
          const result = await call(ctx, {
            method: 'POST',
            url: joinUrl(api, `/repos/${owner}/${repo}/issues`),
            headers: {
              authorization: `Bearer ${token}`,
              accept: 'application/vnd.github+json',
              'x-github-api-version': GITHUB_API_VERSION,
            },
            json: issue,
          });
          // GitHub signals an exhausted primary rate limit with 403 and a reset time, not 429.
          if (result.status === 403 && result.headers['x-ratelimit-remaining'] === '0') {
            const reset = Number(result.headers['x-ratelimit-reset']) * 1000;
            throw new RetryableProviderError(
              'GitHub rate limit exceeded',
              403,
              Number.isFinite(reset) ? Math.max(0, reset - Date.now()) : undefined,
            );
          }
          if (result.status >= 400)
            return upstreamFailure('GitHub', result, pickString(result.data, 'message'));
          const created = (result.data ?? {}) as Record<string, unknown>;
          return {
            success: true,
            output: {
              id: created.id,
              number: created.number,
              html_url: created.html_url,
              state: created.state,
              title: created.title,
            },
            message: `Opened issue #${String(created.number)}`,
          };
        },
      }),
    },
  };
}

export const github = createGithubProvider();
