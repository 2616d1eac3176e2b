import { jira } from '../../../../../../shared/providers/catalog/productivity/jira';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Jira Cloud's REST API v3 as documented (developer.atlassian.com/cloud/jira/platform/rest/v3):
 * basic auth with the account e-mail and an API token on https://<site>.atlassian.net;
 * POST /rest/api/3/issue with {"fields": {project, issuetype, summary, description (ADF)}}
 * answers 201 {id, key, self}; GET /rest/api/3/search/jql pages with nextPageToken (absent
 * on the last page). Errors: {"errorMessages": [...], "errors": {field: message}}.
 */
const EMAIL = 'ada@acme.com';
const API_TOKEN = 'ATATT3xFfGF0aBcDeF0123456789';
const credential = JSON.stringify({ site: 'acme', email: EMAIL, api_token: API_TOKEN });
const basic = `Basic ${Buffer.from(`${EMAIL}:${API_TOKEN}`).toString('base64')}`;
const ADF = {
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Steps to reproduce' }] }],
};
const issues = Array.from({ length: 3 }, (_, i) => ({ id: `1000${i}`, key: `PROJ-${i + 1}` }));

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers.authorization !== basic)
      return sendJson(res, 401, {
        errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
        errors: {},
      });
    if (req.method === 'POST' && req.path === '/rest/api/3/issue') {
      if (req.headers['content-type'] !== 'application/json')
        return sendJson(res, 415, { errorMessages: ['Unsupported Media Type'], errors: {} });
      const { fields } = jsonBody<{ fields: Record<string, unknown> }>(req);
      if (!fields?.summary)
        return sendJson(res, 400, {
          errorMessages: [],
          errors: { summary: 'You must specify a summary of the issue.' },
        });
      if ((fields.project as { key?: string } | undefined)?.key !== 'PROJ')
        return sendJson(res, 400, { errorMessages: [], errors: { project: 'valid project is required' } });
      return sendJson(res, 201, {
        id: '10042',
        key: 'PROJ-42',
        self: 'https://acme.atlassian.net/rest/api/3/issue/10042',
      });
    }
    if (req.method === 'GET' && req.path === '/rest/api/3/search/jql') {
      if (!req.query.get('jql'))
        return sendJson(res, 400, { errorMessages: ['jql is required'], errors: {} });
      const token = req.query.get('nextPageToken');
      const start = token ? Number(token.slice(4)) : 0;
      const size = Number(req.query.get('maxResults') ?? 50);
      const page = issues.slice(start, start + size);
      const next = start + size < issues.length ? { nextPageToken: `tok-${start + size}` } : {};
      return sendJson(res, 200, { issues: page, isLast: !next.nextPageToken, ...next });
    }
    return sendJson(res, 404, {
      errorMessages: ['Issue does not exist or you do not have permission to see it.'],
      errors: {},
    });
  });
});
afterAll(() => fake.close());

it('creates an issue with basic auth and an ADF description', async () => {
  const provider = wireProvider(jira, fake);
  const result = await runAction(
    provider,
    'create_issue',
    { project_key: 'PROJ', issue_type: 'Bug', summary: 'Login fails', description: ADF, labels: ['auth'] },
    { credential },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/rest/api/3/issue' });
  expect(jsonBody(fake.last())).toEqual({
    fields: {
      project: { key: 'PROJ' },
      issuetype: { name: 'Bug' },
      summary: 'Login fails',
      description: ADF,
      labels: ['auth'],
    },
  });
  expect(result).toEqual({
    success: true,
    output: { id: '10042', key: 'PROJ-42', self: 'https://acme.atlassian.net/rest/api/3/issue/10042' },
    message: 'Created issue PROJ-42',
  });
});

it('builds the base URL from the site field and rejects a malformed site', async () => {
  const provider = wireProvider(jira, fake);
  const before = fake.requests.length;
  await expect(
    runAction(
      provider,
      'get_issue',
      { issue: 'PROJ-1' },
      {
        credential: JSON.stringify({ site: 'evil.com/x', email: EMAIL, api_token: API_TOKEN }),
      },
    ),
  ).rejects.toThrow(/malformed site/);
  expect(fake.requests.length).toBe(before);
});

it('pages a JQL search with nextPageToken', async () => {
  const provider = wireProvider(jira, fake);
  const before = fake.requests.length;
  const result = await runAction(
    provider,
    'search_issues',
    { jql: 'project = PROJ', max_results: 2, fields: 'summary', max_pages: 4 },
    { credential },
  );
  const sent = fake.requests.slice(before);
  expect(sent.map((r) => r.query.get('nextPageToken'))).toEqual([null, 'tok-2']);
  expect(sent[0]!.query.get('jql')).toBe('project = PROJ');
  expect(result).toEqual({
    success: true,
    output: { items: issues, pages: 2, has_more: false },
    message: 'Jira Cloud: 3 items from 2 pages',
  });
});

it("reports Jira's field error and its authentication error", async () => {
  const provider = wireProvider(jira, fake);
  const bad = await runAction(
    provider,
    'create_issue',
    { project_key: 'NOPE', issue_type: 'Task', summary: 'x' },
    { credential },
  );
  expect(bad).toMatchObject({
    success: false,
    message: 'Jira Cloud responded 400: valid project is required',
  });
  const denied = await runAction(
    provider,
    'get_issue',
    { issue: 'PROJ-1' },
    {
      credential: JSON.stringify({ site: 'acme', email: EMAIL, api_token: 'wrong' }),
    },
  );
  expect(denied).toMatchObject({
    success: false,
    message:
      'Jira Cloud responded 401: You are not authenticated. Authentication required to perform this operation.',
  });
});
