import { circleci } from '../../../../../../shared/providers/catalog/developer/circleci';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * CircleCI API v2 as documented (circleci.com/docs/api/v2): a personal token in `Circle-Token`,
 * projects addressed by slug `gh/<org>/<repo>`, 201 `{id, state, number, created_at}` on a
 * trigger, lists as `{items, next_page_token}` continued with `page-token`, and `{message}` on
 * a refusal.
 */
const TOKEN = 'CCIPAT_0123456789abcdef';
const PIPELINE = '5034460f-c7c4-4c43-9457-de07e2029e7b';
let fake: FakeServer;

const pipeline = (number: number) => ({
  id: `${PIPELINE.slice(0, -2)}${String(number).padStart(2, '0')}`,
  number,
  state: 'created',
  project_slug: 'gh/acme/app',
});

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers['circle-token'] !== TOKEN)
      return sendJson(res, 401, { message: 'You must log in first.' });
    if (req.path === '/api/v2/project/gh/acme/app/pipeline') {
      if (req.method === 'POST') {
        if (req.headers['content-type'] !== 'application/json')
          return sendJson(res, 400, { message: 'Bad request' });
        const body = jsonBody<{ branch?: string; tag?: string }>(req);
        if (body.branch && body.tag)
          return sendJson(res, 400, { message: 'branch and tag are mutually exclusive' });
        return sendJson(res, 201, {
          id: PIPELINE,
          state: 'pending',
          number: 42,
          created_at: '2026-12-03T12:00:00Z',
        });
      }
      if (req.method === 'GET') {
        if (req.query.get('page-token') === 'tok2')
          return sendJson(res, 200, { items: [pipeline(1)], next_page_token: null });
        return sendJson(res, 200, { items: [pipeline(3), pipeline(2)], next_page_token: 'tok2' });
      }
    }
    return sendJson(res, 404, { message: 'Project not found' });
  });
});
afterAll(() => fake.close());

it('triggers a pipeline with parameters on a branch', async () => {
  const provider = wireProvider(circleci, fake);
  const result = await runAction(
    provider,
    'trigger_pipeline',
    { vcs: 'gh', org: 'acme', repo: 'app', branch: 'main', parameters: { deploy: true, region: 'eu' } },
    { credential: TOKEN },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/api/v2/project/gh/acme/app/pipeline' });
  expect(sent.headers['circle-token']).toBe(TOKEN);
  expect(jsonBody(sent)).toEqual({ branch: 'main', parameters: { deploy: true, region: 'eu' } });
  expect(result).toEqual({
    success: true,
    output: { id: PIPELINE, number: 42, state: 'pending', created_at: '2026-12-03T12:00:00Z' },
    message: 'Pipeline #42 pending',
  });
});

it('pages through pipelines with page-token', async () => {
  const provider = wireProvider(circleci, fake);
  const result = await runAction(
    provider,
    'list_pipelines',
    { vcs: 'gh', org: 'acme', repo: 'app', branch: 'main', max_pages: 3 },
    { credential: TOKEN },
  );
  const pages = fake.requests.filter((r) => r.method === 'GET').slice(-2);
  expect(pages[0]!.rawQuery).toBe('branch=main');
  expect(pages[1]!.rawQuery).toBe('branch=main&page-token=tok2');
  expect(result).toMatchObject({ success: true, output: { pages: 2, has_more: false } });
  expect((result.output as { items: { number: number }[] }).items.map((p) => p.number)).toEqual([3, 2, 1]);
});

it("reports CircleCI's message on a refusal", async () => {
  const provider = wireProvider(circleci, fake);
  const clash = await runAction(
    provider,
    'trigger_pipeline',
    { vcs: 'gh', org: 'acme', repo: 'app', branch: 'main', tag: 'v1' },
    { credential: TOKEN },
  );
  expect(clash).toMatchObject({
    success: false,
    message: 'CircleCI responded 400: branch and tag are mutually exclusive',
  });
  const missing = await runAction(
    provider,
    'trigger_pipeline',
    { vcs: 'gh', org: 'acme', repo: 'nope' },
    { credential: TOKEN },
  );
  expect(missing).toMatchObject({ success: false, message: 'CircleCI responded 404: Project not found' });
  const denied = await runAction(
    provider,
    'get_pipeline',
    { pipeline_id: PIPELINE },
    { credential: 'wrong-token' },
  );
  expect(denied).toMatchObject({ success: false, message: 'CircleCI responded 401: You must log in first.' });
});
