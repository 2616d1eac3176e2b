import { createGithubProvider, github, GITHUB_API_BASE_URL } from '../../../../../shared/providers/github';
import { validateStep } from '../../../../../shared/providers/registry';
import type { ProviderDefinition } from '../../../../../shared/providers/types';
import { jsonBody } from '../../../../support/fakes/fake-server';
import { startGithubFake, type GithubFake } from '../../../../support/fakes/github-fake';
import { runAction } from '../../../../support/fakes/provider-context';

const TOKEN = 'ghp_fakeGithubToken0123456789abcdef';
let fake: GithubFake;
let provider: ProviderDefinition;
beforeAll(async () => {
  fake = await startGithubFake(TOKEN);
  provider = createGithubProvider({ apiBaseUrl: fake.url });
});
afterAll(() => fake.close());

it('talks to api.github.com in production', () => {
  expect(GITHUB_API_BASE_URL).toBe('https://api.github.com');
  expect(github).toMatchObject({ name: 'github', credentialType: 'token' });
});

describe('github.create_issue', () => {
  it('POSTs the issue with the token, the media type and the API version', async () => {
    const result = await runAction(
      provider,
      'create_issue',
      { owner: 'acme', repo: 'web.app', title: 'Nightly failed', body: 'See logs', labels: ['bug'] },
      { credential: TOKEN },
    );
    const req = fake.last();
    expect(req).toMatchObject({ method: 'POST', path: '/repos/acme/web.app/issues' });
    expect(req.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'content-type': 'application/json',
      'user-agent': 'Flowgate/1.0 (+automation)',
    });
    expect(jsonBody(req)).toEqual({ title: 'Nightly failed', body: 'See logs', labels: ['bug'] });
    expect(result).toMatchObject({
      success: true,
      output: {
        number: 1,
        state: 'open',
        title: 'Nightly failed',
        html_url: 'https://github.com/acme/web.app/issues/1',
      },
      message: 'Opened issue #1',
    });
  });

  it("reports GitHub's message on failure", async () => {
    const missing = await runAction(
      provider,
      'create_issue',
      { owner: 'acme', repo: 'missing', title: 't' },
      { credential: TOKEN },
    );
    expect(missing).toMatchObject({ success: false, message: 'GitHub responded 404: Not Found' });
    const bad = await runAction(
      provider,
      'create_issue',
      { owner: 'acme', repo: 'r', title: 't' },
      { credential: 'ghp_wrong' },
    );
    expect(bad.message).toBe('GitHub responded 401: Bad credentials');
  });

  it('treats an exhausted rate limit (403 with remaining 0) as retryable with the reset time', async () => {
    fake.rateLimited = true;
    try {
      const err = await runAction(
        provider,
        'create_issue',
        { owner: 'acme', repo: 'r', title: 't' },
        { credential: TOKEN },
      ).catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'RetryableProviderError', status: 403 });
      expect((err as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
      expect((err as { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(60_000);
    } finally {
      fake.rateLimited = false;
    }
  });

  it('keeps owner and repo inside their path segments', () => {
    for (const bad of [
      { owner: 'acme/x', repo: 'r' },
      { owner: 'acme', repo: '..' },
      { owner: 'acme', repo: 'a/b' },
      { owner: '-acme', repo: 'r' },
    ]) {
      expect(validateStep(provider, 'create_issue', { ...bad, title: 't' }).success).toBe(false);
    }
  });
});
