import type { LocalStack } from '../../../infra/local/local-stack';
import { createUserWithKey } from '../../support/identity';
import { callApi } from '../../support/http';
import { startTestStack } from '../../support/local-stack';

const transform = (id: string, value: unknown = 1) => ({
  id,
  provider: 'data',
  action: 'transform',
  params: { value },
});

describe('plans, pagination and tenant isolation (e2e)', () => {
  let stack: LocalStack;
  let alice: string;
  let bob: string;

  const api = (key: string, path: string, method = 'GET', body?: unknown) =>
    callApi(stack.apiUrl, key, path, method, body);

  beforeAll(async () => {
    stack = await startTestStack();
    alice = (await createUserWithKey('alice')).key;
    bob = (await createUserWithKey('bob')).key;
  });
  afterAll(() => stack?.stop());

  it('creates, reads, replaces and deletes a plan; deleting it removes its webhook', async () => {
    const created = await api(alice, '/api/execution-plans', 'POST', {
      name: 'p',
      description: 'd',
      steps: [transform('a')],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await api(alice, `/api/execution-plans/${id}`)).body).toMatchObject({
      id,
      name: 'p',
      description: 'd',
    });
    const replaced = await api(alice, `/api/execution-plans/${id}`, 'PUT', {
      name: 'p2',
      steps: [transform('b', 2)],
    });
    expect(replaced.body).toMatchObject({ name: 'p2', description: null, steps: [transform('b', 2)] });
    expect(
      (
        await api(alice, `/api/execution-plans/${id}`, 'PUT', {
          name: 'p3',
          steps: [{ id: 'x', provider: 'zzz', action: 'y', params: {} }],
        })
      ).status,
    ).toBe(400);

    const hook = await api(alice, `/api/execution-plans/${id}/webhook`, 'POST', {});
    expect((await api(alice, `/api/execution-plans/${id}`)).body.has_webhook).toBe(true);
    const rotated = await api(alice, `/api/execution-plans/${id}/webhook`, 'POST', {
      require_signature: false,
    });
    expect(rotated.body.secret).toBeNull();
    // The old token stopped working when it was replaced.
    expect((await fetch(`${stack.apiUrl}${hook.body.url}`, { method: 'POST', body: '{}' })).status).toBe(404);
    const unsigned = await fetch(`${stack.apiUrl}${rotated.body.url}`, { method: 'POST', body: '{}' });
    expect(unsigned.status).toBe(202);
    await stack.adapters.drain();

    expect((await api(alice, `/api/execution-plans/${id}/webhook`, 'DELETE')).status).toBe(204);
    expect((await api(alice, `/api/execution-plans/${id}/webhook`, 'DELETE')).status).toBe(404);
    expect((await fetch(`${stack.apiUrl}${rotated.body.url}`, { method: 'POST', body: '{}' })).status).toBe(
      404,
    );
    expect((await api(alice, `/api/execution-plans/${id}`)).body.has_webhook).toBe(false);
    const again = await api(alice, `/api/execution-plans/${id}/webhook`, 'POST', {
      require_signature: false,
    });
    expect(again.status).toBe(201);

    expect((await api(alice, `/api/execution-plans/${id}`, 'DELETE')).status).toBe(204);
    expect((await api(alice, `/api/execution-plans/${id}`)).status).toBe(404);
    expect((await fetch(`${stack.apiUrl}${again.body.url}`, { method: 'POST', body: '{}' })).status).toBe(
      404,
    );
    expect((await api(alice, `/api/execution-plans/${id}`, 'DELETE')).status).toBe(404);
    expect(
      (await api(alice, `/api/execution-plans/${id}`, 'PUT', { name: 'p', steps: [transform('a')] })).status,
    ).toBe(404);
  });

  it('deletes a credential by id; a stale id is a 404', async () => {
    const user = (await createUserWithKey('creds')).key;
    const cred = await api(user, '/api/provider-credentials', 'POST', {
      provider: 'groq',
      value: 'gsk_0123456789abcdef',
    });
    expect(cred.status).toBe(201);
    expect((await api(user, `/api/provider-credentials/${cred.body.id}`, 'DELETE')).status).toBe(204);
    expect((await api(user, '/api/provider-credentials')).body.credentials).toEqual([]);
    expect((await api(user, `/api/provider-credentials/${cred.body.id}`, 'DELETE')).status).toBe(404);
    const again = await api(user, '/api/provider-credentials', 'POST', {
      provider: 'groq',
      value: 'gsk_0123456789abcdef',
    });
    expect(again.body.id).not.toBe(cred.body.id);
    // The old id does not reach the new credential in the same slot.
    expect(
      (await api(user, `/api/provider-credentials/${cred.body.id}`, 'PUT', { value: 'gsk_new_value_123' }))
        .status,
    ).toBe(404);
    expect((await api(user, '/api/provider-credentials/garbage', 'DELETE')).status).toBe(404);
  });

  it('pages through plans and logs with an opaque cursor and refuses a forged one', async () => {
    const user = (await createUserWithKey('pager')).key;
    for (let i = 0; i < 5; i++)
      await api(user, '/api/execution-plans', 'POST', { name: `p${i}`, steps: [transform('a', i)] });
    const first = await api(user, '/api/execution-plans?limit=2');
    expect(first.body.plans.map((p: { name: string }) => p.name)).toEqual(['p0', 'p1']);
    const second = await api(user, `/api/execution-plans?limit=2&cursor=${first.body.next_cursor}`);
    expect(second.body.plans.map((p: { name: string }) => p.name)).toEqual(['p2', 'p3']);
    const third = await api(user, `/api/execution-plans?limit=2&cursor=${second.body.next_cursor}`);
    expect(third.body.plans.map((p: { name: string }) => p.name)).toEqual(['p4']);

    // Bob's cursor cannot read Alice's partition, nor can a made-up one.
    expect((await api(bob, `/api/execution-plans?cursor=${first.body.next_cursor}`)).status).toBe(400);
    expect((await api(user, '/api/execution-plans?cursor=bm9wZQ')).status).toBe(400);

    for (let i = 0; i < 3; i++) await api(user, '/api/execute-plan', 'POST', { steps: [transform('a', i)] });
    await api(user, '/api/execute-plan', 'POST', { steps: [{ ...transform('a', '{{trigger.body.x}}') }] });
    const logs = await api(user, '/api/execution-logs?limit=2');
    expect(logs.body.logs).toHaveLength(2);
    const rest = await api(user, `/api/execution-logs?limit=10&cursor=${logs.body.next_cursor}`);
    expect(rest.body.logs).toHaveLength(2);
    const failed = await api(user, '/api/execution-logs?status=failed');
    expect(failed.body.logs).toHaveLength(1);
    expect(failed.body.logs[0]).toMatchObject({ status: 'failed', trigger: 'manual' });
  });

  it("gives user B the same 404 for user A's ids as for ids that do not exist", async () => {
    const plan = await api(alice, '/api/execution-plans', 'POST', {
      name: 'secret plan',
      steps: [transform('a')],
    });
    const planId = plan.body.id;
    await api(alice, `/api/execution-plans/${planId}/webhook`, 'POST', {});
    const cred = await api(alice, '/api/provider-credentials', 'POST', {
      provider: 'openai',
      value: 'sk-alice-0123456789abcdef',
    });
    const run = await api(alice, '/api/execute-plan', 'POST', { plan_id: planId });
    expect(run.status).toBe(200);
    const integration = await api(alice, '/api/custom-integrations', 'POST', {
      name: 'crm',
      base_url: 'https://crm.example.com/api',
      auth: { type: 'bearer' },
      default_headers: {},
    });
    expect(integration.status).toBe(201);
    const ids = { plan: planId, cred: cred.body.id, run: run.body.id, integration: integration.body.id };
    const ghosts = {
      plan: 'plan_00000000000000000000000000000',
      cred: 'cred_b3BlbmFpI2FwaV9rZXk.000000000000000000000000',
      run: 'run_0mwt1bxc000000000000000000000',
      integration: 'int_000000000000000000000000',
    };
    const probes = (i: typeof ids): [string, string, unknown?][] => [
      ['GET', `/api/execution-plans/${i.plan}`],
      ['PUT', `/api/execution-plans/${i.plan}`, { name: 'x', steps: [transform('a')] }],
      ['DELETE', `/api/execution-plans/${i.plan}`],
      ['POST', `/api/execution-plans/${i.plan}/webhook`, {}],
      ['DELETE', `/api/execution-plans/${i.plan}/webhook`],
      ['POST', '/api/execute-plan', { plan_id: i.plan }],
      ['PUT', `/api/provider-credentials/${i.cred}`, { value: 'sk-bob-0123456789abcdef' }],
      ['DELETE', `/api/provider-credentials/${i.cred}`],
      ['GET', `/api/execution-logs/${i.run}`],
      ['GET', `/api/custom-integrations/${i.integration}`],
      [
        'PUT',
        `/api/custom-integrations/${i.integration}`,
        { name: 'x', base_url: 'https://x.example.com', auth: { type: 'none' }, default_headers: {} },
      ],
      ['DELETE', `/api/custom-integrations/${i.integration}`],
      [
        'POST',
        '/api/provider-credentials',
        { provider: `custom_${i.integration}`, value: 'sk-bob-0123456789abcdef' },
      ],
    ];
    const real = probes(ids);
    const fake = probes(ghosts);
    for (const [index, [method, path, body]] of real.entries()) {
      const theirs = await api(bob, path, method, body);
      const [gm, gp, gb] = fake[index]!;
      const nobody = await api(bob, gp, gm, gb);
      // Storing a credential for another user's integration: its provider does not exist for B.
      const expected = path === '/api/provider-credentials' ? 400 : 404;
      expect([method, path, theirs.status]).toEqual([method, path, expected]);
      // Equal bodies, once the id the caller sent (which an error may echo) is blanked out.
      const blank = (text: string, values: Record<string, string>) =>
        Object.values(values).reduce((t, v) => t.split(v).join('<id>'), text);
      expect(blank(theirs.text, ids)).toBe(blank(nobody.text, ghosts));
    }
    // Filters on another user's plan show nothing; Alice still has everything.
    expect((await api(bob, `/api/execution-logs?plan_id=${planId}`)).body.logs).toEqual([]);
    expect((await api(bob, '/api/provider-credentials')).body.credentials).toEqual([]);
    expect((await api(alice, `/api/execution-plans/${planId}`)).status).toBe(200);
    expect((await api(alice, `/api/execution-logs/${ids.run}`)).status).toBe(200);
    expect((await api(alice, '/api/provider-credentials')).body.credentials).toHaveLength(1);
    expect((await api(alice, `/api/execution-plans/${planId}`)).body.has_webhook).toBe(true);
    expect((await api(alice, `/api/custom-integrations/${ids.integration}`)).status).toBe(200);
    // A plan naming another user's integration is refused like an unknown provider.
    const borrowed = await api(bob, '/api/execution-plans', 'POST', {
      name: 'x',
      steps: [{ id: 'a', provider: `custom_${ids.integration}`, action: 'request', params: {} }],
    });
    expect(borrowed.status).toBe(400);
    expect(borrowed.body.error.message).toContain('unknown provider');
  });
});
