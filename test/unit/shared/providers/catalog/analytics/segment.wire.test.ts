import { segment } from '../../../../../../shared/providers/catalog/analytics/segment';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Segment's HTTP Tracking API as documented (segment.com/docs/…/http-api): basic auth with
 * the write key as user name and an empty password, camelCase JSON (userId, anonymousId),
 * 200 {success: true} for accepted calls, and a 400 for a payload without userId or
 * anonymousId (no_user_anon_id).
 */
const WRITE_KEY = 'segment-write-key-0123456789';
const BASIC = `Basic ${Buffer.from(`${WRITE_KEY}:`).toString('base64')}`;

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers.authorization !== BASIC)
      return sendJson(res, 401, { success: false, message: 'Invalid write key' });
    if (req.method !== 'POST' || !/^\/v1\/(track|identify|page|group|alias)$/.test(req.path))
      return sendJson(res, 404, { success: false, message: 'Not found' });
    if (req.headers['content-type'] !== 'application/json')
      return sendJson(res, 400, { success: false, message: 'Invalid JSON' });
    const body = jsonBody(req);
    if (req.path !== '/v1/alias' && !body.userId && !body.anonymousId)
      return sendJson(res, 400, {
        success: false,
        code: 'no_user_anon_id',
        message: 'userId or anonymousId is required',
      });
    if (req.path === '/v1/track' && !body.event)
      return sendJson(res, 400, { success: false, message: 'event is required' });
    return sendJson(res, 200, { success: true });
  });
});
afterAll(() => fake.close());

it('sends a track call with the write key as basic user', async () => {
  const result = await runAction(
    wireProvider(segment, fake),
    'track',
    {
      user_id: 'u-42',
      event: 'Order Completed',
      properties: { revenue: 39.95 },
      timestamp: '2026-12-03T12:00:00Z',
      message_id: 'run-1-step-1',
    },
    { credential: JSON.stringify({ write_key: WRITE_KEY }) },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/v1/track' });
  expect(fake.last().headers.authorization).toBe(BASIC);
  expect(jsonBody(fake.last())).toEqual({
    userId: 'u-42',
    event: 'Order Completed',
    properties: { revenue: 39.95 },
    timestamp: '2026-12-03T12:00:00Z',
    messageId: 'run-1-step-1',
  });
  expect(result).toEqual({ success: true, output: { success: true }, message: 'Tracked the event' });
});

it('sends identify and group calls in their documented shapes', async () => {
  const credential = JSON.stringify({ write_key: WRITE_KEY, host: 'events.eu1.segmentapis.com' });
  await runAction(
    wireProvider(segment, fake),
    'identify',
    { anonymous_id: 'anon-1', traits: { email: 'ada@example.com' } },
    { credential },
  );
  expect(fake.last().path).toBe('/v1/identify');
  expect(jsonBody(fake.last())).toEqual({ anonymousId: 'anon-1', traits: { email: 'ada@example.com' } });
  await runAction(
    wireProvider(segment, fake),
    'group',
    { user_id: 'u-42', group_id: 'acme' },
    { credential },
  );
  expect(jsonBody(fake.last())).toEqual({ userId: 'u-42', groupId: 'acme' });
});

it('fails on a call without any identity, as Segment answers 400', async () => {
  const result = await runAction(
    wireProvider(segment, fake),
    'track',
    { event: 'Signed Up' },
    { credential: JSON.stringify({ write_key: WRITE_KEY }) },
  );
  expect(result).toMatchObject({
    success: false,
    message: 'Segment responded 400: userId or anonymousId is required',
  });
});

it('refuses a region that is not one of Segment’s hosts', async () => {
  await expect(
    runAction(
      wireProvider(segment, fake),
      'track',
      { user_id: 'u', event: 'x' },
      { credential: JSON.stringify({ write_key: WRITE_KEY, host: 'evil.example.com' }) },
    ),
  ).rejects.toThrow(/unknown host/);
});
