import { asana } from '../../../../../../shared/providers/catalog/productivity/asana';
import {
  bearerOf,
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Asana's API as documented (developers.asana.com/reference): a personal access token as a
 * bearer token; write bodies and every answer wrap their fields in `data`; POST /api/1.0/tasks
 * needs a workspace, projects or parent; GET /api/1.0/tasks?project=…&limit=… pages with
 * `next_page: {offset, path, uri}` (null on the last page). Errors: {"errors": [{"message"}]}.
 */
const TOKEN = '2/1200000000000001/1200000000000002:0123456789abcdef';
const tasks = Array.from({ length: 3 }, (_, i) => ({ gid: `12000000000000${10 + i}`, name: `Task ${i}` }));

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (bearerOf(req) !== TOKEN)
      return sendJson(res, 401, {
        errors: [{ message: 'Not Authorized', help: 'https://developers.asana.com/docs/errors' }],
      });
    if (req.method === 'POST' && req.path === '/api/1.0/tasks') {
      if (req.headers['content-type'] !== 'application/json')
        return sendJson(res, 400, { errors: [{ message: 'Could not parse request data, invalid JSON' }] });
      const { data } = jsonBody<{ data?: Record<string, unknown> }>(req);
      if (!data) return sendJson(res, 400, { errors: [{ message: 'data: Missing input' }] });
      if (!data.workspace && !data.projects && !data.parent)
        return sendJson(res, 400, {
          errors: [{ message: 'You should specify one of workspace, parent, projects' }],
        });
      return sendJson(res, 201, {
        data: {
          gid: '1208000000000001',
          resource_type: 'task',
          name: data.name,
          notes: data.notes ?? '',
          permalink_url: 'https://app.asana.com/0/1207000000000001/1208000000000001',
        },
      });
    }
    if (req.method === 'GET' && req.path === '/api/1.0/tasks') {
      if (!req.query.get('project'))
        return sendJson(res, 400, {
          errors: [
            {
              message:
                'Must specify exactly one of project, tag, section, user task list, or assignee + workspace',
            },
          ],
        });
      const limit = Number(req.query.get('limit'));
      const offset = req.query.get('offset');
      const start = offset ? Number(offset.replace('eyJ', '')) : 0;
      const page = tasks.slice(start, start + Math.min(limit, 2));
      const end = start + page.length;
      return sendJson(res, 200, {
        data: page,
        next_page:
          end < tasks.length
            ? {
                offset: `eyJ${end}`,
                path: `/tasks?offset=eyJ${end}`,
                uri: 'https://app.asana.com/api/1.0/tasks',
              }
            : null,
      });
    }
    return sendJson(res, 404, { errors: [{ message: 'Not Found' }] });
  });
});
afterAll(() => fake.close());

it('creates a task with its fields wrapped in data', async () => {
  const provider = wireProvider(asana, fake);
  const result = await runAction(
    provider,
    'create_task',
    {
      name: 'Ship it',
      notes: 'Before Friday',
      projects: ['1207000000000001'],
      assignee: 'me',
      due_on: '2026-12-04',
    },
    { credential: TOKEN },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/api/1.0/tasks' });
  expect(jsonBody(fake.last())).toEqual({
    data: {
      name: 'Ship it',
      notes: 'Before Friday',
      projects: ['1207000000000001'],
      assignee: 'me',
      due_on: '2026-12-04',
    },
  });
  expect(result).toEqual({
    success: true,
    output: {
      gid: '1208000000000001',
      name: 'Ship it',
      permalink_url: 'https://app.asana.com/0/1207000000000001/1208000000000001',
    },
    message: 'Created task Ship it',
  });
});

it('pages through the tasks of a project with next_page.offset', async () => {
  const provider = wireProvider(asana, fake);
  const before = fake.requests.length;
  const result = await runAction(
    provider,
    'list_project_tasks',
    { project: '1207000000000001', max_pages: 3 },
    { credential: TOKEN },
  );
  const sent = fake.requests.slice(before);
  expect(sent.map((r) => r.rawQuery)).toEqual([
    'limit=100&project=1207000000000001',
    'limit=100&project=1207000000000001&offset=eyJ2',
  ]);
  expect(result).toEqual({
    success: true,
    output: { items: tasks, pages: 2, has_more: false },
    message: 'Asana: 3 items from 2 pages',
  });
});

it("reports Asana's first error message", async () => {
  const provider = wireProvider(asana, fake);
  const bad = await runAction(provider, 'create_task', { name: 'Orphan' }, { credential: TOKEN });
  expect(bad).toMatchObject({
    success: false,
    message: 'Asana responded 400: You should specify one of workspace, parent, projects',
  });
  const denied = await runAction(
    provider,
    'create_task',
    { name: 'x', workspace: '1' },
    { credential: 'nope' },
  );
  expect(denied).toMatchObject({ success: false, message: 'Asana responded 401: Not Authorized' });
});
