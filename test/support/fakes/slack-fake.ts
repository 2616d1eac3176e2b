import { bearerOf, jsonBody, sendJson, sendText, startFakeServer, type FakeServer } from './fake-server';

export const SLACK_WEBHOOK_PATH = '/services/T000/B000/XXXXXXXX';

/**
 * Slack's two doors: an incoming webhook (plain-text `ok`, or a 4xx with an error code as
 * text) and the Web API's chat.postMessage (HTTP 200 with `ok: true|false`).
 */
export async function startSlackFake(botToken = 'xoxb-test-token'): Promise<FakeServer> {
  return startFakeServer((req, res) => {
    if (req.method === 'POST' && req.path === SLACK_WEBHOOK_PATH) {
      const body = jsonBody(req);
      if (typeof body.text !== 'string' || body.text === '') return sendText(res, 400, 'invalid_payload');
      return sendText(res, 200, 'ok', { 'content-type': 'text/html' });
    }
    if (req.method === 'POST' && req.path.startsWith('/services/')) return sendText(res, 404, 'no_service');
    if (req.method === 'POST' && req.path === '/api/chat.postMessage') {
      if (bearerOf(req) !== botToken) return sendJson(res, 200, { ok: false, error: 'invalid_auth' });
      const body = jsonBody<{ channel: string; text: string }>(req);
      if (body.channel === 'nonexistent')
        return sendJson(res, 200, { ok: false, error: 'channel_not_found' });
      return sendJson(res, 200, {
        ok: true,
        channel: 'C0123456789',
        ts: '1700000000.000100',
        message: { type: 'message', text: body.text, ts: '1700000000.000100' },
      });
    }
    return sendJson(res, 404, { ok: false, error: 'unknown_method' });
  });
}
