import { CreateWebhookBody } from '../../../../shared/webhooks/webhook-schemas';
import { webhookSetup } from '../../../../shared/webhooks/webhook-setup';
import {
  verificationFromItem,
  verificationOf,
  verificationView,
} from '../../../../shared/webhooks/verification/verification-modes';

const parse = (body: unknown) => CreateWebhookBody.safeParse(body);
const setupOf = (body: unknown) => webhookSetup(CreateWebhookBody.parse(body));
const messagesOf = (body: unknown) =>
  parse(body).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('the webhook create body', () => {
  it('defaults to flowgate, and keeps require_signature as the older spelling', () => {
    expect(setupOf({})).toEqual({ verification: { mode: 'flowgate' } });
    expect(setupOf({ require_signature: true })).toEqual({ verification: { mode: 'flowgate' } });
    expect(setupOf({ require_signature: false })).toEqual({ verification: { mode: 'none' } });
    expect(setupOf({ verification: { mode: 'none' } })).toEqual({ verification: { mode: 'none' } });
  });

  it('refuses require_signature and verification together', () => {
    expect(messagesOf({ require_signature: true, verification: { mode: 'flowgate' } })).toEqual([
      'require_signature: give verification or require_signature, not both',
    ]);
  });

  it('turns each mode into its settings and the secret the user brought', () => {
    expect(setupOf({ verification: { mode: 'github' } })).toEqual({ verification: { mode: 'github' } });
    expect(setupOf({ verification: { mode: 'github', secret: "It's a Secret to Everybody" } })).toEqual({
      verification: { mode: 'github' },
      userSecret: "It's a Secret to Everybody",
    });
    expect(setupOf({ verification: { mode: 'stripe', secret: 'whsec_0123456789abcdef' } })).toEqual({
      verification: { mode: 'stripe', toleranceSeconds: 300 },
      userSecret: 'whsec_0123456789abcdef',
    });
    expect(
      setupOf({ verification: { mode: 'stripe', secret: 'whsec_0123456789abcdef', tolerance_seconds: 60 } }),
    ).toMatchObject({ verification: { toleranceSeconds: 60 } });
    expect(setupOf({ verification: { mode: 'slack', secret: '8f742231b10e8888abcd99yyyzzz85a5' } })).toEqual({
      verification: { mode: 'slack' },
      userSecret: '8f742231b10e8888abcd99yyyzzz85a5',
    });
    expect(setupOf({ verification: { mode: 'basic', username: 'zapier' } })).toEqual({
      verification: { mode: 'basic', username: 'zapier' },
    });
    expect(
      setupOf({ verification: { mode: 'header', header_name: 'X-Hook-Key', value: 'v'.repeat(16) } }),
    ).toEqual({
      verification: { mode: 'header', headerName: 'X-Hook-Key' },
      userSecret: 'v'.repeat(16),
    });
  });

  it.each([
    ['an unknown mode', { mode: 'hmac' }],
    ['a short GitHub secret', { mode: 'github', secret: 'short' }],
    ['a secret with a line break', { mode: 'github', secret: 'a-long-enough-secret\n' }],
    ['a secret over 1024 bytes', { mode: 'github', secret: 'é'.repeat(513) }],
    ['Stripe without its secret', { mode: 'stripe' }],
    ['a Stripe secret that is not whsec_', { mode: 'stripe', secret: 'sk_live_0123456789abcdef' }],
    ['a tolerance of 0', { mode: 'stripe', secret: 'whsec_0123456789abcdef', tolerance_seconds: 0 }],
    [
      'a tolerance over an hour',
      { mode: 'stripe', secret: 'whsec_0123456789abcdef', tolerance_seconds: 3601 },
    ],
    ['Slack without its signing secret', { mode: 'slack' }],
    ['basic without a user name', { mode: 'basic', password: 'p'.repeat(16) }],
    ['a user name with a colon', { mode: 'basic', username: 'a:b' }],
    ['a short password', { mode: 'basic', username: 'a', password: 'short' }],
    ['header without a name', { mode: 'header' }],
    ['a header name that is not a token', { mode: 'header', header_name: 'X Key' }],
    [
      'a header value with outer spaces',
      { mode: 'header', header_name: 'X-Key', value: ` ${'v'.repeat(16)}` },
    ],
    ['a header value that is not ASCII', { mode: 'header', header_name: 'X-Key', value: 'ü'.repeat(16) }],
    ['settings of another mode', { mode: 'github', username: 'a' }],
    ['a secret on flowgate (it is always generated)', { mode: 'flowgate', secret: 'x'.repeat(16) }],
  ])('refuses %s', (_name, verification) => {
    expect(parse({ verification }).success).toBe(false);
  });

  it.each([
    'Authorization',
    'host',
    'Content-Length',
    'Content-Type',
    'Transfer-Encoding',
    'Connection',
    'Cookie',
    'X-Flowgate-Signature',
    'X-Hub-Signature-256',
    'Stripe-Signature',
    'X-Slack-Signature',
    'X-Forwarded-For',
    'X-Amz-Date',
    'X-Amzn-Trace-Id',
    'CloudFront-Viewer-Country',
    'Sec-Fetch-Mode',
    'Proxy-Authorization',
  ])('refuses %s as the secret header, saying why', (headerName) => {
    expect(messagesOf({ verification: { mode: 'header', header_name: headerName } })).toEqual([
      expect.stringMatching(/^verification\.header_name: cannot carry the webhook secret: /),
    ]);
  });
});

describe('stored verifications', () => {
  it('reads webhooks from before modes existed by whether they have a secret', () => {
    expect(verificationOf({ secretCiphertext: 'AQID' })).toEqual({ mode: 'flowgate' });
    expect(verificationOf({})).toEqual({ mode: 'none' });
    expect(verificationOf({ verification: { mode: 'github' }, secretCiphertext: 'AQID' })).toEqual({
      mode: 'github',
    });
  });

  it('reads what it wrote, and fails closed on anything else', () => {
    for (const v of [
      { mode: 'none' },
      { mode: 'slack' },
      { mode: 'stripe', toleranceSeconds: 300 },
      { mode: 'basic', username: 'u' },
      { mode: 'header', headerName: 'X-Key' },
    ])
      expect(verificationFromItem(v)).toEqual(v);
    expect(verificationFromItem(undefined)).toBeUndefined();
    for (const bad of [{ mode: 'hmac' }, { mode: 'stripe' }, { mode: 'basic' }, null, 'github'])
      expect(() => verificationFromItem(bad)).toThrow(expect.objectContaining({ statusCode: 500 }));
  });

  it('shows the mode and its non-secret settings in snake case', () => {
    expect(verificationView({ mode: 'stripe', toleranceSeconds: 60 })).toEqual({
      mode: 'stripe',
      tolerance_seconds: 60,
    });
    expect(verificationView({ mode: 'basic', username: 'u' })).toEqual({ mode: 'basic', username: 'u' });
    expect(verificationView({ mode: 'header', headerName: 'X-Key' })).toEqual({
      mode: 'header',
      header_name: 'X-Key',
    });
    expect(verificationView({ mode: 'github' })).toEqual({ mode: 'github' });
  });
});
