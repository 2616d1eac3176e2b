import { postmark } from '../../../../../../shared/providers/catalog/email/postmark';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Postmark's Email API as documented (postmarkapp.com/developer/api/email-api): the server
 * token in `X-Postmark-Server-Token`, PascalCase JSON, and `ErrorCode`/`Message` in every
 * answer (422 with a non-zero code on a bad request).
 */
const TOKEN = 'pm-server-token-0123456789';
let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers['x-postmark-server-token'] !== TOKEN)
      return sendJson(res, 401, {
        ErrorCode: 10,
        Message: 'No Account or Server API tokens were supplied in the HTTP headers.',
      });
    if (req.headers['content-type'] !== 'application/json' || req.headers.accept !== 'application/json')
      return sendJson(res, 415, { ErrorCode: 0, Message: 'JSON expected' });
    const body = jsonBody(req);
    if (req.method === 'POST' && (req.path === '/email' || req.path === '/email/withTemplate')) {
      if (!body.From) return sendJson(res, 422, { ErrorCode: 300, Message: "Invalid 'From' address: ''." });
      return sendJson(res, 200, {
        To: body.To,
        SubmittedAt: '2026-12-03T12:00:00.0000000-05:00',
        MessageID: 'b7bc2f4a-e38e-4336-af7d-e6c392c2f817',
        ErrorCode: 0,
        Message: 'OK',
      });
    }
    return sendJson(res, 404, { ErrorCode: 0, Message: 'not found' });
  });
});
afterAll(() => fake.close());

it('sends an e-mail in the documented shape', async () => {
  const provider = wireProvider(postmark, fake);
  const result = await runAction(
    provider,
    'send_email',
    {
      from: 'sender@example.com',
      to: 'ada@example.com',
      subject: 'Hi',
      text_body: 'Hello',
      message_stream: 'outbound',
    },
    { credential: TOKEN },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/email' });
  expect(jsonBody(fake.last())).toEqual({
    From: 'sender@example.com',
    To: 'ada@example.com',
    Subject: 'Hi',
    TextBody: 'Hello',
    MessageStream: 'outbound',
  });
  expect(result).toEqual({
    success: true,
    output: {
      message_id: 'b7bc2f4a-e38e-4336-af7d-e6c392c2f817',
      to: 'ada@example.com',
      submitted_at: '2026-12-03T12:00:00.0000000-05:00',
    },
    message: 'Sent to ada@example.com',
  });
});

it('sends a template with its model as an object', async () => {
  const provider = wireProvider(postmark, fake);
  await runAction(
    provider,
    'send_email_with_template',
    {
      from: 'a@example.com',
      to: 'b@example.com',
      template_alias: 'welcome',
      template_model: { name: 'Ada' },
    },
    { credential: TOKEN },
  );
  expect(fake.last().path).toBe('/email/withTemplate');
  expect(jsonBody(fake.last())).toMatchObject({ TemplateAlias: 'welcome', TemplateModel: { name: 'Ada' } });
});

it("reports Postmark's Message on a refusal", async () => {
  const provider = wireProvider(postmark, fake);
  const bad = await runAction(
    provider,
    'send_email',
    { from: 'x', to: 'y@example.com' },
    { credential: 'wrong-token-123' },
  );
  expect(bad).toMatchObject({
    success: false,
    message: 'Postmark responded 401: No Account or Server API tokens were supplied in the HTTP headers.',
  });
});
