import { googleChat } from '../../../../../../shared/providers/catalog/messaging/google_chat';
import { credentialFields } from '../../../../../../shared/providers/manifest/manifest-auth';
import { parseManifest } from '../../../../../../shared/providers/manifest/manifest-provider';
import { buildRequest } from '../../../../../../shared/providers/manifest/manifest-request';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Google Chat incoming webhooks as documented (developers.google.com/workspace/chat/quickstart/webhooks):
 * a POST of a Message JSON (text, cardsV2, thread.threadKey) to the space's webhook URL
 * https://chat.googleapis.com/v1/spaces/{space}/messages?key=…&token=…, optionally with
 * messageReplyOption; the answer is the created Message (name, thread.name, createTime…).
 * A wrong key or token gets Google's error shape {"error":{"code","message","status"}}.
 */
const WEBHOOK =
  'https://chat.googleapis.com/v1/spaces/AAAAbcdEfgh/messages?key=AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI&token=tok_0123456789';

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (
      req.path !== '/v1/spaces/AAAAbcdEfgh/messages' ||
      req.query.get('key') !== 'AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI' ||
      req.query.get('token') !== 'tok_0123456789'
    )
      return sendJson(res, 401, {
        error: {
          code: 401,
          message: 'Request had invalid authentication credentials.',
          status: 'UNAUTHENTICATED',
        },
      });
    if (req.method !== 'POST' || req.headers['content-type'] !== 'application/json')
      return sendJson(res, 400, {
        error: { code: 400, message: 'Invalid JSON payload', status: 'INVALID_ARGUMENT' },
      });
    const body = jsonBody<{ text?: string; cardsV2?: unknown[]; thread?: { threadKey?: string } }>(req);
    if (!body.text && !body.cardsV2)
      return sendJson(res, 400, {
        error: { code: 400, message: 'Message cannot be empty.', status: 'INVALID_ARGUMENT' },
      });
    return sendJson(res, 200, {
      name: 'spaces/AAAAbcdEfgh/messages/Abc.Def',
      text: body.text,
      thread: { name: 'spaces/AAAAbcdEfgh/threads/Thr1', threadKey: body.thread?.threadKey },
      space: { name: 'spaces/AAAAbcdEfgh' },
      createTime: '2026-12-03T12:00:00.000000Z',
    });
  });
});
afterAll(() => fake.close());

it('posts a threaded message to the webhook URL, keeping its key and token', async () => {
  const provider = wireProvider(googleChat, fake);
  const result = await runAction(
    provider,
    'post_message',
    {
      text: 'Build *green*',
      thread_key: 'build-1234',
      message_reply_option: 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD',
    },
    { credential: WEBHOOK },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/v1/spaces/AAAAbcdEfgh/messages' });
  expect(sent.rawQuery).toBe(
    'key=AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI&token=tok_0123456789&messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD',
  );
  expect(jsonBody(sent)).toEqual({ text: 'Build *green*', thread: { threadKey: 'build-1234' } });
  expect(result).toEqual({
    success: true,
    output: {
      name: 'spaces/AAAAbcdEfgh/messages/Abc.Def',
      thread: 'spaces/AAAAbcdEfgh/threads/Thr1',
      create_time: '2026-12-03T12:00:00.000000Z',
    },
    message: 'Posted spaces/AAAAbcdEfgh/messages/Abc.Def',
  });
});

it("reports Google's error message", async () => {
  const provider = wireProvider(googleChat, fake);
  const bad = await runAction(provider, 'post_message', { text: '' }, { credential: WEBHOOK });
  expect(bad).toMatchObject({
    success: false,
    message: 'Google Chat (incoming webhook) responded 400: Message cannot be empty.',
  });
  const wrong = await runAction(
    provider,
    'post_message',
    { text: 'x' },
    { credential: WEBHOOK.replace('tok_0123456789', 'tok_wrong') },
  );
  expect(wrong).toMatchObject({
    success: false,
    message: 'Google Chat (incoming webhook) responded 401: Request had invalid authentication credentials.',
  });
});

it('sends to chat.googleapis.com itself and accepts no other host', () => {
  const parsed = parseManifest(googleChat);
  const request = buildRequest({
    manifest: parsed,
    action: parsed.actions.post_message!,
    params: { text: 'x' },
    fields: credentialFields('google_chat', parsed.auth, WEBHOOK),
    runId: 'run-1',
    stepId: 'step-1',
  });
  expect(request.url).toBe(WEBHOOK);
  for (const other of [
    'https://chat.googleapis.com.evil.example/v1/spaces/A/messages?key=k',
    'https://evil.example/v1/spaces/A/messages?key=k&token=t',
    'http://chat.googleapis.com/v1/spaces/A/messages?key=k',
  ])
    expect(() => credentialFields('google_chat', parsed.auth, other)).toThrow(/malformed webhook_url/);
});
