import { idempotencyKey } from '../../../../../shared/providers/form-encoding';
import { credentialFields } from '../../../../../shared/providers/manifest/manifest-auth';
import { parseManifest } from '../../../../../shared/providers/manifest/manifest-provider';
import { buildRequest, setPath } from '../../../../../shared/providers/manifest/manifest-request';
import type { ProviderManifest } from '../../../../../shared/providers/manifest/manifest-schema';

type Auth = ProviderManifest['auth'];
type Action = ProviderManifest['actions'][string];

const action: Action = {
  description: 'Create a thing in the vendor.',
  method: 'POST',
  path: '/things/{id}',
  params: { id: { in: 'path', type: 'string', required: true }, name: { in: 'body', type: 'string' } },
};

function manifest(
  auth: Auth,
  overrides: Partial<ProviderManifest> = {},
  act: Action = action,
): ProviderManifest {
  return {
    name: 'vendor',
    title: 'Vendor',
    category: 'utility',
    description: 'A vendor for these tests.',
    docsUrl: 'https://vendor.example/docs',
    verification: 'documented',
    baseUrl: 'https://api.vendor.example/v2',
    auth,
    actions: { act },
    ...overrides,
  };
}

function build(m: ProviderManifest, params: Record<string, unknown>, credential?: string, page?: never) {
  const parsed = parseManifest(m);
  const fields = credentialFields(parsed.name, parsed.auth, credential);
  return buildRequest({
    manifest: parsed,
    action: parsed.actions.act!,
    params,
    fields,
    runId: 'run_1',
    stepId: 'step_1',
    ...(page ? { page } : {}),
  });
}

describe('auth placements', () => {
  it('puts a bearer token in Authorization', () => {
    const req = build(
      manifest({
        credentialType: 'token',
        apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
      }),
      { id: 'a' },
      'tok-123456789',
    );
    expect(req.headers.authorization).toBe('Bearer tok-123456789');
    expect(req.url).toBe('https://api.vendor.example/v2/things/a');
  });

  it('puts a key in a custom header, and a token with its prefix', () => {
    const req = build(
      manifest({
        credentialType: 'api_key',
        apply: [
          { in: 'header', name: 'X-Api-Key', value: '{token}' },
          { in: 'header', name: 'Authorization', value: 'Token token={token}' },
        ],
      }),
      { id: 'a' },
      'key-123456789',
    );
    expect(req.headers).toMatchObject({
      'x-api-key': 'key-123456789',
      authorization: 'Token token=key-123456789',
    });
  });

  it('puts a key in the query, after the params, encoded', () => {
    const m = manifest(
      { credentialType: 'api_key', apply: [{ in: 'query', name: 'key', value: '{token}' }] },
      {},
      { ...action, method: 'GET', params: { ...action.params, name: { in: 'query', type: 'string' } } },
    );
    const req = build(m, { id: 'a', name: 'x y' }, 'k&y=1234567');
    expect(req.url).toBe('https://api.vendor.example/v2/things/a?name=x+y&key=k%26y%3D1234567');
    expect(req.headers.authorization).toBeUndefined();
  });

  it('builds basic auth from two fields of a JSON credential', () => {
    const m = manifest({
      credentialType: 'custom',
      fields: {
        email: { description: 'The account e-mail' },
        api_token: { description: 'The API token', secret: true },
      },
      apply: [{ in: 'basic', username: '{email}/token', password: '{api_token}' }],
    });
    const req = build(
      m,
      { id: 'a' },
      JSON.stringify({ email: 'ada@example.com', api_token: 's3cret-token' }),
    );
    expect(req.headers.authorization).toBe(
      `Basic ${Buffer.from('ada@example.com/token:s3cret-token').toString('base64')}`,
    );
  });

  it('puts a key into the body', () => {
    const m = manifest({
      credentialType: 'api_key',
      apply: [{ in: 'body', path: 'auth.key', value: '{token}' }],
    });
    const req = build(m, { id: 'a', name: 'n' }, 'body-key-1234');
    expect(JSON.parse(req.body as string)).toEqual({ name: 'n', auth: { key: 'body-key-1234' } });
  });

  it('sends nothing for a provider without a credential', () => {
    const req = build(manifest({ credentialType: 'none', apply: [] }), { id: 'a' });
    expect(Object.keys(req.headers).sort()).toEqual(['accept']);
  });
});

