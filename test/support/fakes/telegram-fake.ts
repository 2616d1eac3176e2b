import { jsonBody, sendJson, startFakeServer, type FakeServer } from './fake-server';

export const TELEGRAM_BOT_TOKEN = '123456789:AAFakeTelegramBotTokenForTests_0123';

/** The Bot API's sendMessage: the token is in the path, answers are `{ok, result}` or `{ok:false, error_code, description}`. */
export async function startTelegramFake(): Promise<FakeServer> {
  return startFakeServer((req, res) => {
    const match = /^\/bot([^/]+)\/sendMessage$/.exec(req.path);
    if (!match) return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (match[1] !== TELEGRAM_BOT_TOKEN)
      return sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const body = jsonBody<{ chat_id: number | string; text: string }>(req);
    if (String(body.chat_id) === '-1') {
      return sendJson(res, 400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' });
    }
    return sendJson(res, 200, {
      ok: true,
      result: {
        message_id: 42,
        chat: { id: Number(body.chat_id), type: 'private' },
        date: 1_700_000_000,
        text: body.text,
      },
    });
  });
}
