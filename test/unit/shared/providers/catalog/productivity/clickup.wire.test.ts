import { clickup } from '../../../../../../shared/providers/catalog/productivity/clickup';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * ClickUp's API v2 as documented (developer.clickup.com/reference): a personal token (pk_…)
 * in the Authorization header as is, without Bearer; POST /api/v2/list/{list_id}/task with a
 * JSON body (name required) answers the task. Errors: {"err": "...", "ECODE": "..."}, e.g.
 * 401 {"err":"Token invalid","ECODE":"OAUTH_025"}.
 */
const TOKEN = 'pk_12345678_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (!req.headers.authorization)
      return sendJson(res, 400, { err: 'Authorization header required', ECODE: 'OAUTH_017' });
    if (req.headers.authorization !== TOKEN)
      return sendJson(res, 401, { err: 'Token invalid', ECODE: 'OAUTH_025' });
    const create = /^\/api\/v2\/list\/([0-9]+)\/task$/.exec(req.path);
    if (req.method === 'POST' && create) {
      if (req.headers['content-type'] !== 'application/json')
        return sendJson(res, 400, { err: 'Invalid body', ECODE: 'INPUT_001' });
      const body = jsonBody(req);
      if (!body.name) return sendJson(res, 400, { err: 'Task name invalid', ECODE: 'INPUT_005' });
      return sendJson(res, 200, {
        id: '86a1b2c3d',
        name: body.name,
        status: { status: (body.status as string | undefined) ?? 'to do', type: 'open' },
        url: 'https://app.clickup.com/t/86a1b2c3d',
        list: { id: create[1] },
      });
    }
    if (req.method === 'GET' && req.path === '/api/v2/task/86a1b2c3d')
      return sendJson(res, 200, {
        id: '86a1b2c3d',
        name: 'Prepare launch',
        status: { status: 'in progress' },
        url: 'https://app.clickup.com/t/86a1b2c3d',
        due_date: '1764806400000',
      });
    return sendJson(res, 404, { err: 'Route not found', ECODE: 'APP_001' });
  });
});
afterAll(() => fake.close());

it('creates a task with the raw token in Authorization', async () => {
  const provider = wireProvider(clickup, fake);
  const result = await runAction(
    provider,
    'create_task',
    {
      list_id: '901234567',
      name: 'Prepare launch',
      priority: 2,
      assignees: [183],
      due_date: 1764806400000,
      tags: ['q4'],
    },
    { credential: TOKEN },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/api/v2/list/901234567/task' });
  expect(fake.last().headers.authorization).toBe(TOKEN);
  expect(jsonBody(fake.last())).toEqual({
    name: 'Prepare launch',
    priority: 2,
    assignees: [183],
    due_date: 1764806400000,
    tags: ['q4'],
  });
  expect(result).toEqual({
    success: true,
    output: {
      id: '86a1b2c3d',
      name: 'Prepare launch',
      url: 'https://app.clickup.com/t/86a1b2c3d',
      status: 'to do',
    },
    message: 'Created task Prepare launch',
  });
});

it('reads a task', async () => {
  const provider = wireProvider(clickup, fake);
  const result = await runAction(provider, 'get_task', { task_id: '86a1b2c3d' }, { credential: TOKEN });
  expect(fake.last()).toMatchObject({ method: 'GET', path: '/api/v2/task/86a1b2c3d', body: '' });
  expect(result).toMatchObject({
    success: true,
    output: { status: 'in progress', due_date: '1764806400000' },
  });
});

it("reports ClickUp's err field", async () => {
  const provider = wireProvider(clickup, fake);
  const bad = await runAction(
    provider,
    'create_task',
    { list_id: '1', name: 'x' },
    { credential: 'pk_wrong' },
  );
  expect(bad).toMatchObject({ success: false, message: 'ClickUp responded 401: Token invalid' });
});
