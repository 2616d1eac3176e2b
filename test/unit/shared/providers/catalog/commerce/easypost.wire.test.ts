import { easypost } from '../../../../../../shared/providers/catalog/commerce/easypost';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * EasyPost's API as documented (docs.easypost.com): HTTP basic auth with the API key as the
 * user name and an empty password, JSON bodies wrapped in the object name ({tracker: …}),
 * lists with `has_more` paged by the last item's id as `before_id`, and
 * `{error: {code, message, errors}}` on a refusal.
 */
const KEY = 'EZTK0123456789abcdef';
const BASIC = `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`;
let fake: FakeServer;

const tracker = (n: number) => ({
  id: `trk_${n}`,
  object: 'Tracker',
  tracking_code: `EZ${n}`,
  status: 'in_transit',
});

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers.authorization !== BASIC)
      return sendJson(res, 401, {
        error: { code: 'APIKEY.INACTIVE', message: 'This api key is no longer active.', errors: [] },
      });
    if (req.method === 'POST' && req.path === '/v2/trackers') {
      const body = jsonBody<{ tracker?: { tracking_code?: string; carrier?: string } }>(req);
      if (req.headers['content-type'] !== 'application/json' || !body.tracker?.tracking_code)
        return sendJson(res, 422, {
          error: { code: 'TRACKER.TRACKING_CODE.INVALID', message: 'Invalid tracking code.', errors: [] },
        });
      return sendJson(res, 200, {
        id: 'trk_c8e0edb5bb284caa934a0d3db23a148z',
        object: 'Tracker',
        tracking_code: body.tracker.tracking_code,
        carrier: body.tracker.carrier ?? 'USPS',
        status: 'pre_transit',
        est_delivery_date: '2026-12-08T00:00:00Z',
        public_url: 'https://track.easypost.com/djE6dHJrX2M4ZTBlZGI1',
      });
    }
    if (req.method === 'GET' && req.path === '/v2/trackers') {
      if (req.query.get('before_id') === 'trk_2')
        return sendJson(res, 200, { trackers: [tracker(3)], has_more: false });
      return sendJson(res, 200, { trackers: [tracker(1), tracker(2)], has_more: true });
    }
    return sendJson(res, 404, {
      error: { code: 'NOT_FOUND', message: 'The requested resource could not be found.', errors: [] },
    });
  });
});
afterAll(() => fake.close());

it('creates a tracker with the key as the basic user and the body under tracker', async () => {
  const provider = wireProvider(easypost, fake);
  const result = await runAction(
    provider,
    'create_tracker',
    { tracking_code: 'EZ1000000001', carrier: 'USPS' },
    { credential: KEY },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/v2/trackers' });
  expect(sent.headers.authorization).toBe(BASIC);
  expect(jsonBody(sent)).toEqual({ tracker: { tracking_code: 'EZ1000000001', carrier: 'USPS' } });
  expect(result).toEqual({
    success: true,
    output: {
      id: 'trk_c8e0edb5bb284caa934a0d3db23a148z',
      status: 'pre_transit',
      carrier: 'USPS',
      est_delivery_date: '2026-12-08T00:00:00Z',
      public_url: 'https://track.easypost.com/djE6dHJrX2M4ZTBlZGI1',
    },
    message: 'Tracking EZ1000000001: pre_transit',
  });
});

it('pages trackers with before_id while has_more is true', async () => {
  const provider = wireProvider(easypost, fake);
  const result = await runAction(
    provider,
    'list_trackers',
    { page_size: 2, max_pages: 5 },
    { credential: KEY },
  );
  const pages = fake.requests.filter((r) => r.method === 'GET' && r.path === '/v2/trackers').slice(-2);
  expect(pages[0]!.rawQuery).toBe('page_size=2');
  expect(pages[1]!.rawQuery).toBe('page_size=2&before_id=trk_2');
  expect(result).toMatchObject({ success: true, output: { pages: 2, has_more: false } });
  expect((result.output as { items: { id: string }[] }).items.map((t) => t.id)).toEqual([
    'trk_1',
    'trk_2',
    'trk_3',
  ]);
});

it("reports EasyPost's error.message", async () => {
  const provider = wireProvider(easypost, fake);
  const denied = await runAction(
    provider,
    'create_tracker',
    { tracking_code: 'EZ1' },
    { credential: 'EZTKwrong' },
  );
  expect(denied).toMatchObject({
    success: false,
    message: 'EasyPost responded 401: This api key is no longer active.',
  });
  const missing = await runAction(
    provider,
    'get_tracker',
    { tracker_id: 'trk_missing' },
    { credential: KEY },
  );
  expect(missing).toMatchObject({
    success: false,
    message: 'EasyPost responded 404: The requested resource could not be found.',
  });
});
