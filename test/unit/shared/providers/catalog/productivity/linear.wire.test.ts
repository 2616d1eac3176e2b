import { linear } from '../../../../../../shared/providers/catalog/productivity/linear';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Linear's GraphQL API as documented (linear.app/developers/graphql): POST
 * https://api.linear.app/graphql with {"query", "variables"}; a personal API key goes in the
 * Authorization header as is (no Bearer); errors follow the GraphQL format, an "errors" array,
 * also in answers whose HTTP status is 200 (and 400 for an unauthenticated request).
 */
const KEY = 'lin_api_0123456789abcdefghijABCDEFGHIJ0123456789';
const TEAM = '9cfb482a-81e3-4154-b5b9-2c805e70a02d';

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.method !== 'POST' || req.path !== '/graphql')
      return sendJson(res, 404, { errors: [{ message: 'Not found' }] });
    if (req.headers.authorization !== KEY)
      return sendJson(res, 400, {
        errors: [
          {
            message: 'Authentication required, not authenticated',
            extensions: { code: 'AUTHENTICATION_ERROR' },
          },
        ],
      });
    if (req.headers['content-type'] !== 'application/json')
      return sendJson(res, 400, { errors: [{ message: 'Must provide query string.' }] });
    const { query, variables } = jsonBody<{ query: string; variables?: { input?: Record<string, unknown> } }>(
      req,
    );
    if (/issueCreate\(input: \$input\)/.test(query)) {
      const input = variables?.input ?? {};
      if (input.teamId !== TEAM)
        return sendJson(res, 200, {
          data: null,
          errors: [{ message: 'Entity not found: Team', extensions: { code: 'INVALID_INPUT' } }],
        });
      return sendJson(res, 200, {
        data: {
          issueCreate: {
            success: true,
            issue: {
              id: 'a1b2c3',
              identifier: 'ENG-7',
              title: input.title,
              url: 'https://linear.app/acme/issue/ENG-7',
            },
          },
        },
      });
    }
    if (/teams\s*\{\s*nodes/.test(query))
      return sendJson(res, 200, {
        data: { teams: { nodes: [{ id: TEAM, key: 'ENG', name: 'Engineering' }] } },
      });
    return sendJson(res, 400, { errors: [{ message: 'Cannot query field' }] });
  });
});
afterAll(() => fake.close());

it('creates an issue through the issueCreate mutation with its input as variables', async () => {
  const provider = wireProvider(linear, fake);
  const result = await runAction(
    provider,
    'create_issue',
    { team_id: TEAM, title: 'Crash on save', description: 'Seen **twice**', priority: 2 },
    { credential: KEY },
  );
  const req = fake.last();
  expect(req).toMatchObject({ method: 'POST', path: '/graphql' });
  const body = jsonBody<{ query: string; variables: unknown }>(req);
  expect(body.query).toMatch(/^mutation IssueCreate\(\$input: IssueCreateInput!\)/);
  expect(body.variables).toEqual({
    input: { teamId: TEAM, title: 'Crash on save', description: 'Seen **twice**', priority: 2 },
  });
  expect(result).toEqual({
    success: true,
    output: { id: 'a1b2c3', identifier: 'ENG-7', url: 'https://linear.app/acme/issue/ENG-7' },
    message: 'Created ENG-7',
  });
});

it('lists teams', async () => {
  const provider = wireProvider(linear, fake);
  const result = await runAction(provider, 'list_teams', {}, { credential: KEY });
  expect(jsonBody<{ variables?: unknown }>(fake.last()).variables).toBeUndefined();
  expect(result).toMatchObject({ success: true, output: [{ id: TEAM, key: 'ENG', name: 'Engineering' }] });
});

it('fails on GraphQL errors in a 200 and on a refused key', async () => {
  const provider = wireProvider(linear, fake);
  const bad = await runAction(
    provider,
    'create_issue',
    { team_id: '00000000-0000-0000-0000-000000000000', title: 'x' },
    { credential: KEY },
  );
  expect(bad).toMatchObject({
    success: false,
    message: 'Linear responded 200 with an error: Entity not found: Team',
  });
  const denied = await runAction(provider, 'list_teams', {}, { credential: 'lin_api_wrong' });
  expect(denied).toMatchObject({
    success: false,
    message: 'Linear responded 400: Authentication required, not authenticated',
  });
});
