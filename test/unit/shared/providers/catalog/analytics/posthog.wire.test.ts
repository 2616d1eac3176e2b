import { posthog } from '../../../../../../shared/providers/catalog/analytics/posthog';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * PostHog's public capture endpoints as documented (posthog.com/docs/api/capture): POST
 * /i/v0/e/ and /batch/ with the project API key as `api_key` in the JSON body, answering
 * {status: 1}; a bad key gets 401 {type, code, detail}.
 */
const KEY = 'phc_project_key_0123456789';
const CREDENTIAL = JSON.stringify({ project_api_key: KEY });

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.method !== 'POST' || (req.path !== '/i/v0/e/' && req.path !== '/batch/'))
      return sendJson(res, 404, { type: 'invalid_request', code: 'not_found', detail: 'Not found' });
    if (req.headers['content-type'] !== 'application/json')
      return sendJson(res, 400, {
        type: 'validation_error',
        code: 'invalid_payload',
        detail: 'Malformed request data',
      });
    const body = jsonBody(req);
    if (body.api_key !== KEY)
      return sendJson(res, 401, {
        type: 'authentication_error',
        code: 'invalid_api_key',
        detail: 'Project API key invalid. You can find your project API key in PostHog project settings.',
      });
    if (req.path === '/i/v0/e/' && (!body.event || !body.distinct_id))
      return sendJson(res, 400, {
        type: 'validation_error',
        code: 'invalid_payload',
        detail: 'event and distinct_id are required',
      });
    return sendJson(res, 200, { status: 1 });
  });
});
afterAll(() => fake.close());

it('captures an event with the key in the body', async () => {
  const result = await runAction(
    wireProvider(posthog, fake),
    'capture',
    { event: 'signed_up', distinct_id: 'user-7', properties: { plan: 'pro' } },
    { credential: CREDENTIAL },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/i/v0/e/' });
  expect(fake.last().headers.authorization).toBeUndefined();
  expect(jsonBody(fake.last())).toEqual({
    api_key: KEY,
    event: 'signed_up',
    distinct_id: 'user-7',
    properties: { plan: 'pro' },
  });
  expect(result).toEqual({ success: true, output: { status: 1 }, message: 'Captured the event' });
});

it('identifies a person with $identify and $set', async () => {
  await runAction(
    wireProvider(posthog, fake),
    'identify',
    { distinct_id: 'user-7', set: { email: 'ada@example.com' } },
    { credential: CREDENTIAL },
  );
  expect(jsonBody(fake.last())).toEqual({
    event: '$identify',
    distinct_id: 'user-7',
    properties: { $set: { email: 'ada@example.com' } },
    api_key: KEY,
  });
});

it('sends a batch', async () => {
  await runAction(
    wireProvider(posthog, fake),
    'batch',
    {
      batch: [
        { event: 'a', distinct_id: 'u1' },
        { event: 'b', distinct_id: 'u2', properties: { n: 1 } },
      ],
    },
    { credential: JSON.stringify({ project_api_key: KEY, host: 'eu.i.posthog.com' }) },
  );
  expect(fake.last().path).toBe('/batch/');
  expect(jsonBody(fake.last())).toEqual({
    batch: [
      { event: 'a', distinct_id: 'u1' },
      { event: 'b', distinct_id: 'u2', properties: { n: 1 } },
    ],
    api_key: KEY,
  });
});

it("reports PostHog's detail for a wrong key", async () => {
  const result = await runAction(
    wireProvider(posthog, fake),
    'capture',
    { event: 'x', distinct_id: 'y' },
    { credential: JSON.stringify({ project_api_key: 'phc_wrong' }) },
  );
  expect(result).toMatchObject({
    success: false,
    message:
      'PostHog responded 401: Project API key invalid. You can find your project API key in PostHog project settings.',
  });
});
