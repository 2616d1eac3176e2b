import type { LocalStack } from '../../../infra/local/local-stack';
import { createUserWithKey } from '../../support/identity';
import { callApi } from '../../support/http';
import { startTestStack } from '../../support/local-stack';

const SECRET = 'sk-audit-secret-value-9931';

describe('audit trail (e2e)', () => {
  let stack: LocalStack;
  let alice: Awaited<ReturnType<typeof createUserWithKey>>;
  let bob: { key: string };

  const api = (key: string, path: string, method = 'GET', body?: unknown) =>
    callApi(stack.apiUrl, key, path, method, body);

  beforeAll(async () => {
    stack = await startTestStack();
    alice = await createUserWithKey('alice');
    bob = await createUserWithKey('bob');
  });
  afterAll(() => stack?.stop());

  it('records credential create, rotate and delete with who and when, and shows each user only their own', async () => {
    const before = Date.now();
    const created = await api(alice.key, '/api/provider-credentials', 'POST', {
      provider: 'slack',
      value: SECRET,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(
      (await api(alice.key, `/api/provider-credentials/${id}`, 'PUT', { value: `${SECRET}-2` })).status,
    ).toBe(200);
    expect((await api(alice.key, `/api/provider-credentials/${id}`, 'DELETE')).status).toBe(204);

    const trail = await api(alice.key, '/api/audit');
    expect(trail.status).toBe(200);
    expect(trail.body.entries.map((e: { action: string }) => e.action)).toEqual([
      'credential.delete',
      'credential.rotate',
      'credential.create',
    ]);
    for (const entry of trail.body.entries) {
      expect(entry).toMatchObject({
        actor: { type: 'user', user_id: alice.user.userId, key_id: alice.keyId },
        target: { type: 'credential', id },
      });
      expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(before - 1000);
    }
    expect(trail.body.entries[2].details).toMatchObject({ provider: 'slack' });
    expect(trail.text).not.toContain(SECRET);

    const bobs = await api(bob.key, '/api/audit');
    expect(bobs.body).toEqual({ entries: [], next_cursor: null });
  });

  it('pages with a cursor and refuses a cursor from another partition', async () => {
    const page = await api(alice.key, '/api/audit?limit=1');
    expect(page.body.entries).toHaveLength(1);
    expect(page.body.next_cursor).toEqual(expect.any(String));
    const next = await api(alice.key, `/api/audit?limit=1&cursor=${page.body.next_cursor}`);
    expect(next.body.entries[0].id).not.toBe(page.body.entries[0].id);
    const stolen = await api(bob.key, `/api/audit?limit=1&cursor=${page.body.next_cursor}`);
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.code).toBe('invalid_cursor');
  });
});
