import { mailjet } from '../../../../../../shared/providers/catalog/email/mailjet';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Mailjet Send API v3.1 as documented (dev.mailjet.com/email/reference/send-emails): HTTP
 * basic auth with the API key as user and the secret key as password; POST /v3.1/send with
 * `{"Messages":[{"From":{"Email","Name"},"To":[{"Email","Name"}],"Subject","TextPart",
 * "HTMLPart"}]}`; 200 with `Messages[].Status` "success" and `To[].MessageID/MessageUUID`;
 * a bad message gets 400 with `Messages[].Status` "error" and `Errors[].ErrorMessage`; a bad
 * key gets 401 `{"ErrorIdentifier","StatusCode","ErrorMessage"}`.
 */
const CREDENTIAL = JSON.stringify({ api_key: 'pub0123456789', secret_key: 'sec0123456789' });
const BASIC = `Basic ${Buffer.from('pub0123456789:sec0123456789').toString('base64')}`;
type Message = { From?: { Email?: string }; To?: { Email?: string }[]; TextPart?: string; HTMLPart?: string };

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers.authorization !== BASIC)
      return sendJson(res, 401, {
        ErrorIdentifier: '6a9e9a9e-0000-4000-8000-000000000000',
        StatusCode: 401,
        ErrorMessage:
          'API key authentication/authorization failure. You may be unauthorized to access the API or your API key may be expired. Visit API keys management section to check your keys.',
      });
    if (req.method !== 'POST' || req.path !== '/v3.1/send')
      return sendJson(res, 404, { ErrorMessage: 'Object not found' });
    const [message] = jsonBody<{ Messages?: Message[] }>(req).Messages ?? [];
    if (!message?.From?.Email)
      return sendJson(res, 400, {
        Messages: [
          {
            Status: 'error',
            Errors: [
              {
                ErrorIdentifier: 'f987008f-251a-4dff-8ffc-40f1583ad7bc',
                ErrorCode: 'mj-0013',
                StatusCode: 400,
                ErrorMessage: '"From" is mandatory.',
                ErrorRelatedTo: ['From'],
              },
            ],
          },
        ],
      });
    return sendJson(res, 200, {
      Messages: [
        {
          Status: 'success',
          CustomID: '',
          To: [
            {
              Email: message.To?.[0]?.Email,
              MessageUUID: '123e4567-e89b-12d3-a456-426614174000',
              MessageID: 288230376151711744,
              MessageHref: 'https://api.mailjet.com/v3/REST/message/288230376151711744',
            },
          ],
          Cc: [],
          Bcc: [],
        },
      ],
    });
  });
});
afterAll(() => fake.close());

it('sends one message in the Messages envelope with basic key:secret', async () => {
  const provider = wireProvider(mailjet, fake);
  const result = await runAction(
    provider,
    'send_email',
    {
      from_email: 'pilot@acme.com',
      from_name: 'Acme',
      to_email: 'ada@example.com',
      to_name: 'Ada',
      subject: 'Flight plan',
      text: 'Hello',
      html: '<h3>Hello</h3>',
    },
    { credential: CREDENTIAL },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/v3.1/send' });
  expect(jsonBody(fake.last())).toEqual({
    Messages: [
      {
        From: { Email: 'pilot@acme.com', Name: 'Acme' },
        To: [{ Email: 'ada@example.com', Name: 'Ada' }],
        Subject: 'Flight plan',
        TextPart: 'Hello',
        HTMLPart: '<h3>Hello</h3>',
      },
    ],
  });
  expect(result).toEqual({
    success: true,
    output: {
      status: 'success',
      message_id: 288230376151711744,
      message_uuid: '123e4567-e89b-12d3-a456-426614174000',
    },
    message: 'Mailjet: success',
  });
});

it('reports the per-message error and the authentication error', async () => {
  const provider = wireProvider(mailjet, fake);
  // A message without content passes the params check; Mailjet refuses it per message.
  fake.respondNext({
    status: 400,
    body: {
      Messages: [
        {
          Status: 'error',
          Errors: [
            {
              ErrorCode: 'mj-0003',
              StatusCode: 400,
              ErrorMessage: 'At least "HTMLPart", "TextPart" or "TemplateID" must be provided.',
            },
          ],
        },
      ],
    },
  });
  const invalid = await runAction(
    provider,
    'send_email',
    { from_email: 'x@acme.com', to_email: 'ada@example.com' },
    {
      credential: CREDENTIAL,
    },
  );
  expect(invalid).toMatchObject({
    success: false,
    message: 'Mailjet responded 400: At least "HTMLPart", "TextPart" or "TemplateID" must be provided.',
  });
  const denied = await runAction(
    provider,
    'send_email',
    { from_email: 'x@acme.com', to_email: 'ada@example.com', text: 'x' },
    {
      credential: JSON.stringify({ api_key: 'pub0123456789', secret_key: 'wrong' }),
    },
  );
  expect(denied).toMatchObject({
    success: false,
    message: expect.stringMatching(/^Mailjet responded 401: API key authentication\/authorization failure/),
  });
});
