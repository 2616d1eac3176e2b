import { createSlackProvider, slack, SLACK_API_BASE_URL } from '../../../../../shared/providers/slack';
import type { ProviderDefinition } from '../../../../../shared/providers/types';
import { jsonBody, type FakeServer } from '../../../../support/fakes/fake-server';
import { SLACK_WEBHOOK_PATH, startSlackFake } from '../../../../support/fakes/slack-fake';
import { runAction } from '../../../../support/fakes/provider-context';

const TOKEN = 'xoxb-test-token';
let fake: FakeServer;
let provider: ProviderDefinition;
beforeAll(async () => {
  fake = await startSlackFake(TOKEN);
  provider = createSlackProvider({ apiBaseUrl: `${fake.url}/api` });
});
afterAll(() => fake.close());

it('talks to slack.com in production', () => {
  expect(SLACK_API_BASE_URL).toBe('https://slack.com/api');
  expect(slack).toMatchObject({ name: 'slack', credentialType: 'token' });
});

describe('slack.send_webhook', () => {
  it('POSTs the message JSON to the incoming webhook and accepts its plain-text ok', async () => {
    const result = await runAction(provider, 'send_webhook', {
      webhook_url: `${fake.url}${SLACK_WEBHOOK_PATH}`,
      text: 'Deploy finished',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*done*' } }],
    });
    const req = fake.last();
    expect(req).toMatchObject({ method: 'POST', path: SLACK_WEBHOOK_PATH });
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers.authorization).toBeUndefined();
    expect(jsonBody(req)).toEqual({
      text: 'Deploy finished',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*done*' } }],
    });
    expect(result).toEqual({
      success: true,
      output: { status: 200, body: 'ok' },
      message: 'Posted to Slack',
    });
  });

  it('uses the stored credential as the webhook URL when none is given', async () => {
    const result = await runAction(
      provider,
      'send_webhook',
      { text: 'hi' },
      { credential: `${fake.url}${SLACK_WEBHOOK_PATH}` },
    );
    expect(fake.last().path).toBe(SLACK_WEBHOOK_PATH);
    expect(result.success).toBe(true);
  });

  it('explains what is missing when there is neither a URL nor a URL credential', async () => {
    await expect(runAction(provider, 'send_webhook', { text: 'hi' }, { credential: TOKEN })).rejects.toThrow(
      'No incoming-webhook URL (store it, or pass webhook_url) stored for provider slack',
    );
  });

  it("reports Slack's text error codes", async () => {
    const result = await runAction(provider, 'send_webhook', {
      webhook_url: `${fake.url}/services/T0/B0/gone`,
      text: 'x',
    });
    expect(result).toMatchObject({ success: false, message: 'Slack responded 404: no_service' });
  });
});

describe('slack.post_message', () => {
  it('calls chat.postMessage with the bot token and JSON', async () => {
    const result = await runAction(
      provider,
      'post_message',
      { channel: '#ops', text: 'hello', thread_ts: '1.2' },
      { credential: TOKEN },
    );
    const req = fake.last();
    expect(req).toMatchObject({ method: 'POST', path: '/api/chat.postMessage' });
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(jsonBody(req)).toEqual({ channel: '#ops', text: 'hello', thread_ts: '1.2' });
    expect(result).toEqual({
      success: true,
      output: { channel: 'C0123456789', ts: '1700000000.000100' },
      message: 'Posted to C0123456789',
    });
  });

  it('fails on ok:false even though the status is 200', async () => {
    const result = await runAction(
      provider,
      'post_message',
      { channel: 'nonexistent', text: 'x' },
      { credential: TOKEN },
    );
    expect(result).toMatchObject({ success: false, message: 'Slack responded 200: channel_not_found' });
    const badAuth = await runAction(
      provider,
      'post_message',
      { channel: 'c', text: 'x' },
      { credential: 'xoxb-wrong' },
    );
    expect(badAuth.message).toBe('Slack responded 200: invalid_auth');
  });

  it('lets a 429 with Retry-After surface as retryable', async () => {
    fake.respondNext({
      status: 429,
      body: { ok: false, error: 'ratelimited' },
      headers: { 'retry-after': '30' },
    });
    await expect(
      runAction(provider, 'post_message', { channel: 'c', text: 'x' }, { credential: TOKEN }),
    ).rejects.toMatchObject({
      name: 'RetryableProviderError',
      status: 429,
      retryAfterMs: 30_000,
    });
  });

  it('needs the bot token', async () => {
    await expect(runAction(provider, 'post_message', { channel: 'c', text: 'x' })).rejects.toThrow(
      'No bot token stored for provider slack',
    );
  });
});
