import { gitlab } from '../../../../../../shared/providers/catalog/developer/gitlab';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * GitLab's REST API v4 as documented (docs.gitlab.com/api/issues, /api/rest): the token in
 * `PRIVATE-TOKEN`, a project addressed by ID or URL-encoded path (`group%2Fproject`), 201 with
 * the issue on create, list pages linked from the `Link` header (rel="next"), and
 * `{"message": …}` or `{"error": …}` on a refusal.
 */
const TOKEN = 'glpat-0123456789abcdefghij';
let fake: FakeServer;

const issue = (iid: number, extra: Record<string, unknown> = {}) => ({
  id: 1000 + iid,
  iid,
  project_id: 7,
  title: `Issue ${iid}`,
  state: 'opened',
  web_url: `https://gitlab.com/acme/app/-/issues/${iid}`,
  ...extra,
});

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers['private-token'] !== TOKEN) return sendJson(res, 401, { message: '401 Unauthorized' });
    const project = /^\/api\/v4\/projects\/(acme%2Fapp|7)\/issues$/.exec(req.path);
    if (req.method === 'POST' && project) {
      if (req.headers['content-type'] !== 'application/json')
        return sendJson(res, 415, { error: 'unsupported media type' });
      const body = jsonBody<{ title?: string; labels?: string; description?: string }>(req);
      if (!body.title)
        return sendJson(res, 400, { message: { title: ["can't be blank"] }, error: 'title is missing' });
      return sendJson(res, 201, issue(12, { title: body.title, labels: body.labels?.split(',') ?? [] }));
    }
    if (req.method === 'GET' && project) {
      const page = Number(req.query.get('page') ?? '1');
      const base = `http://${req.headers.host}/api/v4/projects/7/issues?state=opened&per_page=2`;
      const link =
        page === 1
          ? `<${base}&page=2>; rel="next", <${base}&page=1>; rel="first", <${base}&page=2>; rel="last"`
          : `<${base}&page=1>; rel="prev", <${base}&page=1>; rel="first", <${base}&page=2>; rel="last"`;
      const items = page === 1 ? [issue(1), issue(2)] : [issue(3)];
      return sendJson(res, 200, items, { link, 'x-total': '3', 'x-next-page': page === 1 ? '2' : '' });
    }
    return sendJson(res, 404, { message: '404 Project Not Found' });
  });
});
afterAll(() => fake.close());

it('creates an issue in a project addressed by its encoded path', async () => {
  const provider = wireProvider(gitlab, fake);
  const result = await runAction(
    provider,
    'create_issue',
    {
      project_id: 'acme/app',
      title: 'Login broken',
      description: 'Steps…',
      labels: 'bug,p1',
      confidential: true,
    },
    { credential: TOKEN },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/api/v4/projects/acme%2Fapp/issues', rawQuery: '' });
  expect(sent.headers['private-token']).toBe(TOKEN);
  expect(sent.headers.authorization).toBeUndefined();
  expect(jsonBody(sent)).toEqual({
    title: 'Login broken',
    description: 'Steps…',
    labels: 'bug,p1',
    confidential: true,
  });
  expect(result).toEqual({
    success: true,
    output: { id: 1012, iid: 12, web_url: 'https://gitlab.com/acme/app/-/issues/12', state: 'opened' },
    message: 'Created issue #12',
  });
});

it('follows the Link header to the last page', async () => {
  const provider = wireProvider(gitlab, fake);
  const result = await runAction(
    provider,
    'list_issues',
    { project_id: '7', state: 'opened', per_page: 2, max_pages: 5 },
    { credential: TOKEN },
  );
  const pages = fake.requests.filter((r) => r.method === 'GET').slice(-2);
  expect(pages[0]).toMatchObject({ path: '/api/v4/projects/7/issues', rawQuery: 'state=opened&per_page=2' });
  expect(pages[1]).toMatchObject({
    path: '/api/v4/projects/7/issues',
    rawQuery: 'state=opened&per_page=2&page=2',
  });
  expect(pages[1]!.headers['private-token']).toBe(TOKEN);
  expect(result).toMatchObject({ success: true, output: { pages: 2, has_more: false } });
  expect((result.output as { items: { iid: number }[] }).items.map((i) => i.iid)).toEqual([1, 2, 3]);
  expect(result.message).toBe('GitLab: 3 items from 2 pages');
});

it("reports GitLab's message on a refusal", async () => {
  const provider = wireProvider(gitlab, fake);
  const denied = await runAction(
    provider,
    'create_issue',
    { project_id: '7', title: 'x' },
    { credential: 'glpat-wrong-token-000000' },
  );
  expect(denied).toMatchObject({ success: false, message: 'GitLab responded 401: 401 Unauthorized' });
  const missing = await runAction(
    provider,
    'create_issue',
    { project_id: 'acme/other', title: 'x' },
    { credential: TOKEN },
  );
  expect(missing).toMatchObject({ success: false, message: 'GitLab responded 404: 404 Project Not Found' });
});
