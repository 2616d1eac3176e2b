import { jsonBody, sendJson, startFakeServer, type FakeServer } from './fake-server';

export const DISCORD_WEBHOOK_PATH = '/api/webhooks/123456789012345678/fake-webhook-token_abcdef';

/** A Discord channel webhook: `?wait=true` answers with the message, otherwise 204. */
export async function startDiscordFake(): Promise<FakeServer> {
  return startFakeServer((req, res) => {
    if (req.method !== 'POST' || !req.path.startsWith('/api/webhooks/')) {
      return sendJson(res, 405, { message: '405: Method Not Allowed', code: 0 });
    }
    if (req.path !== DISCORD_WEBHOOK_PATH)
      return sendJson(res, 401, { message: 'Invalid Webhook Token', code: 50027 });
    const body = jsonBody<{ content?: string; embeds?: unknown[] }>(req);
    if (!body.content && !body.embeds?.length)
      return sendJson(res, 400, { message: 'Cannot send an empty message', code: 50006 });
    if (req.query.get('wait') !== 'true') {
      res.writeHead(204);
      return res.end();
    }
    return sendJson(res, 200, {
      id: '1100000000000000001',
      type: 0,
      channel_id: '1000000000000000001',
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      webhook_id: '123456789012345678',
    });
  });
}
