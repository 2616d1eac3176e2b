import type { LocalStack } from '../../../infra/local/local-stack';
import { jsonOf } from '../../support/http';
import { startTestStack } from '../../support/local-stack';

/** The provider catalogue over HTTP: the listing's filters and pages, and plans naming catalogue providers. */
describe('the provider catalogue on the local stack (e2e)', () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startTestStack();
    // The first import compiles the 230 catalogue files for jest (a bundle ships them compiled):
    // done here, so the requests below are timed like any other.
    await import('../../../shared/providers/registry');
  }, 120_000);
  afterAll(() => stack.stop());

  const call = (path: string, method = 'GET', body?: unknown) =>
    fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${stack.demo.key}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it("lists 200+ runnable providers in the seed's shape, each saying how it is verified", async () => {
    const res = await call('/api/providers');
    expect(res.status).toBe(200);
    const listing = await jsonOf(res);
    expect(Object.keys(listing).sort()).toEqual(['providers', 'total']);
    expect(listing.total).toBeGreaterThanOrEqual(200);
    expect(listing.providers).toHaveLength(listing.total);
    const names = listing.providers.map((p: { name: string }) => p.name);
    for (const seed of ['openai', 'groq', 'slack', 'notion', 'webhook', 'stripe'])
      expect(names).toContain(seed);
    const wireTested = listing.providers.filter(
      (p: { verification: string }) => p.verification === 'wire-tested',
    );
    expect(wireTested.length).toBeGreaterThanOrEqual(40);
  });

  it('filters by category and text, and pages with a cursor', async () => {
    const email = await jsonOf(await call('/api/providers?category=email&limit=5'));
    expect(email.providers).toHaveLength(5);
    expect(email.providers.every((p: { category: string }) => p.category === 'email')).toBe(true);
    expect(typeof email.next_cursor).toBe('string');
    const next = await jsonOf(
      await call(`/api/providers?category=email&limit=5&cursor=${email.next_cursor}`),
    );
    expect(next.total).toBe(email.total);
    expect(next.providers[0].name).not.toBe(email.providers[0].name);
    const found = await jsonOf(await call('/api/providers?q=postmark'));
    expect(found.providers.map((p: { name: string }) => p.name)).toEqual(['postmark']);
  });

  it('answers bad filters with a 400 in the error shape', async () => {
    for (const query of ['category=nope', 'limit=0', 'cursor=forged']) {
      const res = await call(`/api/providers?${query}`);
      expect(res.status).toBe(400);
      expect((await jsonOf(res)).error).toMatchObject({
        code: expect.any(String),
        message: expect.any(String),
      });
    }
  });

  it('validates a plan step of a catalogue provider against its manifest', async () => {
    const step = (params: Record<string, unknown>) => ({
      name: 'Remind me',
      steps: [{ id: 'task', provider: 'todoist', action: 'create_task', params }],
    });
    const refused = await call('/api/execution-plans', 'POST', step({}));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await jsonOf(refused))).toContain('content');
    const created = await call('/api/execution-plans', 'POST', step({ content: 'Water the plants' }));
    expect(created.status).toBe(201);
  });
});
