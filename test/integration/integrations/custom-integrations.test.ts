import { startApiServer, type ApiServer } from '../../../infra/local/api-server';
import { integrationRoutes } from '../../../infra/routes/integrations';
import { jsonOf } from '../../support/http';
import { bearer, createUserWithKey } from '../../support/identity';

/**
 * Custom integration and provider-listing routes through the local API server: real
 * HTTP, the real authorizer, the real handlers, DynamoDB Local. OUTBOUND_ALLOW_CIDRS is
 * empty here, as in AWS.
 */
describe('custom integration routes', () => {
  let api: ApiServer;
  let alice: Awaited<ReturnType<typeof createUserWithKey>>;
  let bob: Awaited<ReturnType<typeof createUserWithKey>>;

  beforeAll(async () => {
    // Authorizer cache off: with it on, the policy cached after a POST (shared/identity/
    // authorize.ts stageWildcardArn) currently denies the same key's other methods for 30 s.
    api = await startApiServer({ routes: integrationRoutes, authorizerCacheTtlSeconds: 0 });
    [alice, bob] = await Promise.all([createUserWithKey('alice'), createUserWithKey('bob')]);
  });
  afterAll(() => api.close());

  const call = (key: string, path: string, method = 'GET', body?: unknown) =>
    fetch(api.url + path, {
      method,
      headers: { ...bearer(key), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  const crm = {
    name: 'Acme CRM',
    base_url: 'https://api.acme.example/v2',
    auth: { type: 'header', name: 'X-Api-Key' },
    default_headers: { Accept: 'application/json' },
  };

  it('creates, lists, reads, replaces and deletes an integration', async () => {
    const createRes = await call(alice.key, '/api/custom-integrations', 'POST', crm);
    expect(createRes.status).toBe(201);
    const created = await jsonOf(createRes);
    expect(created).toEqual({
      id: expect.stringMatching(/^int_[0-9a-f]{24}$/),
      provider: `custom_${created.id}`,
      name: 'Acme CRM',
      base_url: 'https://api.acme.example/v2',
      auth: { type: 'header', name: 'X-Api-Key' },
      default_headers: { Accept: 'application/json' },
      created_at: expect.any(String),
      updated_at: created.created_at,
    });

    const list = await jsonOf(await call(alice.key, '/api/custom-integrations'));
    expect(list.total).toBeGreaterThanOrEqual(1);
    expect(list.integrations).toContainEqual(created);

    const one = await call(alice.key, `/api/custom-integrations/${created.id}`);
    expect(one.status).toBe(200);
    expect(await jsonOf(one)).toEqual(created);

    const replaced = { name: 'Acme CRM EU', base_url: 'https://eu.acme.example', auth: { type: 'bearer' } };
    const putRes = await call(alice.key, `/api/custom-integrations/${created.id}`, 'PUT', replaced);
    expect(putRes.status).toBe(200);
    const updated = await jsonOf(putRes);
    expect(updated).toMatchObject({
      id: created.id,
      provider: created.provider,
      name: 'Acme CRM EU',
      base_url: 'https://eu.acme.example',
      auth: { type: 'bearer' },
      default_headers: {},
      created_at: created.created_at,
    });
    expect(updated.updated_at >= created.updated_at).toBe(true);

    const delRes = await call(alice.key, `/api/custom-integrations/${created.id}`, 'DELETE');
    expect(delRes.status).toBe(200);
    expect(await jsonOf(delRes)).toEqual({ id: created.id, deleted: true });
    expect((await call(alice.key, `/api/custom-integrations/${created.id}`)).status).toBe(404);
    expect((await call(alice.key, `/api/custom-integrations/${created.id}`, 'DELETE')).status).toBe(404);
  });

  it.each([
    [{ ...crm, base_url: 'ftp://files.acme.example' }, 'body.base_url', /scheme ftp/],
    [{ ...crm, base_url: 'https://user:pw@acme.example' }, 'body.base_url', /user information/],
    [
      { ...crm, base_url: 'http://169.254.169.254/latest' },
      'body.base_url',
      /non-public address \(linkLocal\)/,
    ],
    [{ ...crm, base_url: 'http://127.0.0.1:8080' }, 'body.base_url', /non-public address \(loopback\)/],
    [{ ...crm, base_url: 'http://[::ffff:10.0.0.1]/' }, 'body.base_url', /ipv4Mapped:private/],
    [{ ...crm, base_url: 'https://acme.example/v2?key=1' }, 'body.base_url', /query string/],
    [{ ...crm, base_url: 'not a url' }, 'body.base_url', /not a valid absolute URL/],
    [{ ...crm, auth: { type: 'header' } }, 'body.auth.name', /name is required/],
    [{ ...crm, auth: { type: 'bearer', name: 'x' } }, 'body.auth.name', /only for them/],
    [{ ...crm, auth: { type: 'oauth2' } }, 'body.auth.type', /Invalid option/],
    [
      { ...crm, default_headers: { Authorization: 'Bearer sk-live' } },
      'body.default_headers.Authorization',
      /looks like a secret/,
    ],
    [
      { ...crm, default_headers: { 'X-Api-Key': 'k' } },
      'body.default_headers.X-Api-Key',
      /looks like a secret/,
    ],
    [{ ...crm, default_headers: { 'X-A': 'a\r\nX-Injected: 1' } }, 'body.default_headers.X-A', /line breaks/],
    [{ ...crm, name: '' }, 'body.name', /too_small|>=1/],
    [{ ...crm, owner: 'bob' }, 'body', /Unrecognized key/],
  ])('rejects %j with a 400 naming %s, storing nothing', async (body, path, message) => {
    const before = (await jsonOf(await call(alice.key, '/api/custom-integrations'))).total;
    const res = await call(alice.key, '/api/custom-integrations', 'POST', body);
    expect(res.status).toBe(400);
    const error = (await jsonOf(res)).error;
    expect(error.code).toBe('validation_error');
    const issue = error.details.issues.find((i: { path: string }) => i.path === path);
    expect(issue).toBeDefined();
    expect(`${issue.message} ${issue.code}`).toMatch(message);
    expect((await jsonOf(await call(alice.key, '/api/custom-integrations'))).total).toBe(before);
  });

  it("answers another user's id exactly like a missing one", async () => {
    const mine = await jsonOf(await call(alice.key, '/api/custom-integrations', 'POST', crm));
    const missing = 'int_ffffffffffffffffffffffff';
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', crm],
      ['DELETE', undefined],
    ] as const) {
      const theirs = await call(bob.key, `/api/custom-integrations/${mine.id}`, method, body);
      const none = await call(bob.key, `/api/custom-integrations/${missing}`, method, body);
      expect(theirs.status).toBe(404);
      expect(none.status).toBe(404);
      expect(await theirs.text()).toBe(await none.text());
    }
    expect(JSON.stringify(await jsonOf(await call(bob.key, '/api/custom-integrations')))).not.toContain(
      mine.id,
    );
    // Still intact for its owner.
    expect(await jsonOf(await call(alice.key, `/api/custom-integrations/${mine.id}`))).toEqual(mine);
  });

  it('lists the built-in providers plus only the caller’s integrations on GET /api/providers', async () => {
    const mine = await jsonOf(
      await call(alice.key, '/api/custom-integrations', 'POST', { ...crm, name: 'Listed' }),
    );
    const res = await call(alice.key, '/api/providers');
    expect(res.status).toBe(200);
    const listing = await jsonOf(res);
    const names = listing.providers.map((p: { name: string }) => p.name);
    expect(listing.total).toBe(names.length);
    expect(names.slice(0, 12)).toEqual([
      'openai',
      'groq',
      'openai_compatible',
      'http',
      'webhook',
      'slack',
      'notion',
      'stripe',
      'discord',
      'telegram',
      'github',
      'data',
    ]);
    expect(listing.providers.find((p: { name: string }) => p.name === mine.provider)).toMatchObject({
      title: 'Listed',
      credential_type: 'custom',
      actions: [{ name: 'request', params: { type: 'object', properties: { path: { default: '/' } } } }],
    });
    const stripe = listing.providers.find((p: { name: string }) => p.name === 'stripe');
    expect(stripe).toMatchObject({ credential_type: 'api_key' });
    expect(stripe.actions.map((a: { name: string }) => a.name)).toEqual([
      'create_customer',
      'create_payment_intent',
    ]);

    const bobs = await jsonOf(await call(bob.key, '/api/providers'));
    expect(bobs.providers.map((p: { name: string }) => p.name)).not.toContain(mine.provider);
  });

  it('requires an API key', async () => {
    expect((await fetch(`${api.url}/api/providers`)).status).toBe(401);
    expect((await fetch(`${api.url}/api/custom-integrations`)).status).toBe(401);
  });
});
