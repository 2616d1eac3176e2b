import { discord } from '../../../../../shared/providers/discord';
import { validateStep } from '../../../../../shared/providers/registry';
import { jsonBody, type FakeServer } from '../../../../support/fakes/fake-server';
import { DISCORD_WEBHOOK_PATH, startDiscordFake } from '../../../../support/fakes/discord-fake';
import { runAction } from '../../../../support/fakes/provider-context';

let fake: FakeServer;
beforeAll(async () => {
  fake = await startDiscordFake();
});
afterAll(() => fake.close());

describe('discord.send_webhook', () => {
  it('POSTs the message JSON with wait=true and returns the created message id', async () => {
    const embeds = [{ title: 'Build', description: 'green' }];
    const result = await runAction(discord, 'send_webhook', {
      webhook_url: `${fake.url}${DISCORD_WEBHOOK_PATH}`,
      content: 'Deployed',
      username: 'Flowgate',
      embeds,
    });
    const req = fake.last();
    expect(req).toMatchObject({ method: 'POST', path: DISCORD_WEBHOOK_PATH });
    expect(req.query.get('wait')).toBe('true');
    expect(req.headers['content-type']).toBe('application/json');
    expect(jsonBody(req)).toEqual({ content: 'Deployed', username: 'Flowgate', embeds });
    expect(result).toEqual({
      success: true,
      output: { id: '1100000000000000001', channel_id: '1000000000000000001' },
      message: 'Posted to Discord',
    });
  });

  it('takes the webhook URL from the stored credential', async () => {
    const result = await runAction(
      discord,
      'send_webhook',
      { content: 'hi' },
      { credential: `${fake.url}${DISCORD_WEBHOOK_PATH}` },
    );
    expect(result.success).toBe(true);
    await expect(runAction(discord, 'send_webhook', { content: 'hi' })).rejects.toThrow(
      'No webhook URL (store it, or pass webhook_url) stored for provider discord',
    );
  });

  it("reports Discord's error", async () => {
    const result = await runAction(discord, 'send_webhook', {
      webhook_url: `${fake.url}/api/webhooks/1/wrong`,
      content: 'x',
    });
    expect(result).toMatchObject({ success: false, message: 'Discord responded 401: Invalid Webhook Token' });
  });

  it('needs content or embeds', () => {
    expect(
      validateStep(discord, 'send_webhook', { webhook_url: 'https://discord.com/api/webhooks/1/t' }),
    ).toMatchObject({
      success: false,
      issues: [{ path: 'params.content', message: 'give content or embeds' }],
    });
  });
});