describe('the base URL from credential fields', () => {
  const zendeskLike = manifest(
    {
      credentialType: 'custom',
      fields: {
        subdomain: { description: 'The account subdomain', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
        region: { description: 'The data region', enum: ['us', 'eu'], default: 'us' },
        token: { description: 'The API token', secret: true },
      },
      apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    },
    { baseUrl: 'https://{subdomain}.{region}.vendor.example/api' },
  );

  it('fills the host from the fields, with defaults', () => {
    const req = build(
      zendeskLike,
      { id: 'a' },
      JSON.stringify({ subdomain: 'acme', token: 'tok-123456789' }),
    );
    expect(req.url).toBe('https://acme.us.vendor.example/api/things/a');
  });

  it.each([
    [
      'a field that would change the host',
      { subdomain: 'evil.example/x', token: 't' },
      /malformed subdomain/,
    ],
    [
      'a value outside the enum',
      { subdomain: 'acme', region: 'cn', token: 't' },
      /unknown region \(one of: us, eu\)/,
    ],
    ['a missing field', { subdomain: 'acme' }, /has no token \(The API token\)/],
  ])('refuses %s, naming the field and never its value', (_, credential, message) => {
    expect(() => build(zendeskLike, { id: 'a' }, JSON.stringify(credential))).toThrow(message);
    try {
      build(zendeskLike, { id: 'a' }, JSON.stringify(credential));
    } catch (err) {
      expect((err as Error).message).not.toContain('evil');
    }
  });

  it('refuses a credential that is not a JSON object when several fields are needed', () => {
    expect(() => build(zendeskLike, { id: 'a' }, 'just-a-token-1234')).toThrow(
      'The stored credential for vendor must be a JSON object with subdomain, region, token',
    );
  });

  it('needs a credential at all', () => {
    expect(() => build(zendeskLike, { id: 'a' })).toThrow(
      'No subdomain and region and token stored for provider vendor',
    );
  });
});

describe('params on the wire', () => {
  const none: Auth = { credentialType: 'none', apply: [] };

  it('encodes path params and refuses ones that climb the path', () => {
    expect(build(manifest(none), { id: 'a/b c' }).url).toBe('https://api.vendor.example/v2/things/a%2Fb%20c');
    for (const id of ['..', '.', ''])
      expect(() => build(manifest(none), { id })).toThrow('id cannot be empty, "." or ".."');
  });

  it('repeats array query params and refuses line breaks in header params', () => {
    const m = manifest(
      none,
      {},
      {
        ...action,
        method: 'GET',
        params: {
          id: action.params!.id!,
          tag: { in: 'query', type: 'array', items: { type: 'string' } },
          trace: { in: 'header', wire: 'X-Trace', type: 'string' },
        },
        constants: { query: { v: '2' }, headers: { 'X-Version': '2024-01-01' } },
      },
    );
    const req = build(m, { id: 'a', tag: ['x', 'y'], trace: 't1' });
    expect(req.url).toBe('https://api.vendor.example/v2/things/a?v=2&tag=x&tag=y');
    expect(req.headers).toMatchObject({ 'x-trace': 't1', 'x-version': '2024-01-01' });
    expect(req.body).toBeUndefined();
    expect(() => build(m, { id: 'a', trace: 'a\r\nx-evil: 1' })).toThrow('trace cannot contain line breaks');
  });

  it('nests JSON body params at their wire paths, over the constants', () => {
    const m = manifest(
      none,
      {},
      {
        ...action,
        path: '/send',
        params: {
          to: { in: 'body', wire: 'personalizations.0.to.0.email', type: 'string' },
          text: { in: 'body', wire: 'content.0.value', type: 'string' },
        },
        constants: { body: { content: [{ type: 'text/plain' }] } },
      },
    );
    const req = build(m, { to: 'ada@example.com', text: 'Hi' });
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body as string)).toEqual({
      personalizations: [{ to: [{ email: 'ada@example.com' }] }],
      content: [{ type: 'text/plain', value: 'Hi' }],
    });
  });

  it("keeps a vendor's own JSON media type from the constants", () => {
    const m = manifest(
      none,
      {},
      { ...action, constants: { headers: { 'Content-Type': 'application/vnd.api+json' } } },
    );
    expect(build(m, { id: 'a', name: 'n' }).headers['content-type']).toBe('application/vnd.api+json');
  });

  it('sends a whole-body array as it is, and merges named fields over a whole-body object', () => {
    const rows = manifest(
      none,
      {},
      {
        ...action,
        path: '/rows',
        params: { rows: { in: 'body', wire: '$', type: 'array', items: { type: 'object' } } },
      },
    );
    expect(JSON.parse(build(rows, { rows: [{ a: 1 }, { a: 2 }] }).body as string)).toEqual([
      { a: 1 },
      { a: 2 },
    ]);
    const record = manifest(
      none,
      {},
      {
        ...action,
        path: '/records',
        params: {
          fields: { in: 'body', wire: '$', type: 'object' },
          name: { in: 'body', type: 'string' },
        },
      },
    );
    expect(JSON.parse(build(record, { fields: { name: 'x', size: 2 }, name: 'y' }).body as string)).toEqual({
      name: 'y',
      size: 2,
    });
  });

  it('form-encodes with brackets for nesting', () => {
    const m = manifest(
      none,
      {},
      {
        ...action,
        path: '/send',
        encoding: 'form',
        params: {
          to: { in: 'body', wire: 'To', type: 'string' },
          meta: { in: 'body', type: 'object' },
        },
      },
    );
    const req = build(m, { to: '+15550001', meta: { a: 'b c' } });
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.body).toBe('To=%2B15550001&meta%5Ba%5D=b+c');
  });

  it('builds multipart with text fields and a file part', () => {
    const m = manifest(
      none,
      {},
      {
        ...action,
        path: '/upload',
        encoding: 'multipart',
        params: {
          caption: { in: 'body', type: 'string' },
          document: {
            in: 'body',
            type: 'string',
            file: { filename: 'report.txt', contentType: 'text/plain' },
          },
        },
      },
    );
    const req = build(m, { caption: 'Daily "report"', document: 'line 1\nline 2' });
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(req.headers['content-type']!)![1]!;
    expect((req.body as Buffer).toString('utf8')).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="caption"\r\n\r\nDaily "report"\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="report.txt"\r\n` +
        `Content-Type: text/plain\r\n\r\nline 1\nline 2\r\n--${boundary}--\r\n`,
    );
  });

  it('sends an idempotency key derived from run and step', () => {
    const m = manifest(none, {}, { ...action, idempotencyHeader: 'Idempotency-Key' });
    expect(build(m, { id: 'a' }).headers['idempotency-key']).toBe(idempotencyKey('run_1', 'step_1'));
  });

  it('lets auth win over a header of the same name', () => {
    const m = manifest(
      { credentialType: 'token', apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }] },
      {},
      {
        ...action,
        params: { ...action.params, auth: { in: 'header', wire: 'Authorization', type: 'string' } },
      },
    );
    expect(build(m, { id: 'a', auth: 'Bearer forged' }, 'real-token-1234').headers.authorization).toBe(
      'Bearer real-token-1234',
    );
  });
});

describe('setPath', () => {
  it('creates arrays for numeric segments and keeps what is there', () => {
    const target: Record<string, unknown> = { a: [{ keep: 1 }] };
    setPath(target, 'a.0.b', 2);
    setPath(target, 'c.1', 'x');
    expect(target).toEqual({ a: [{ keep: 1, b: 2 }], c: [undefined, 'x'] });
  });
});
