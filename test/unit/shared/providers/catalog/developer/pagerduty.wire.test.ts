import { pagerduty } from '../../../../../../shared/providers/catalog/developer/pagerduty';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * PagerDuty's Events API v2 as documented (developer.pagerduty.com/docs/events-api-v2-overview):
 * no auth header, the integration key as `routing_key` in the JSON body, `event_action` and a
 * `payload` (summary, source, severity) for triggers, 202 `{status, message, dedup_key}`, and
 * 400 `{status: "invalid event", message, errors: [...]}`.
 */
const ROUTING_KEY = 'R0123456789abcdef0123456789abcde';
let fake: FakeServer;

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.method !== 'POST' || (req.path !== '/v2/enqueue' && req.path !== '/v2/change/enqueue'))
      return sendJson(res, 404, { status: 'error', message: 'Not found' });
    if (req.headers['content-type'] !== 'application/json')
      return sendJson(res, 400, {
        status: 'invalid event',
        message: 'Event object is invalid',
        errors: ['Invalid JSON'],
      });
    const body = jsonBody<{
      routing_key?: string;
      event_action?: string;
      dedup_key?: string;
      payload?: { summary?: string; source?: string; severity?: string };
    }>(req);
    if (body.routing_key?.length !== 32)
      return sendJson(res, 400, {
        status: 'invalid event',
        message: 'Event object is invalid',
        errors: ["Length of 'routing_key' is incorrect (should be 32 characters)"],
      });
    if (req.path === '/v2/change/enqueue')
      return sendJson(res, 202, { status: 'success', message: 'Change event processed' });
    if (body.event_action === 'trigger' && !body.payload?.severity)
      return sendJson(res, 400, {
        status: 'invalid event',
        message: 'Event object is invalid',
        errors: ["'payload.severity' is missing or blank"],
      });
    if (body.event_action !== 'trigger' && !body.dedup_key)
      return sendJson(res, 400, {
        status: 'invalid event',
        message: 'Event object is invalid',
        errors: ["'dedup_key' is missing"],
      });
    return sendJson(res, 202, {
      status: 'success',
      message: 'Event processed',
      dedup_key: body.dedup_key ?? 'srv01/HTTP',
    });
  });
});
afterAll(() => fake.close());

it('triggers an alert with the routing key in the body', async () => {
  const provider = wireProvider(pagerduty, fake);
  const result = await runAction(
    provider,
    'trigger_alert',
    {
      summary: 'Checkout error rate above 5%',
      source: 'checkout-api',
      severity: 'critical',
      custom_details: { rate: 0.07 },
      links: [{ href: 'https://grafana.example.com/d/1', text: 'Dashboard' }],
    },
    { credential: ROUTING_KEY },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/v2/enqueue', rawQuery: '' });
  expect(sent.headers.authorization).toBeUndefined();
  expect(jsonBody(sent)).toEqual({
    event_action: 'trigger',
    routing_key: ROUTING_KEY,
    payload: {
      summary: 'Checkout error rate above 5%',
      source: 'checkout-api',
      severity: 'critical',
      custom_details: { rate: 0.07 },
    },
    links: [{ href: 'https://grafana.example.com/d/1', text: 'Dashboard' }],
  });
  expect(result).toEqual({
    success: true,
    output: { status: 'success', message: 'Event processed', dedup_key: 'srv01/HTTP' },
    message: 'PagerDuty alert srv01/HTTP: Event processed',
  });
});

it('resolves by dedup_key and sends change events to their own endpoint', async () => {
  const provider = wireProvider(pagerduty, fake);
  const resolved = await runAction(
    provider,
    'resolve_alert',
    { dedup_key: 'srv01/HTTP' },
    { credential: ROUTING_KEY },
  );
  expect(jsonBody(fake.last())).toEqual({
    event_action: 'resolve',
    dedup_key: 'srv01/HTTP',
    routing_key: ROUTING_KEY,
  });
  expect(resolved).toMatchObject({ success: true, message: 'Resolved srv01/HTTP' });
  const change = await runAction(
    provider,
    'send_change_event',
    { summary: 'Deployed v1.2.3', source: 'ci' },
    { credential: ROUTING_KEY },
  );
  expect(fake.last().path).toBe('/v2/change/enqueue');
  expect(jsonBody(fake.last())).toEqual({
    routing_key: ROUTING_KEY,
    payload: { summary: 'Deployed v1.2.3', source: 'ci' },
  });
  expect(change).toMatchObject({ success: true, message: 'PagerDuty: Change event processed' });
});

it("reports PagerDuty's first error on an invalid event", async () => {
  const provider = wireProvider(pagerduty, fake);
  const bad = await runAction(
    provider,
    'acknowledge_alert',
    { dedup_key: 'srv01/HTTP' },
    { credential: 'too-short-key' },
  );
  expect(bad).toMatchObject({
    success: false,
    message: "PagerDuty Events responded 400: Length of 'routing_key' is incorrect (should be 32 characters)",
  });
});
