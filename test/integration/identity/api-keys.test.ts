import { startApiServer, type ApiServer } from '../../../infra/local/api-server';
import { jsonOf } from '../../support/http';
import { bearer, createUserWithKey } from '../../support/identity';

/**
 * The identity routes end to end: real HTTP, the real authorizer handler, the real
 * route handlers, DynamoDB Local. The authorizer cache is off here so revocation is
 * visible at once; the cache's own bound is covered by the local-authorizer tests.
 */
describe('API key routes', () => {
  let api: ApiServer;
  let alice: Awaited<ReturnType<typeof createUserWithKey>>;
  let bob: Awaited<ReturnType<typeof createUserWithKey>>;

  beforeAll(async () => {
    api = await startApiServer({ authorizerCacheTtlSeconds: 0 });
    [alice, bob] = await Promise.all([createUserWithKey('alice'), createUserWithKey('bob')]);
  });
  afterAll(() => api.close());

  const call = (path: string, init: RequestInit = {}) => fetch(api.url + path, init);

  it('serves the public health check without a key', async () => {
    const res = await call('/api/health');
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body).toEqual({ status: 'healthy', timestamp: expect.any(String), scheduler: 'active' });
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('creates, lists, uses and revokes a key; the revoked key then gets 401', async () => {
    const createRes = await call('/api/v1/auth/keys', {
      method: 'POST',
      headers: { ...bearer(alice.key), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'ci' }),
    });
    expect(createRes.status).toBe(201);
    const created = await jsonOf(createRes);
    expect(created.key).toMatch(/^fg_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: 'ci', prefix: created.key.slice(0, 11), last_used_at: null });
    expect(created.id).toMatch(/^key_/);

    const listRes = await call('/api/v1/auth/keys', { headers: bearer(created.key) });
    expect(listRes.status).toBe(200);
    const list = await jsonOf(listRes);
    expect(list.data.map((k: { id: string }) => k.id)).toEqual([alice.keyId, created.id]);
    const text = JSON.stringify(list);
    expect(text).not.toContain(created.key);
    expect(text).not.toContain(alice.key);
    expect(text).not.toMatch(/[a-f0-9]{64}/); // no hash
    // The key used for this call was stamped as used.
    expect(list.data.find((k: { id: string }) => k.id === created.id).last_used_at).toEqual(
      expect.any(String),
    );

    const revokeRes = await call(`/api/v1/auth/keys/${created.id}`, {
      method: 'DELETE',
      headers: bearer(alice.key),
    });
    expect(revokeRes.status).toBe(200);
    expect(await jsonOf(revokeRes)).toEqual({ id: created.id, revoked: true });

    const after = await call('/api/v1/auth/keys', { headers: bearer(created.key) });
    expect(after.status).toBe(401);
    const listAfter = await jsonOf(await call('/api/v1/auth/keys', { headers: bearer(alice.key) }));
    expect(listAfter.data.map((k: { id: string }) => k.id)).toEqual([alice.keyId]);

    const again = await call(`/api/v1/auth/keys/${created.id}`, {
      method: 'DELETE',
      headers: bearer(alice.key),
    });
    expect(again.status).toBe(404);
  });

  it.each([
    ['missing', {}],
    ['not bearer', { Authorization: 'Basic Zm9vOmJhcg==' }],
    ['malformed', { Authorization: 'Bearer not-a-key' }],
    ['unknown', { Authorization: `Bearer fg_${'A'.repeat(43)}` }],
  ])('rejects a %s key with the same JSON 401', async (_label, headers) => {
    const res = await call('/api/v1/auth/keys', { headers: headers as Record<string, string> });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await jsonOf(res)).toEqual({
      error: {
        message: 'Invalid or missing API key',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
        details: null,
      },
    });
  });

  it("gives 404 for another user's key id, and leaves that key working", async () => {
    const res = await call(`/api/v1/auth/keys/${bob.keyId}`, {
      method: 'DELETE',
      headers: bearer(alice.key),
    });
    expect(res.status).toBe(404);
    expect(await jsonOf(res)).toEqual({
      error: { code: 'key_not_found', message: 'API key not found', details: null },
    });
    const bobStill = await call('/api/v1/auth/keys', { headers: bearer(bob.key) });
    expect(bobStill.status).toBe(200);
  });

  it('rejects malformed JSON with 400', async () => {
    const res = await call('/api/v1/auth/keys', {
      method: 'POST',
      headers: { ...bearer(alice.key), 'Content-Type': 'application/json' },
      body: '{"name":',
    });
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).error).toMatchObject({ code: 'invalid_json' });
  });

  it('rejects a body that fails validation with 400 listing the issues', async () => {
    const res = await call('/api/v1/auth/keys', {
      method: 'POST',
      headers: { ...bearer(alice.key), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 42, extra: true }),
    });
    expect(res.status).toBe(400);
    const { error } = await jsonOf(res);
    expect(error.code).toBe('validation_error');
    expect(error.details.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['body.name']),
    );
  });

  it('rejects a body over the limit with 413', async () => {
    const res = await call('/api/v1/auth/keys', {
      method: 'POST',
      headers: { ...bearer(alice.key), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect((await jsonOf(res)).error).toMatchObject({
      code: 'payload_too_large',
      message: "Request body exceeds this route's limit of 1048576 bytes (1 MB)",
      details: { limit_bytes: 1048576 },
    });
  });

  it('answers an unknown route with a JSON 404 and a wrong method with 405', async () => {
    const unknown = await call('/api/nope', { headers: bearer(alice.key) });
    expect(unknown.status).toBe(404);
    expect((await jsonOf(unknown)).error.code).toBe('not_found');

    const wrong = await call('/api/v1/auth/keys', { method: 'PUT', headers: bearer(alice.key) });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST, GET');
    expect((await jsonOf(wrong)).error.code).toBe('method_not_allowed');
  });
});

describe('the authorizer cache', () => {
  let api: ApiServer;
  let carol: Awaited<ReturnType<typeof createUserWithKey>>;
  beforeAll(async () => {
    api = await startApiServer(); // the real 30 s cache
    carol = await createUserWithKey('carol');
  });
  afterAll(() => api.close());

  it('reuses one cached decision across different methods and routes of the same key', async () => {
    const headers = { Authorization: `Bearer ${carol.key}`, 'Content-Type': 'application/json' };
    const created = await fetch(`${api.url}/api/v1/auth/keys`, { method: 'POST', headers, body: '{}' });
    expect(created.status).toBe(201);
    const listed = await fetch(`${api.url}/api/v1/auth/keys`, { headers });
    expect(listed.status).toBe(200);
    const { id } = await jsonOf(created);
    const revoked = await fetch(`${api.url}/api/v1/auth/keys/${id}`, { method: 'DELETE', headers });
    expect(revoked.status).toBe(200);
  });
});
