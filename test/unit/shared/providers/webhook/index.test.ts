import { webhook } from '../../../../../shared/providers/webhook';
import { jsonBody, type FakeServer } from '../../../../support/fakes/fake-server';
import { startHttpFake } from '../../../../support/fakes/http-fake';
import { runAction } from '../../../../support/fakes/provider-context';

let fake: FakeServer;
beforeAll(async () => {
  fake = await startHttpFake();
});
afterAll(() => fake.close());

describe('webhook.send', () => {
  it('POSTs the payload as JSON and returns the answer', async () => {
    const result = await runAction(webhook, 'send', {
      url: `${fake.url}/echo/hook`,
      payload: { event: 'order.created', id: 7 },
      headers: { 'X-Source': 'flowgate' },
    });
    const req = fake.last();
    expect(req).toMatchObject({ method: 'POST', path: '/echo/hook' });
    expect(req.headers).toMatchObject({ 'content-type': 'application/json', 'x-source': 'flowgate' });
    expect(jsonBody(req)).toEqual({ event: 'order.created', id: 7 });
    expect(result).toMatchObject({
      success: true,
      message: 'Webhook responded 200',
      output: { status: 200 },
    });
  });

  it('sends {} when no payload is given, and PUT when asked', async () => {
    await runAction(webhook, 'send', { url: `${fake.url}/echo`, method: 'PUT' });
    expect(fake.last()).toMatchObject({ method: 'PUT', body: '{}' });
  });

  it('fails on a 4xx', async () => {
    const result = await runAction(webhook, 'send', { url: `${fake.url}/status/410` });
    expect(result).toMatchObject({ success: false, output: { status: 410 } });
  });

  it('is blocked when the URL is internal', async () => {
    await expect(runAction(webhook, 'send', { url: 'http://[::ffff:169.254.169.254]/' })).rejects.toThrow(
      /Outbound request blocked/,
    );
  });
});
