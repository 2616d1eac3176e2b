import { datadog } from '../../../../../../shared/providers/catalog/developer/datadog';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Datadog's API as documented (docs.datadoghq.com/api/latest/events, /metrics): the key in
 * `DD-API-KEY`, host api.<site>, POST /api/v1/events answering 202 `{status: "ok", event}`,
 * POST /api/v2/series `{series: [...]}` answering 202 `{errors: []}`, and `{errors: [...]}` on a
 * refusal (403 Forbidden for a bad key).
 */
const KEY = 'dd0123456789abcdef0123456789abcd';
const CREDENTIAL = JSON.stringify({ site: 'datadoghq.eu', api_key: KEY });
let fake: FakeServer;

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers['dd-api-key'] !== KEY) return sendJson(res, 403, { errors: ['Forbidden'] });
    if (req.headers['content-type'] !== 'application/json')
      return sendJson(res, 415, { errors: ['Unsupported Media Type'] });
    if (req.method === 'POST' && req.path === '/api/v1/events') {
      const body = jsonBody<{ title?: string; text?: string; tags?: string[] }>(req);
      if (!body.title || !body.text)
        return sendJson(res, 400, { errors: ['Event title and text are required'] });
      return sendJson(res, 202, {
        status: 'ok',
        event: {
          id: 7712345678901234,
          title: body.title,
          text: body.text,
          tags: body.tags,
          url: 'https://app.datadoghq.eu/event/event?id=7712345678901234',
        },
      });
    }
    if (req.method === 'POST' && req.path === '/api/v2/series') {
      const body = jsonBody<{ series?: { metric?: string; points?: unknown[] }[] }>(req);
      if (!body.series?.every((s) => s.metric && s.points?.length))
        return sendJson(res, 400, { errors: ['Payload is not in the expected format'] });
      return sendJson(res, 202, { errors: [] });
    }
    return sendJson(res, 404, { errors: ['Not found'] });
  });
});
afterAll(() => fake.close());

it('posts an event with the API key header', async () => {
  const provider = wireProvider(datadog, fake);
  const result = await runAction(
    provider,
    'post_event',
    { title: 'Deploy finished', text: 'v1.2.3 is live', alert_type: 'success', tags: ['env:prod'] },
    { credential: CREDENTIAL },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/api/v1/events', rawQuery: '' });
  expect(sent.headers['dd-api-key']).toBe(KEY);
  expect(jsonBody(sent)).toEqual({
    title: 'Deploy finished',
    text: 'v1.2.3 is live',
    alert_type: 'success',
    tags: ['env:prod'],
  });
  expect(result).toEqual({
    success: true,
    output: {
      id: 7712345678901234,
      url: 'https://app.datadoghq.eu/event/event?id=7712345678901234',
      status: 'ok',
    },
    message: 'Posted event 7712345678901234',
  });
});

it('submits metric series and treats an empty errors list as success', async () => {
  const provider = wireProvider(datadog, fake);
  const series = [
    {
      metric: 'flowgate.orders',
      type: 3,
      points: [{ timestamp: 1764763200, value: 12 }],
      tags: ['env:prod'],
    },
  ];
  const result = await runAction(provider, 'submit_metrics', { series }, { credential: CREDENTIAL });
  expect(fake.last().path).toBe('/api/v2/series');
  expect(jsonBody(fake.last())).toEqual({ series });
  expect(result).toEqual({ success: true, output: { errors: [] }, message: 'Submitted metrics' });
});

it("reports Datadog's errors and checks the site", async () => {
  const provider = wireProvider(datadog, fake);
  const denied = await runAction(
    provider,
    'post_event',
    { title: 't', text: 'x' },
    { credential: JSON.stringify({ api_key: 'wrong' }) },
  );
  expect(denied).toMatchObject({ success: false, message: 'Datadog responded 403: Forbidden' });
  await expect(
    runAction(
      provider,
      'post_event',
      { title: 't', text: 'x' },
      { credential: JSON.stringify({ site: 'evil.example', api_key: KEY }) },
    ),
  ).rejects.toThrow(/unknown site/);
});
