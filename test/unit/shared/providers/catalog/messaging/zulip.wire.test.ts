import { zulip } from '../../../../../../shared/providers/catalog/messaging/zulip';
import { credentialFields } from '../../../../../../shared/providers/manifest/manifest-auth';
import { parseManifest } from '../../../../../../shared/providers/manifest/manifest-provider';
import { buildRequest } from '../../../../../../shared/providers/manifest/manifest-request';
import { sendJson, startFakeServer, type FakeServer } from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Zulip's REST API as documented (zulip.com/api): https://{org}/api/v1, HTTP basic auth with
 * the bot's e-mail and API key, form-encoded parameters; every answer carries `result`
 * ("success"/"error") and `msg`, errors also a `code` (401 INVALID_API_KEY, 400
 * STREAM_DOES_NOT_EXIST…). POST /messages answers {"id": …}; GET /messages answers the
 * messages around the anchor.
 */
const EMAIL = 'notify-bot@acme.zulipchat.com';
const KEY = 'abcdEFGHijklMNOPqrstUVWXyz012345';
const CREDENTIAL = JSON.stringify({ host: 'acme.zulipchat.com', email: EMAIL, api_key: KEY });
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers.authorization !== basic(EMAIL, KEY))
      return sendJson(res, 401, { result: 'error', msg: 'Invalid API key', code: 'INVALID_API_KEY' });
    if (req.method === 'POST' && req.path === '/api/v1/messages') {
      if (req.headers['content-type'] !== 'application/x-www-form-urlencoded')
        return sendJson(res, 400, { result: 'error', msg: 'Malformed payload', code: 'BAD_REQUEST' });
      const form = new URLSearchParams(req.body);
      if (!form.get('content'))
        return sendJson(res, 400, {
          result: 'error',
          msg: "Missing 'content' argument",
          code: 'REQUEST_VARIABLE_MISSING',
        });
      if (form.get('type') === 'stream' && form.get('to') !== 'engineering')
        return sendJson(res, 400, {
          result: 'error',
          msg: `Channel '${form.get('to')}' does not exist`,
          code: 'STREAM_DOES_NOT_EXIST',
          stream: form.get('to'),
        });
      return sendJson(res, 200, { result: 'success', msg: '', id: 42 });
    }
    if (req.method === 'GET' && req.path === '/api/v1/messages')
      return sendJson(res, 200, {
        result: 'success',
        msg: '',
        anchor: 10000000000000000,
        found_newest: true,
        found_oldest: false,
        found_anchor: false,
        history_limited: false,
        messages: [
          { id: 40, content: '<p>deploy started</p>', subject: 'deploys' },
          { id: 41, content: '<p>deploy done</p>', subject: 'deploys' },
        ],
      });
    return sendJson(res, 404, { result: 'error', msg: 'Not found', code: 'BAD_REQUEST' });
  });
});
afterAll(() => fake.close());

it('sends a channel message as a form with basic auth email:key', async () => {
  const provider = wireProvider(zulip, fake);
  const result = await runAction(
    provider,
    'send_message',
    { type: 'stream', to: 'engineering', topic: 'deploys', content: 'Deploy **done**' },
    { credential: CREDENTIAL },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/api/v1/messages', rawQuery: '' });
  expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded');
  expect(Object.fromEntries(new URLSearchParams(sent.body))).toEqual({
    type: 'stream',
    to: 'engineering',
    topic: 'deploys',
    content: 'Deploy **done**',
  });
  expect(result).toEqual({ success: true, output: { id: 42 }, message: 'Zulip message 42 sent' });
});

it('reads messages around an anchor with the narrow as a JSON query parameter', async () => {
  const provider = wireProvider(zulip, fake);
  const narrow = JSON.stringify([{ operator: 'channel', operand: 'engineering' }]);
  const result = await runAction(
    provider,
    'get_messages',
    { anchor: 'newest', num_before: 2, num_after: 0, narrow },
    { credential: CREDENTIAL },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'GET', path: '/api/v1/messages', body: '' });
  expect(Object.fromEntries(sent.query)).toEqual({
    anchor: 'newest',
    num_before: '2',
    num_after: '0',
    narrow,
  });
  expect(result).toMatchObject({
    success: true,
    output: { found_newest: true, found_oldest: false, messages: [{ id: 40 }, { id: 41 }] },
  });
});

it("reports Zulip's msg when the channel does not exist", async () => {
  const provider = wireProvider(zulip, fake);
  const bad = await runAction(
    provider,
    'send_message',
    { type: 'stream', to: 'nope', topic: 't', content: 'x' },
    { credential: CREDENTIAL },
  );
  expect(bad).toMatchObject({
    success: false,
    message: "Zulip responded 400: Channel 'nope' does not exist",
  });
});

it('fails with Invalid API key on a wrong key', async () => {
  const provider = wireProvider(zulip, fake);
  const bad = await runAction(
    provider,
    'send_message',
    { type: 'direct', to: '[9]', content: 'x' },
    { credential: JSON.stringify({ host: 'acme.zulipchat.com', email: EMAIL, api_key: 'wrong' }) },
  );
  expect(bad).toMatchObject({ success: false, message: 'Zulip responded 401: Invalid API key' });
});

it('builds the organization host from the credential and refuses a host with a path', () => {
  const parsed = parseManifest(zulip);
  const fields = credentialFields('zulip', parsed.auth, CREDENTIAL);
  const request = buildRequest({
    manifest: parsed,
    action: parsed.actions.send_message!,
    params: { type: 'stream', to: 'engineering', topic: 't', content: 'x' },
    fields,
    runId: 'run-1',
    stepId: 'step-1',
  });
  expect(request.url).toBe('https://acme.zulipchat.com/api/v1/messages');
  expect(() =>
    credentialFields(
      'zulip',
      parsed.auth,
      JSON.stringify({ host: 'evil.example.com/x?', email: EMAIL, api_key: KEY }),
    ),
  ).toThrow(/malformed host/);
});
