import { discordBot } from '../../../../../../shared/providers/catalog/messaging/discord_bot';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Discord's HTTP API as documented (discord.com/developers/docs): https://discord.com/api/v10,
 * `Authorization: Bot <token>`; POST /channels/{channel.id}/messages takes JSON (content,
 * embeds, message_reference…) and answers the Message object; errors are
 * {"message": …, "code": …} (401 "401: Unauthorized", 403 Missing Access 50001, 400 empty
 * message 50006); PUT …/reactions/{emoji}/@me answers 204 with no body.
 */
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.bot-token-0123456789';
const CHANNEL = '1100000000000000001';
const MESSAGE = '1200000000000000002';

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers.authorization !== `Bot ${TOKEN}`)
      return sendJson(res, 401, { message: '401: Unauthorized', code: 0 });
    const messages = `/api/v10/channels/${CHANNEL}/messages`;
    if (req.method === 'POST' && req.path === messages) {
      if (req.headers['content-type'] !== 'application/json')
        return sendJson(res, 400, { message: 'Cannot send an empty message', code: 50006 });
      const body = jsonBody<{ content?: string; embeds?: unknown[] }>(req);
      if (!body.content && !body.embeds?.length)
        return sendJson(res, 400, { message: 'Cannot send an empty message', code: 50006 });
      return sendJson(res, 200, {
        id: MESSAGE,
        channel_id: CHANNEL,
        content: body.content ?? '',
        timestamp: '2026-12-03T12:00:00.000000+00:00',
        author: { id: '1000000000000000000', username: 'flowgate', bot: true },
      });
    }
    if (req.method === 'GET' && req.path === messages)
      return sendJson(res, 200, [
        { id: '1200000000000000003', content: 'newest' },
        { id: MESSAGE, content: 'older' },
      ]);
    if (req.method === 'PUT' && req.path === `${messages}/${MESSAGE}/reactions/%F0%9F%91%8D/@me`) {
      res.writeHead(204);
      return res.end();
    }
    return sendJson(res, 403, { message: 'Missing Access', code: 50001 });
  });
});
afterAll(() => fake.close());

it('posts a reply with the Bot authorization scheme', async () => {
  const provider = wireProvider(discordBot, fake);
  const result = await runAction(
    provider,
    'create_message',
    {
      channel_id: CHANNEL,
      content: 'Deploy finished',
      reply_to: '1200000000000000009',
      allowed_mentions: { parse: [] },
    },
    { credential: TOKEN },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: `/api/v10/channels/${CHANNEL}/messages`, rawQuery: '' });
  expect(sent.headers['content-type']).toBe('application/json');
  expect(jsonBody(sent)).toEqual({
    content: 'Deploy finished',
    message_reference: { message_id: '1200000000000000009' },
    allowed_mentions: { parse: [] },
  });
  expect(result).toEqual({
    success: true,
    output: { id: MESSAGE, channel_id: CHANNEL, timestamp: '2026-12-03T12:00:00.000000+00:00' },
    message: `Posted message ${MESSAGE}`,
  });
});

it('reads a channel’s messages with limit and before in the query', async () => {
  const provider = wireProvider(discordBot, fake);
  const result = await runAction(
    provider,
    'get_messages',
    { channel_id: CHANNEL, limit: 2, before: '1300000000000000000' },
    { credential: TOKEN },
  );
  expect(fake.last()).toMatchObject({
    method: 'GET',
    path: `/api/v10/channels/${CHANNEL}/messages`,
    rawQuery: 'limit=2&before=1300000000000000000',
  });
  expect(result).toMatchObject({ success: true, output: [{ content: 'newest' }, { content: 'older' }] });
});

it('reacts with a URL-encoded emoji and accepts the empty 204', async () => {
  const provider = wireProvider(discordBot, fake);
  const result = await runAction(
    provider,
    'add_reaction',
    { channel_id: CHANNEL, message_id: MESSAGE, emoji: '👍' },
    { credential: TOKEN },
  );
  expect(fake.last()).toMatchObject({ method: 'PUT', body: '' });
  expect(result).toEqual({ success: true, output: null, message: 'Reacted' });
});

it("reports Discord's message on refusals", async () => {
  const provider = wireProvider(discordBot, fake);
  const empty = await runAction(
    provider,
    'create_message',
    { channel_id: CHANNEL, content: '' },
    { credential: TOKEN },
  );
  expect(empty).toMatchObject({
    success: false,
    message: 'Discord (bot) responded 400: Cannot send an empty message',
  });
  const elsewhere = await runAction(
    provider,
    'create_message',
    { channel_id: '1100000000000000099', content: 'hi' },
    { credential: TOKEN },
  );
  expect(elsewhere).toMatchObject({ success: false, message: 'Discord (bot) responded 403: Missing Access' });
  const unauthorized = await runAction(
    provider,
    'create_message',
    { channel_id: CHANNEL, content: 'hi' },
    { credential: 'not-the-token' },
  );
  expect(unauthorized).toMatchObject({
    success: false,
    message: 'Discord (bot) responded 401: 401: Unauthorized',
  });
});
