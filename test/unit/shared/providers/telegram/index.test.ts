import {
  createTelegramProvider,
  telegram,
  TELEGRAM_API_BASE_URL,
} from '../../../../../shared/providers/telegram';
import type { ProviderDefinition } from '../../../../../shared/providers/types';
import { jsonBody, type FakeServer } from '../../../../support/fakes/fake-server';
import { startTelegramFake, TELEGRAM_BOT_TOKEN } from '../../../../support/fakes/telegram-fake';
import { runAction } from '../../../../support/fakes/provider-context';

let fake: FakeServer;
let provider: ProviderDefinition;
beforeAll(async () => {
  fake = await startTelegramFake();
  provider = createTelegramProvider({ apiBaseUrl: fake.url });
});
afterAll(() => fake.close());

it('talks to api.telegram.org in production', () => {
  expect(TELEGRAM_API_BASE_URL).toBe('https://api.telegram.org');
  expect(telegram).toMatchObject({ name: 'telegram', credentialType: 'token' });
});

describe('telegram.send_message', () => {
  it('POSTs sendMessage JSON under /bot<token>/', async () => {
    const result = await runAction(
      provider,
      'send_message',
      { chat_id: 12345, text: '*Alert*', parse_mode: 'MarkdownV2', disable_notification: true },
      { credential: TELEGRAM_BOT_TOKEN },
    );
    const req = fake.last();
    expect(req).toMatchObject({ method: 'POST', path: `/bot${TELEGRAM_BOT_TOKEN}/sendMessage` });
    expect(req.headers['content-type']).toBe('application/json');
    expect(jsonBody(req)).toEqual({
      chat_id: 12345,
      text: '*Alert*',
      parse_mode: 'MarkdownV2',
      disable_notification: true,
    });
    expect(result).toEqual({
      success: true,
      output: { message_id: 42, chat_id: 12345 },
      message: 'Telegram message sent',
    });
  });

  it("reports the Bot API's description on failure", async () => {
    const result = await runAction(
      provider,
      'send_message',
      { chat_id: '-1', text: 'x' },
      { credential: TELEGRAM_BOT_TOKEN },
    );
    expect(result).toMatchObject({
      success: false,
      message: 'Telegram responded 400: Bad Request: chat not found',
    });
  });

  it('refuses a credential that is not a bot token, so it cannot add path segments', async () => {
    const before = fake.requests.length;
    await expect(
      runAction(
        provider,
        'send_message',
        { chat_id: 1, text: 'x' },
        { credential: '1:aaaaaaaaaaaaaaaaaaaaaaaa/../../x' },
      ),
    ).rejects.toThrow('The stored Telegram credential is not a bot token');
    expect(fake.requests.length).toBe(before);
  });
});
