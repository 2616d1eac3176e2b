import { sendgrid } from '../../../../../../shared/providers/catalog/email/sendgrid';
import {
  bearerOf,
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * SendGrid's v3 Mail Send as documented (twilio.com/docs/sendgrid/api-reference/mail-send):
 * `Authorization: Bearer <API key>`, a JSON body with `personalizations[].to[]`, `from`,
 * `subject` and `content[]` of `{type, value}` (or a `template_id` with
 * `personalizations[].dynamic_template_data`); 202 Accepted with an empty body; errors as
 * `{"errors":[{"message","field","help"}]}` (401 for a bad key, 400 for a bad body).
 */
const KEY = 'SG.test-key.0123456789abcdefghijklmnopqrstuvwxyz';
type Mail = {
  personalizations?: { to?: { email?: string }[]; dynamic_template_data?: unknown }[];
  from?: { email?: string };
  subject?: string;
  content?: { type?: string; value?: string }[];
  template_id?: string;
};

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (bearerOf(req) !== KEY)
      return sendJson(res, 401, {
        errors: [
          { field: null, message: 'The provided authorization grant is invalid, expired, or revoked' },
        ],
      });
    if (req.method !== 'POST' || req.path !== '/v3/mail/send')
      return sendJson(res, 404, { errors: [{ field: null, message: 'resource not found' }] });
    if (req.headers['content-type'] !== 'application/json')
      return sendJson(res, 415, {
        errors: [{ field: null, message: 'Content-Type should be application/json.' }],
      });
    const mail = jsonBody<Mail>(req);
    if (!mail.personalizations?.[0]?.to?.[0]?.email)
      return sendJson(res, 400, {
        errors: [{ field: 'personalizations', message: 'You must have at least one personalization.' }],
      });
    if (!mail.from?.email)
      return sendJson(res, 400, {
        errors: [{ field: 'from.email', message: 'The from email does not contain a valid address.' }],
      });
    if (!mail.template_id && !mail.content?.[0]?.value)
      return sendJson(res, 400, {
        errors: [
          {
            field: 'content',
            message: 'Unless a valid template_id is provided, the content parameter is required.',
          },
        ],
      });
    res.writeHead(202, { 'x-message-id': 'W3ZkY2FmY2U1' });
    res.end();
  });
});
afterAll(() => fake.close());

it('sends nested personalizations, from and content as SendGrid expects', async () => {
  const provider = wireProvider(sendgrid, fake);
  const result = await runAction(
    provider,
    'send_email',
    {
      to: 'ada@example.com',
      to_name: 'Ada',
      from: 'noreply@acme.com',
      from_name: 'Acme',
      subject: 'Welcome',
      content_type: 'text/html',
      body: '<p>Hi</p>',
      categories: ['welcome'],
    },
    { credential: KEY },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/v3/mail/send' });
  expect(fake.last().headers.authorization).toBe(`Bearer ${KEY}`);
  expect(jsonBody(fake.last())).toEqual({
    personalizations: [{ to: [{ email: 'ada@example.com', name: 'Ada' }] }],
    from: { email: 'noreply@acme.com', name: 'Acme' },
    subject: 'Welcome',
    content: [{ type: 'text/html', value: '<p>Hi</p>' }],
    categories: ['welcome'],
  });
  expect(result).toEqual({ success: true, output: null, message: 'SendGrid accepted the message' });
});

it('sends a dynamic template with its data inside the personalization', async () => {
  const provider = wireProvider(sendgrid, fake);
  const templateId = `d-${'a1'.repeat(16)}`;
  const result = await runAction(
    provider,
    'send_template_email',
    {
      to: 'ada@example.com',
      from: 'noreply@acme.com',
      template_id: templateId,
      dynamic_template_data: { name: 'Ada' },
    },
    { credential: KEY },
  );
  expect(jsonBody(fake.last())).toEqual({
    personalizations: [{ to: [{ email: 'ada@example.com' }], dynamic_template_data: { name: 'Ada' } }],
    from: { email: 'noreply@acme.com' },
    template_id: templateId,
  });
  expect(result.success).toBe(true);
});

it("reports SendGrid's first error message", async () => {
  const provider = wireProvider(sendgrid, fake);
  const denied = await runAction(
    provider,
    'send_email',
    { to: 'ada@example.com', from: 'noreply@acme.com', subject: 'x', content_type: 'text/plain', body: 'x' },
    { credential: 'SG.wrong' },
  );
  expect(denied).toMatchObject({
    success: false,
    output: { status: 401 },
    message: 'SendGrid responded 401: The provided authorization grant is invalid, expired, or revoked',
  });
});

it('refuses a template id that is not a dynamic template before sending', async () => {
  const provider = wireProvider(sendgrid, fake);
  await expect(
    runAction(
      provider,
      'send_template_email',
      { to: 'ada@example.com', from: 'noreply@acme.com', template_id: 'legacy-123' },
      { credential: KEY },
    ),
  ).rejects.toThrow(/invalid params/);
});
