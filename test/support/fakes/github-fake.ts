import { bearerOf, jsonBody, sendJson, startFakeServer, type FakeServer } from './fake-server';

export interface GithubFake extends FakeServer {
  /** When set, answers like an exhausted primary rate limit (403 plus reset headers). */
  rateLimited: boolean;
}

/** POST /repos/{owner}/{repo}/issues as api.github.com answers it. */
export async function startGithubFake(token = 'ghp_fakeGithubToken0123456789abcdef'): Promise<GithubFake> {
  const state = { rateLimited: false };
  let number = 0;
  const server = await startFakeServer((req, res) => {
    const match = /^\/repos\/([^/]+)\/([^/]+)\/issues$/.exec(req.path);
    if (req.method !== 'POST' || !match)
      return sendJson(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    if (bearerOf(req) !== token) {
      return sendJson(res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
      });
    }
    if (state.rateLimited) {
      return sendJson(
        res,
        403,
        { message: 'API rate limit exceeded', documentation_url: 'https://docs.github.com/rest/rate-limit' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 60) },
      );
    }
    if (match[2] === 'missing')
      return sendJson(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    const body = jsonBody<{ title: string; body?: string; labels?: string[] }>(req);
    number += 1;
    return sendJson(res, 201, {
      id: 1_000_000 + number,
      number,
      title: body.title,
      body: body.body ?? null,
      state: 'open',
      labels: (body.labels ?? []).map((name) => ({ name })),
      html_url: `https://github.com/${match[1]}/${match[2]}/issues/${number}`,
      url: `https://api.github.com/repos/${match[1]}/${match[2]}/issues/${number}`,
    });
  });
  const fake = server as GithubFake;
  Object.defineProperty(fake, 'rateLimited', {
    get: () => state.rateLimited,
    set: (value: boolean) => {
      state.rateLimited = value;
    },
  });
  return fake;
}
