import { twilio } from '../../../../../../shared/providers/catalog/messaging/twilio';
import { sendJson, startFakeServer, type FakeServer } from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Twilio's Message resource as documented (twilio.com/docs/messaging/api/message-resource):
 * https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages.json, HTTP basic auth with
 * the Account SID and Auth Token, a form body with PascalCase fields (To, From, Body…), 201
 * with the snake_case Message resource; errors as {code, message, more_info, status}
 * (20003 "Authenticate" on 401, 21619 when there is neither Body nor MediaUrl nor ContentSid).
 */
const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'auth-token-0123456789';
const CREDENTIAL = JSON.stringify({ account_sid: SID, auth_token: TOKEN });
const MESSAGE_SID = 'SM9876543210fedcba9876543210fedcba';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const twilioError = (status: number, code: number, message: string) => ({
  code,
  message,
  more_info: `https://www.twilio.com/docs/errors/${code}`,
  status,
});
const resource = (fields: Record<string, string | null>) => ({
  account_sid: SID,
  api_version: '2010-04-01',
  sid: MESSAGE_SID,
  status: 'queued',
  direction: 'outbound-api',
  date_created: 'Thu, 03 Dec 2026 12:00:00 +0000',
  error_code: null,
  uri: `/2010-04-01/Accounts/${SID}/Messages/${MESSAGE_SID}.json`,
  ...fields,
});

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers.authorization !== basic(SID, TOKEN))
      return sendJson(res, 401, twilioError(401, 20003, 'Authenticate'));
    const base = `/2010-04-01/Accounts/${SID}`;
    if (req.method === 'POST' && req.path === `${base}/Messages.json`) {
      if (req.headers['content-type'] !== 'application/x-www-form-urlencoded')
        return sendJson(res, 400, twilioError(400, 20001, 'Unsupported content type'));
      const form = new URLSearchParams(req.body);
      if (!form.get('To'))
        return sendJson(res, 400, twilioError(400, 21604, "A 'To' phone number is required."));
      if (!form.get('Body') && !form.get('MediaUrl') && !form.get('ContentSid'))
        return sendJson(
          res,
          400,
          twilioError(400, 21619, 'A text message body or media URL must be specified.'),
        );
      return sendJson(
        res,
        201,
        resource({ to: form.get('To'), from: form.get('From'), body: form.get('Body') }),
      );
    }
    if (req.method === 'GET' && req.path === `${base}/Messages/${MESSAGE_SID}.json`)
      return sendJson(res, 200, resource({ status: 'delivered', to: '+15558675310', from: '+15017122661' }));
    return sendJson(res, 404, twilioError(404, 20404, `The requested resource ${req.path} was not found`));
  });
});
afterAll(() => fake.close());

it('sends an SMS as a form to the account’s Messages.json with basic auth', async () => {
  const provider = wireProvider(twilio, fake);
  const result = await runAction(
    provider,
    'send_message',
    {
      to: '+15558675310',
      from: '+15017122661',
      body: 'Your code is 1234',
      status_callback: 'https://example.com/twilio/status',
    },
    { credential: CREDENTIAL },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: `/2010-04-01/Accounts/${SID}/Messages.json` });
  expect(sent.rawQuery).toBe('');
  expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded');
  expect(Object.fromEntries(new URLSearchParams(sent.body))).toEqual({
    To: '+15558675310',
    From: '+15017122661',
    Body: 'Your code is 1234',
    StatusCallback: 'https://example.com/twilio/status',
  });
  expect(result).toEqual({
    success: true,
    output: {
      sid: MESSAGE_SID,
      status: 'queued',
      to: '+15558675310',
      from: '+15017122661',
      date_created: 'Thu, 03 Dec 2026 12:00:00 +0000',
    },
    message: `Message ${MESSAGE_SID} to +15558675310: queued`,
  });
});

it('reads a message by its SID', async () => {
  const provider = wireProvider(twilio, fake);
  const result = await runAction(provider, 'get_message', { sid: MESSAGE_SID }, { credential: CREDENTIAL });
  expect(fake.last()).toMatchObject({
    method: 'GET',
    path: `/2010-04-01/Accounts/${SID}/Messages/${MESSAGE_SID}.json`,
  });
  expect(result).toMatchObject({ success: true, message: `Message ${MESSAGE_SID}: delivered` });
});

it("reports Twilio's message when there is nothing to send", async () => {
  const provider = wireProvider(twilio, fake);
  const bad = await runAction(
    provider,
    'send_message',
    { to: '+15558675310', from: '+15017122661' },
    { credential: CREDENTIAL },
  );
  expect(bad).toMatchObject({
    success: false,
    message: 'Twilio Messaging responded 400: A text message body or media URL must be specified.',
  });
});

it('fails with 401 Authenticate on a wrong token', async () => {
  const provider = wireProvider(twilio, fake);
  const bad = await runAction(
    provider,
    'send_message',
    { to: '+15558675310', from: '+15017122661', body: 'x' },
    { credential: JSON.stringify({ account_sid: SID, auth_token: 'wrong' }) },
  );
  expect(bad).toMatchObject({ success: false, message: 'Twilio Messaging responded 401: Authenticate' });
});

it('rejects a malformed Account SID before any request', async () => {
  const provider = wireProvider(twilio, fake);
  const before = fake.requests.length;
  await expect(
    runAction(
      provider,
      'send_message',
      { to: '+15558675310', body: 'x' },
      { credential: JSON.stringify({ account_sid: 'AC123/../../evil', auth_token: TOKEN }) },
    ),
  ).rejects.toThrow(/malformed account_sid/);
  expect(fake.requests.length).toBe(before);
});
